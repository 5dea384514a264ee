import { describe, expect, it } from 'vitest';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import {
  checkLoop,
  checkSender,
  envelopeAddress,
  type Envelope,
  isForwardingConfirmation,
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
  it('accepts the owner with DMARC PASS', () => {
    expect(checkSender(mail(), pass, policy)).toEqual({ ok: true, via: 'from' });
  });

  it('judges the address, never the display name', () => {
    const spoof = mail({ from: [{ name: 'me@example.com', address: 'mallory@evil.test' }] });
    expect(checkSender(spoof, pass, policy)).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('refuses two From headers, and none', () => {
    const two = mail({
      from: [
        { name: null, address: 'me@example.com' },
        { name: null, address: 'x@evil.test' },
      ],
    });
    expect(checkSender(two, pass, policy)).toEqual({ ok: false, reason: 'multiple-from' });
    expect(checkSender(mail({ from: [] }), pass, policy)).toEqual({ ok: false, reason: 'no-from' });
  });

  it.each([
    [{ ...pass, dmarc: 'FAIL' as const }, 'dmarc'],
    [{ ...pass, dmarc: 'GRAY' as const }, 'dmarc'],
    [{ ...pass, spam: 'FAIL' as const }, 'spam'],
    [{ ...pass, virus: 'FAIL' as const }, 'virus'],
  ])('applies the SES verdicts %#', (envelope, reason) => {
    expect(checkSender(mail(), envelope, policy)).toEqual({ ok: false, reason });
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
    });
  });

  it('accepts an auto-forward only with the owner in the envelope and forwarding headers', () => {
    const recruiter = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' }],
    });
    expect(checkSender(recruiter, { ...pass, source: 'prvs=1234abcd=me@example.com' }, policy)).toEqual({
      ok: true,
      via: 'auto-forward',
    });
    expect(checkSender(recruiter, { ...pass, source: 'someone@else.test' }, policy)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    const noHeaders = mail({ from: [{ name: 'Jo', address: 'jo@acme.test' }] });
    expect(checkSender(noHeaders, { ...pass, source: 'me@example.com' }, policy)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('believes an auto-forward’s envelope only with SPF PASS where verdicts exist', () => {
    const recruiter = mail({
      from: [{ name: 'Jo', address: 'jo@acme.test' }],
      headers: [{ name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' }],
    });
    expect(checkSender(recruiter, { ...pass, spf: 'FAIL' }, policy)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(checkSender(recruiter, { ...pass, spf: 'GRAY' }, policy)).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('reads Gmail’s tagged forwarding envelope, and matches header addresses exactly', () => {
    const recruiter = (value: string) =>
      mail({ from: [{ name: 'Jo', address: 'jo@acme.test' }], headers: [{ name: 'x-forwarded-for', value }] });
    const gmail = { ...pass, source: 'me+caf_=inbox=onward.test@example.com' };
    expect(checkSender(recruiter('me@example.com inbox@onward.test'), gmail, policy)).toEqual({
      ok: true,
      via: 'auto-forward',
    });
    expect(checkSender(recruiter('notme@example.com inbox@onward.test'), gmail, policy)).toEqual({
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
    expect(checkSender(byStranger, pass, policy)).toEqual({ ok: false, reason: 'not-allowed' });
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
      expect(checkSender(recruiter, { ...pass, source }, policy)).toEqual({ ok: false, reason: 'not-allowed' });
    }
  });

  it('refuses a virus before anything else is judged', () => {
    expect(checkSender(mail(), { ...pass, virus: 'FAIL', spam: 'FAIL', dmarc: 'FAIL' }, policy)).toEqual({
      ok: false,
      reason: 'virus',
    });
    expect(checkSender(mail(), { ...pass, spam: 'FAIL', dmarc: 'FAIL' }, policy)).toEqual({
      ok: false,
      reason: 'spam',
    });
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

  it('can drop the DMARC requirement where nothing computes it', () => {
    expect(
      checkSender(mail(), { ...pass, dmarc: 'GRAY', spf: 'GRAY' }, { ...policy, requireDmarcPass: false }),
    ).toEqual({ ok: true, via: 'from' });
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
