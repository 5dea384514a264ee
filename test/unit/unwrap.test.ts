import { describe, expect, it } from 'vitest';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import { unwrapForward } from '../../lambdas/core/forward/index.ts';
import { stripForwardPrefix } from '../../lambdas/core/subject/index.ts';
import { describeOnEmails } from '../support/corpus.ts';

function mail(over: Partial<ParsedMail> = {}): ParsedMail {
  return {
    messageId: '<fwd@owner>',
    from: [{ name: 'Me', address: 'me@example.com' }],
    replyTo: [],
    to: [],
    cc: [],
    subject: 'Fwd: Your application',
    date: null,
    inReplyTo: null,
    references: null,
    text: '',
    headers: [],
    attached: null,
    ...over,
  };
}

const body = 'Dear Sam,\n\nWe have decided to move forward with other candidates.\n\nJane Roe';

describe('unwrapping a forward', () => {
  it('recovers the original from a Gmail inline forward, without a Message-ID', () => {
    const text = `FYI\n\n---------- Forwarded message ---------\nFrom: Jane Roe <Jane@Acme.test>\nDate: Mon, 5 Oct 2020 at 09:12\nSubject: Your application\nTo: <me@example.com>\n\n\n${body}\n`;
    const original = unwrapForward(mail({ text })).original;
    expect(original).toMatchObject({
      style: 'inline',
      from: { name: 'Jane Roe', address: 'jane@acme.test' },
      subject: 'Your application',
      messageId: null,
    });
    expect(original.text).toContain('move forward with other candidates');
    expect(original.text).not.toContain('FYI');
  });

  it('recovers the original from an Outlook forward', () => {
    const text = `\n\n________________________________\nFrom: Jane Roe <jane@acme.test>\nSent: Monday, October 5, 2020 9:12 AM\nTo: Me <me@example.com>\nSubject: Your application\n\n${body}`;
    expect(unwrapForward(mail({ text })).original).toMatchObject({
      style: 'inline',
      from: { address: 'jane@acme.test' },
      subject: 'Your application',
    });
  });

  it('uses a forwarded attachment whole, keeping its Message-ID', () => {
    const attached = mail({
      messageId: '<orig@acme>',
      from: [{ name: 'Jane', address: 'jane@acme.test' }],
      subject: 'Your application',
      text: body,
    });
    expect(unwrapForward(mail({ text: 'see attached', attached })).original).toMatchObject({
      style: 'attachment',
      messageId: '<orig@acme>',
      from: { address: 'jane@acme.test' },
    });
  });

  it('treats mail that is not a forward as the original', () => {
    const direct = mail({
      subject: 'Your application',
      text: body,
      from: [{ name: 'Jane', address: 'jane@acme.test' }],
      messageId: '<d@acme>',
    });
    expect(unwrapForward(direct).original).toMatchObject({ style: 'direct', messageId: '<d@acme>' });
  });

  it('strips the forward prefixes clients add', () => {
    expect(stripForwardPrefix('Fwd: FW: Re: hello')).toBe('Re: hello');
    expect(stripForwardPrefix('WG: Absage')).toBe('Absage');
  });
});

describeOnEmails('the faster forward reader', (records) => {
  it('answers exactly as email-forward-parser on every email forwarded in six styles', async () => {
    const { forwardReaderDifferences } = await import('../../scripts/eval.ts');
    expect(forwardReaderDifferences(records)).toEqual([]);
  });
});

describe('the faster forward reader', () => {
  it('reads labels after letters that grow when upper-cased ("ß" → "SS"), as the library does', async () => {
    const { default: EmailForwardParser } = await import('email-forward-parser');
    const { readForward } = await import('../../lambdas/core/forward/index.ts');
    const text =
      'Grüße aus der Straße\n\n---------- Forwarded message ---------\nFrom: Jürgen Großmann <j@acme.test>\n' +
      'Date: Mon, 5 Oct 2020 at 09:12 (Re the Subject: later)\nsubject: Ihre Bewerbung – Weiß & Söhne\nTo: <me@example.com>\n\nLeider …';
    const read = readForward(text, '');
    expect(read).toEqual(new EmailForwardParser().read(text, ''));
    expect(read.email.subject).toBe('Ihre Bewerbung – Weiß & Söhne');
  });
});

describe('forwards within forwards', () => {
  const inner =
    'From: Jane Roe <jane@acme.test>\nDate: Mon, 5 Oct 2020 at 09:12\nSubject: Your application\nTo: <me@example.com>';

  it('reads a forward quoted line by line with "> "', () => {
    const text = `FYI\n\n---------- Forwarded message ---------\n${inner}\n\n\n${body}`
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
    const original = unwrapForward(mail({ text })).original;
    expect(original).toMatchObject({
      style: 'inline',
      from: { address: 'jane@acme.test' },
      subject: 'Your application',
    });
    expect(original.text).not.toMatch(/^>/m);
  });

  it('finds the recruiter inside a forward of a forward', () => {
    const once = `---------- Forwarded message ---------\n${inner}\n\n\n${body}`;
    const twice = `FYI\n\n---------- Forwarded message ---------\nFrom: Pat Friend <pat@friend.test>\nDate: Tue, 6 Oct 2020 at 10:00\nSubject: Fwd: Your application\nTo: <me@example.com>\n\n\n${once}`;
    const original = unwrapForward(mail({ text: twice, subject: 'Fwd: Fwd: Your application' })).original;
    expect(original).toMatchObject({ from: { address: 'jane@acme.test' }, subject: 'Your application' });
    expect(original.text.trim().startsWith('Dear Sam')).toBe(true);
  });
});
