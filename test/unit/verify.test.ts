import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import {
  checkLoop,
  checkSender,
  envelopeAddress,
  type Envelope,
  isForwardingConfirmation,
  PROBE_SUBJECT,
  probeNonce,
  verifiedDkimDomains,
} from '../../lambdas/core/trust/index.ts';

const policy = { allowedSenders: ['me@example.com'], ownAddresses: ['letters@onward.test'], requireDmarcPass: true };
const pass: Envelope = { source: 'me@example.com', spam: 'PASS', virus: 'PASS', dmarc: 'PASS', spf: 'PASS' };

function mail(over: Partial<ParsedMail> = {}): ParsedMail {
  return {
    messageId: '<m@x>',
    from: [{ name: 'Me', address: 'me@example.com' }],
    replyTo: [],
    to: [],
    cc: [],
    subject: 'Fwd: x',
    date: null,
    inReplyTo: null,
    references: null,
    text: 'hi',
    headers: [],
    attached: null,
    ...over,
  };
}

describe('who may hand onward a rejection', () => {
  const ok = (via: 'from' | 'auto-forward') => ({ ok: true, via });
  const refused = (reason: string, cause?: string) => ({
    ok: false,
    reason,
    ...(cause ? { owner: expect.objectContaining({ cause }) } : {}),
  });

  it('accepts the owner with DMARC PASS', () => {
    expect(checkSender(mail(), pass, policy)).toEqual({ ok: true, via: 'from' });
  });

  it('records a stranger’s mail for the virus or spam SES found, and tells nobody', () => {
    const stranger = mail({ from: [{ name: null, address: 'mallory@evil.test' }] });
    const envelope = { ...pass, source: 'mallory@evil.test' };
    expect(checkSender(stranger, { ...envelope, virus: 'FAIL', spam: 'FAIL' }, policy)).toEqual({
      ok: false,
      reason: 'virus',
      via: null,
    });
    expect(checkSender(stranger, { ...envelope, spam: 'FAIL' }, policy)).toEqual({
      ok: false,
      reason: 'spam',
      via: null,
    });
  });

  it('judges the address, never the display name', () => {
    const spoof = mail({ from: [{ name: 'me@example.com', address: 'mallory@evil.test' }] });
    expect(checkSender(spoof, pass, policy)).toEqual({ ok: false, reason: 'not-allowed', via: null });
  });

  it('refuses two From headers, and none', () => {
    const two = mail({
      from: [
        { name: null, address: 'me@example.com' },
        { name: null, address: 'x@evil.test' },
      ],
    });
    expect(checkSender(two, pass, policy)).toEqual({ ok: false, reason: 'multiple-from', via: null });
    expect(checkSender(mail({ from: [] }), pass, policy)).toEqual({ ok: false, reason: 'no-from', via: null });
  });

  it.each([
    [{ ...pass, dmarc: 'FAIL' as const }, refused('dmarc', 'dmarc-fail')],
    [{ ...pass, spam: 'FAIL' as const }, refused('spam', 'spam')],
    [{ ...pass, virus: 'FAIL' as const }, refused('virus', 'virus')],
  ])('applies the SES verdicts, and tells the owner %#', (envelope, expected) => {
    expect(checkSender(mail(), envelope, policy)).toMatchObject(expected);
  });

  it('owner’s domain without DMARC (GRAY): accepted when DKIM or the envelope aligns with the From domain', () => {
    const gray = { ...pass, dmarc: 'GRAY' as const };
    expect(checkSender(mail(), { ...gray, dkim: 'PASS', dkimDomains: ['example.com'] }, policy)).toEqual(ok('from'));
    expect(checkSender(mail(), { ...gray, dkim: 'FAIL', spf: 'PASS' }, policy)).toEqual(ok('from'));
    // A parent or sibling domain does not align: equal means equal.
    expect(
      checkSender(
        mail(),
        { ...gray, source: 'me@mail.example.com', dkim: 'PASS', dkimDomains: ['mail.example.com'] },
        policy,
      ),
    ).toMatchObject(refused('dmarc', 'not-aligned'));
  });

  it('owner’s domain without DMARC: a DKIM PASS for no domain SES named aligns nothing', () => {
    const gray = { ...pass, dmarc: 'GRAY' as const, spf: 'FAIL' as const, dkim: 'PASS' as const };
    expect(checkSender(mail(), gray, policy)).toMatchObject(refused('dmarc', 'not-aligned'));
  });

  it('refuses mail From the owner that passes only for someone else’s domain', () => {
    const elsewhere = {
      ...pass,
      dmarc: 'GRAY' as const,
      source: 'bounce@mailer.evil.test',
      spf: 'PASS' as const,
      dkim: 'PASS' as const,
      dkimDomains: ['evil.test'],
    };
    expect(checkSender(mail(), elsewhere, policy)).toMatchObject({
      ok: false,
      reason: 'dmarc',
      owner: {
        cause: 'not-aligned',
        account: 'me@example.com',
        envelopeDomain: 'mailer.evil.test',
        dkimDomains: ['evil.test'],
      },
    });
    // A DKIM domain that SES did not verify counts for nothing.
    expect(checkSender(mail(), { ...elsewhere, dkim: 'FAIL', dkimDomains: ['example.com'] }, policy)).toMatchObject(
      refused('dmarc', 'not-aligned'),
    );
  });

  it('DMARC PROCESSING_FAILED: accepted only when aligned, else the owner hears it could not be checked', () => {
    const failed = { ...pass, dmarc: 'PROCESSING_FAILED' as const };
    expect(checkSender(mail(), failed, policy)).toEqual(ok('from'));
    expect(checkSender(mail(), { ...failed, spf: 'PROCESSING_FAILED' }, policy)).toMatchObject(
      refused('dmarc', 'unverifiable'),
    );
  });

  it('ignores verdict headers written inside the message', () => {
    const forged = mail({
      from: [{ name: null, address: 'mallory@evil.test' }],
      headers: [
        { name: 'authentication-results', value: 'amazonses.com; dmarc=pass header.from=example.com' },
        { name: 'x-ses-spam-verdict', value: 'PASS' },
      ],
    });
    expect(checkSender(forged, { ...pass, source: 'mallory@evil.test' }, policy)).toEqual({
      ok: false,
      reason: 'not-allowed',
      via: null,
    });
  });

  it('accepts an auto-forward only with the owner in the envelope and forwarding headers', () => {
    const recruiter = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' }],
    });
    expect(checkSender(recruiter, { ...pass, source: 'prvs=1234abcd=me@example.com' }, policy)).toEqual(
      ok('auto-forward'),
    );
    expect(checkSender(recruiter, { ...pass, source: 'someone@else.test' }, policy)).toEqual({
      ok: false,
      reason: 'not-allowed',
      via: null,
    });
    const noHeaders = mail({ from: [{ name: 'Jo', address: 'jo@acme.test' }] });
    expect(checkSender(noHeaders, { ...pass, source: 'me@example.com' }, policy)).toEqual({
      ok: false,
      reason: 'not-allowed',
      via: null,
    });
  });

  it('believes an auto-forward on its SPF-passing envelope, whatever the recruiter’s DMARC', () => {
    const recruiter = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' }],
    });
    for (const dmarc of ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED'] as const)
      expect(checkSender(recruiter, { ...pass, dmarc }, policy), dmarc).toEqual(ok('auto-forward'));
    expect(checkSender(recruiter, { ...pass, spf: 'FAIL' }, policy)).toMatchObject(
      refused('not-allowed', 'forward-unauthenticated'),
    );
    expect(checkSender(recruiter, { ...pass, spf: 'GRAY' }, policy)).toMatchObject(
      refused('not-allowed', 'forward-unauthenticated'),
    );
    // The owner is told which account forwarded it, and what SES verified: never the recruiter.
    const tagged = { ...pass, spf: 'FAIL' as const, source: 'me+caf_=inbox=onward.test@example.com' };
    expect(checkSender(recruiter, tagged, policy)).toMatchObject({
      owner: { account: 'me@example.com', envelopeDomain: 'example.com', dkimDomains: [] },
    });
    expect(checkSender(recruiter, { ...tagged, dkimDomains: ['acme.test'] }, policy)).toMatchObject({
      owner: { dkimDomains: ['acme.test'] },
    });
  });

  it('an authenticated auto-forward from an account not on the list: the owner hears which one', () => {
    const fromOtherAccount = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: 'sam.other@gmail.test inbox@onward.test' }],
    });
    const envelope = { ...pass, source: 'sam.other+caf_=inbox=onward.test@gmail.test' };
    expect(checkSender(fromOtherAccount, envelope, policy)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
      via: 'auto-forward',
      owner: { cause: 'forwarder-not-allowed', account: 'sam.other@gmail.test' },
    });
    // Unauthenticated, it is nobody's: recorded, nobody told.
    expect(checkSender(fromOtherAccount, { ...envelope, spf: 'FAIL' }, policy)).toEqual({
      ok: false,
      reason: 'not-allowed',
      via: null,
    });
  });

  it('reads Gmail’s tagged forwarding envelope, and matches header addresses exactly', () => {
    const recruiter = (value: string) =>
      mail({ from: [{ name: 'Jo', address: 'jo@acme.test' }], headers: [{ name: 'x-forwarded-for', value }] });
    const gmail = { ...pass, source: 'me+caf_=inbox=onward.test@example.com' };
    expect(checkSender(recruiter('me@example.com inbox@onward.test'), gmail, policy)).toEqual(ok('auto-forward'));
    expect(checkSender(recruiter('notme@example.com inbox@onward.test'), gmail, policy)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it.each([
    ['Gmail', 'x-forwarded-for', 'me@example.com inbox@onward.test'],
    ['Gmail (the forwarding address)', 'x-forwarded-to', 'inbox@onward.test, me@example.com'],
    ['a Resent-* forward', 'resent-from', 'Sam Rivera <me@example.com>'],
    ['an Outlook / Exchange inbox rule', 'x-ms-exchange-inbox-rules-loop', 'me@example.com'],
  ])('accepts an auto-forward by %s', (_provider, name, value) => {
    const recruiter = mail({ from: [{ name: 'Jo', address: 'jo@acme.test' }], headers: [{ name, value }] });
    expect(checkSender(recruiter, pass, policy)).toEqual({ ok: true, via: 'auto-forward' });
    const byStranger = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name, value: value.replace('me@example.com', 'mallory@evil.test') }],
    });
    expect(checkSender(byStranger, pass, policy)).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('knows the owner’s address however the mail writes it', () => {
    const shouting = mail({ from: [{ name: 'Me', address: 'me@example.com' }] });
    expect(checkSender(shouting, pass, { ...policy, allowedSenders: ['Me@Example.COM'] })).toEqual({
      ok: true,
      via: 'from',
    });
    const recruiter = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: '<ME@EXAMPLE.COM>;inbox@onward.test' }],
    });
    for (const source of ['<me@example.com>', ' ME@Example.com ', 'prvs=0123abcd=me@example.com']) {
      expect(checkSender(recruiter, { ...pass, source }, policy)).toEqual({ ok: true, via: 'auto-forward' });
    }
  });

  it('believes no auto-forward whose envelope is another account, however it is tagged', () => {
    const recruiter = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' }],
    });
    for (const source of [
      'mallory+me@example.com',
      'me@example.com.evil.test',
      'me',
      '',
      // Only enclosing brackets and a leading BATV tag are taken off an envelope address.
      'm<e@example.com',
      'me@exam>ple.com',
      'xprvs=1234abcd=me@example.com',
    ]) {
      expect(checkSender(recruiter, { ...pass, source }, policy)).toMatchObject({ ok: false, reason: 'not-allowed' });
    }
  });

  it('names a virus before spam in the owner’s own mail', () => {
    expect(checkSender(mail(), { ...pass, virus: 'FAIL', spam: 'FAIL' }, policy)).toMatchObject({
      ok: false,
      reason: 'virus',
    });
    expect(checkSender(mail(), { ...pass, spam: 'FAIL' }, policy)).toMatchObject({ ok: false, reason: 'spam' });
  });

  it('takes an auto-forward’s envelope without SPF only where nothing computes verdicts', () => {
    const recruiter = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' }],
    });
    const unverdicted = { ...pass, dmarc: 'GRAY', spf: 'GRAY' } as const;
    expect(checkSender(recruiter, unverdicted, { ...policy, requireDmarcPass: false })).toEqual({
      ok: true,
      via: 'auto-forward',
    });
  });

  it('can drop the verdicts where nothing computes them', () => {
    expect(
      checkSender(mail(), { ...pass, dmarc: 'GRAY', spf: 'GRAY' }, { ...policy, requireDmarcPass: false }),
    ).toEqual({ ok: true, via: 'from' });
  });
});

describe('the DKIM domains SES verified', () => {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/ses-lambda-event.json', import.meta.url), 'utf8'));
  const headers = fixture.Records[0].ses.mail.headers as { name: string; value: string }[];

  it('are read from SES’s own Authentication-Results, on top of the headers', () => {
    expect(verifiedDkimDomains(headers, 'PASS')).toEqual(['example.com']);
  });

  it('never from one the sender wrote further down', () => {
    const forged = [
      ...headers.filter((h) => h.name !== 'Authentication-Results'),
      { name: 'Authentication-Results', value: 'amazonses.com; dkim=pass header.i=@example.com' },
    ];
    expect(verifiedDkimDomains(forged, 'FAIL')).toEqual([]);
  });

  it('not from another server’s Authentication-Results where SES’s own should be', () => {
    const relayed = [
      { name: 'Authentication-Results', value: 'mx.relay.test; dkim=pass header.i=@evil.test' },
      ...headers,
    ];
    expect(verifiedDkimDomains(relayed, 'FAIL')).toEqual([]);
  });

  it('as SES writes them: any case, with or without the @', () => {
    const upper = [
      {
        name: 'Authentication-Results',
        value: 'amazonses.com; dkim=pass (signature verified) header.i=Mail.Example.COM',
      },
    ];
    expect(verifiedDkimDomains(upper, 'PASS')).toEqual(['mail.example.com']);
  });

  it('from the one DKIM-Signature among the other headers, its d= tag wherever it stands', () => {
    const mailHeaders = [
      { name: 'From', value: 'Me <me@gmail.com>' },
      { name: 'DKIM-Signature', value: 'd=gmail.com; v=1; a=rsa-sha256; s=20230601' },
      { name: 'Subject', value: 'd=evil.test' },
    ];
    expect(verifiedDkimDomains(mailHeaders, 'PASS')).toEqual(['gmail.com']);
    const tagAfterSpace = [{ name: 'DKIM-Signature', value: 'v=1;d =Gmail.com; s=x' }];
    expect(verifiedDkimDomains(tagAfterSpace, 'PASS')).toEqual(['gmail.com']);
    expect(verifiedDkimDomains([{ name: 'DKIM-Signature', value: 'v=1; s=x' }], 'PASS')).toEqual([]);
  });

  it('or from the one DKIM-Signature, when SES says DKIM PASS', () => {
    const one = [
      { name: 'DKIM-Signature', value: 'v=1; a=rsa-sha256; c=relaxed/relaxed; d=Gmail.com; s=20230601; h=from:to' },
    ];
    expect(verifiedDkimDomains(one, 'PASS')).toEqual(['gmail.com']);
    expect(verifiedDkimDomains(one, 'FAIL')).toEqual([]);
    // Two signatures: the verdict does not say which one passed.
    expect(verifiedDkimDomains([...one, { name: 'DKIM-Signature', value: 'v=1; d=evil.test; s=x' }], 'PASS')).toEqual(
      [],
    );
  });
});

describe('the doctor’s test message', () => {
  it('is known by its subject and nonce alone', () => {
    expect(probeNonce(`${PROBE_SUBJECT} 0123456789abcdef`)).toBe('0123456789abcdef');
    expect(probeNonce(`  ${PROBE_SUBJECT} 0123456789abcdef\n`)).toBe('0123456789abcdef');
    for (const subject of [
      `${PROBE_SUBJECT} short`,
      `Re: ${PROBE_SUBJECT} 0123456789abcdef`,
      `${PROBE_SUBJECT} 0123456789abcdef and more`,
      'Your application',
    ])
      expect(probeNonce(subject), subject).toBeNull();
  });
});

describe('mail loops', () => {
  it('never answers auto-submitted mail, bounces or its own mail', () => {
    expect(checkLoop(mail({ headers: [{ name: 'auto-submitted', value: 'auto-replied' }] }), pass, policy)).toBe(
      'auto-submitted',
    );
    expect(checkLoop(mail({ headers: [{ name: 'auto-submitted', value: 'no' }] }), pass, policy)).toBeNull();
    expect(checkLoop(mail(), { ...pass, source: '' }, policy)).toBe('bounce');
    expect(checkLoop(mail(), { ...pass, source: 'MAILER-DAEMON@mx.example.com' }, policy)).toBe('bounce');
    expect(checkLoop(mail({ from: [{ name: null, address: 'letters@onward.test' }] }), pass, policy)).toBe('own-mail');
  });

  it('answers an ATS’s auto-submitted mail when the owner’s provider auto-forwarded it', () => {
    const ats = mail({ headers: [{ name: 'auto-submitted', value: 'auto-generated' }] });
    expect(checkLoop(ats, pass, policy, true)).toBeNull();
    expect(checkLoop(ats, pass, policy)).toBe('auto-submitted');
    expect(checkLoop(mail({ headers: [{ name: 'auto-submitted', value: ' No ' }] }), pass, policy)).toBeNull();
  });

  it('knows bounces and its own mail however the envelope writes them', () => {
    expect(checkLoop(mail(), { ...pass, source: '<>' }, policy)).toBe('bounce');
    expect(checkLoop(mail(), { ...pass, source: 'postmaster@mx.example.com' }, policy)).toBe('bounce');
    expect(checkLoop(mail(), { ...pass, source: 'me.postmaster@example.com' }, policy)).toBeNull();
    expect(checkLoop(mail(), { ...pass, source: 'notmailer-daemon@example.com' }, policy)).toBeNull();
    expect(checkLoop(mail(), { ...pass, source: '<Letters@Onward.test>' }, policy)).toBe('own-mail');
    const ownUpper = { ...policy, ownAddresses: ['LETTERS@onward.test'] };
    expect(checkLoop(mail({ from: [{ name: null, address: 'letters@onward.test' }] }), pass, ownUpper)).toBe(
      'own-mail',
    );
    const alongside = mail({
      from: [
        { name: null, address: 'someone@else.test' },
        { name: null, address: 'letters@onward.test' },
      ],
    });
    expect(checkLoop(alongside, pass, policy)).toBe('own-mail');
    // Even auto-forwarded: onward's own mail coming back is never answered.
    expect(checkLoop(mail(), { ...pass, source: 'letters@onward.test' }, policy, true)).toBe('own-mail');
  });

  it('reads BATV-rewritten envelope senders', () => {
    expect(envelopeAddress('<prvs=144d0cba7=sender@example.com>')).toBe('sender@example.com');
  });
});

describe('Gmail’s forwarding confirmation', () => {
  const confirmation = mail({
    from: [{ name: 'Gmail Team', address: 'forwarding-noreply@google.com' }],
    subject: '(#123456789) Gmail Forwarding Confirmation - Receive Mail from me@gmail.com',
  });
  const google = { ...pass, source: 'forwarding-noreply@google.com' };

  it('is recognised from Google, with its subject', () => {
    expect(isForwardingConfirmation(confirmation, google, policy)).toBe(true);
    expect(
      isForwardingConfirmation(confirmation, { ...google, dmarc: 'GRAY' }, { ...policy, requireDmarcPass: false }),
    ).toBe(true);
  });

  it('is not anyone’s mail that says so in its subject, nor Google’s other mail', () => {
    const stranger = { ...confirmation, from: [{ name: 'Gmail Team', address: 'mallory@evil.test' }] };
    expect(isForwardingConfirmation(stranger, google, policy)).toBe(false);
    const alongside = {
      ...confirmation,
      from: [...confirmation.from, { name: null, address: 'mallory@evil.test' }],
    };
    expect(isForwardingConfirmation(alongside, google, policy)).toBe(false);
    expect(isForwardingConfirmation({ ...confirmation, subject: 'Security alert' }, google, policy)).toBe(false);
  });

  it('is not spam, a virus, or mail failing DMARC where verdicts exist', () => {
    expect(isForwardingConfirmation(confirmation, { ...google, spam: 'FAIL' }, policy)).toBe(false);
    expect(isForwardingConfirmation(confirmation, { ...google, virus: 'FAIL' }, policy)).toBe(false);
    expect(isForwardingConfirmation(confirmation, { ...google, dmarc: 'FAIL' }, policy)).toBe(false);
  });
});
