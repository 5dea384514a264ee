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

/**
 * The owner's mail read once: the recruiter's message it carries, and whether the owner's note
 * asks for it to be recorded only.
 */
interface Unwrapped {
  original: OriginalMail;
  /**
   * "record" is the first line of the owner's note — the text of a forward-as-attachment, or what
   * they wrote above an inline forward's header block: a past rejection, recorded for their history
   * without a letter. Only the whole line counts ("Record.", "record:" too): a note that merely
   * mentions recording is a note. Mail that came as it was (an auto-forward, mail written to onward
   * directly) has no note of the owner's: its text is the recruiter's.
   */
  recordOnly: boolean;
}

export function unwrapForward(mail: ParsedMail): Unwrapped {
  if (mail.attached) return { original: fromParsed(mail.attached, 'attachment'), recordOnly: saysRecord(mail.text) };

  let text = unquote(mail.text);
  let subject = mail.subject;
  let found: { from: Address; result: ReturnType<typeof readForward> } | null = null;
  // The owner's note is what the outermost forward has above its header block.
  let note: string | null = null;
  // A forward of a forward: the recruiter's message is the innermost one.
  for (let depth = 0; depth < MAX_FORWARD_DEPTH; depth += 1) {
    const result = readForward(text, subject);
    if (depth === 0 && result.forwarded) note = result.message ?? '';
    const from = result.forwarded ? toAddress(result.email.from) : null;
    if (!from) break;
    found = { from, result };
    text = unquote(result.email.body ?? '');
    subject = result.email.subject?.trim() || stripForwardPrefix(subject);
  }
  const recordOnly = note !== null && saysRecord(note);
  // A "forward" with no recoverable sender is treated as the message itself: guessing would
  // address the letter to the wrong person.
  if (!found) return { original: fromParsed(mail, 'direct'), recordOnly };

  return {
    original: {
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
    },
    recordOnly,
  };
}

const saysRecord = (note: string): boolean =>
  note
    .split('\n')
    .find((line) => line.trim())
    ?.trim()
    .replace(/[.!:]+$/, '')
    .toLowerCase() === 'record';
