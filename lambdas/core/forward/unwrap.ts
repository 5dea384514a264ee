// Turns the owner's forward back into the recruiter's message. The owner may forward inline
// (Gmail, Outlook, Apple Mail, Thunderbird …), as an attachment (message/rfc822), or let their
// provider auto-forward; classification and extraction must see the same original either way.
import type { EmailForwardMailbox } from 'email-forward-parser';
import type { Address, OriginalMail, ParsedMail } from '../mail/index.ts';
import { stripForwardPrefix } from '../subject/index.ts';
import { readForward } from './fast-reader.ts';

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

/**
 * Some clients forward by quoting: every line of the forwarded message starts with "> ". When
 * nearly all lines of the recovered body are quoted, one level of quoting is removed.
 */
function unquote(body: string): string {
  // No '>' at all: no line is quoted.
  if (!body.includes('>')) return body;
  const lines = body.split('\n');
  const filled = lines.filter((l) => l.trim());
  const quoted = filled.filter((l) => /^\s*>/.test(l));
  if (!filled.length || quoted.length < 0.8 * filled.length) return body;
  return lines.map((l) => l.replace(/^\s*> ?/, '')).join('\n');
}

// A forward of a forward of a forward is already unusual; deeper is not worth following.
const MAX_FORWARD_DEPTH = 3;

export function unwrapForward(mail: ParsedMail): OriginalMail {
  if (mail.attached) return fromParsed(mail.attached, 'attachment');

  let text = unquote(mail.text);
  let subject = mail.subject;
  let found: { from: Address; result: ReturnType<typeof readForward> } | null = null;
  // A forward of a forward: the recruiter's message is the innermost one.
  for (let depth = 0; depth < MAX_FORWARD_DEPTH; depth += 1) {
    const result = readForward(text, subject);
    const from = result.forwarded ? toAddress(result.email.from) : null;
    if (!from) break;
    found = { from, result };
    text = unquote(result.email.body ?? '');
    subject = result.email.subject?.trim() || stripForwardPrefix(subject);
  }
  // A "forward" with no recoverable sender is treated as the message itself: guessing would
  // address the letter to the wrong person.
  if (!found) return fromParsed(mail, 'direct');

  return {
    style: 'inline',
    from: found.from,
    replyTo: [],
    cc: toAddresses(found.result.email.cc),
    subject: stripForwardPrefix(subject) || stripForwardPrefix(mail.subject),
    date: found.result.email.date ?? null,
    // Inline forwards lose the original Message-ID: the letter cannot be threaded.
    messageId: null,
    references: null,
    text,
  };
}

/**
 * What the owner wrote above what they forwarded: the text of a forward-as-attachment, or the
 * part of an inline forward before its header block. Null for mail that came as it was (an
 * auto-forward, mail written to onward directly): there the text is the recruiter's, not theirs.
 */
function ownerNote(mail: ParsedMail): string | null {
  if (mail.attached) return mail.text;
  const result = readForward(unquote(mail.text), mail.subject);
  return result.forwarded ? (result.message ?? '') : null;
}

/**
 * "record" as the first line of the owner's note: a past rejection, to be recorded for the
 * owner's history without a letter. Only the whole line counts ("Record.", "record:" too): a
 * note that merely mentions recording is a note.
 */
export function asksRecordOnly(mail: ParsedMail): boolean {
  const first = ownerNote(mail)
    ?.split('\n')
    .find((line) => line.trim());
  return (
    first
      ?.trim()
      .replace(/[.!:]+$/, '')
      .toLowerCase() === 'record'
  );
}
