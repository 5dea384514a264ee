// Turns the owner's forward back into the recruiter's message. The owner may forward inline
// (Gmail, Outlook, Apple Mail, Thunderbird …), as an attachment (message/rfc822), or let their
// provider auto-forward; classification and extraction must see the same original either way.
import EmailForwardParser, { type EmailForwardMailbox } from 'email-forward-parser';
import type { Address, OriginalMail, ParsedMail } from './mail.ts';

const forwardParser = new EmailForwardParser();

// Clients prefix the subject of a forward; the original subject is what the letter replies to.
const FORWARD_PREFIX = /^\s*((fwd?|fw|tr|wg|rv|i)\s*:\s*)+/i;

export function stripForwardPrefix(subject: string): string {
  return subject.replace(FORWARD_PREFIX, '').trim();
}

function toAddress(box: EmailForwardMailbox | null | undefined): Address | null {
  if (!box?.address) return null;
  return { name: box.name?.trim() || null, address: box.address.trim().toLowerCase() };
}

function toAddresses(boxes: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): Address[] {
  const list = Array.isArray(boxes) ? boxes : boxes ? [boxes] : [];
  return list.map(toAddress).filter((a): a is Address => a !== null);
}

function fromParsed(mail: ParsedMail, style: OriginalMail['style']): OriginalMail {
  return {
    style,
    from: mail.from[0] ?? null,
    replyTo: mail.replyTo,
    cc: mail.cc,
    subject: mail.subject,
    date: mail.date,
    messageId: mail.messageId,
    references: mail.references,
    text: mail.text,
  };
}

export function unwrapForward(mail: ParsedMail): OriginalMail {
  if (mail.attached) return fromParsed(mail.attached, 'attachment');

  const result = forwardParser.read(mail.text, mail.subject);
  const from = result.forwarded ? toAddress(result.email.from) : null;
  // A "forward" with no recoverable sender is treated as the message itself: guessing would
  // address the letter to the wrong person.
  if (!from) return fromParsed(mail, 'direct');

  return {
    style: 'inline',
    from,
    replyTo: [],
    cc: toAddresses(result.email.cc),
    subject: result.email.subject?.trim() || stripForwardPrefix(mail.subject),
    date: result.email.date ?? null,
    // Inline forwards lose the original Message-ID: the letter cannot be threaded.
    messageId: null,
    references: null,
    text: result.email.body ?? '',
  };
}
