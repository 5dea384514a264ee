import { describe, expect, it } from 'vitest';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import { checkLoop, checkSender, envelopeAddress, type Envelope } from '../../lambdas/core/trust/index.ts';

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

  it('reads BATV-rewritten envelope senders', () => {
    expect(envelopeAddress('<prvs=144d0cba7=sender@example.com>')).toBe('sender@example.com');
  });
});
