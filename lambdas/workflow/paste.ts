// A rejection that cannot be forwarded — a LinkedIn message, a portal's notice, a mailbox with no
// forwarding — pasted on the review site. It becomes the mail the owner would have forwarded and
// goes through exactly the reading, recording and drafting a forward does (receive-mail.ts), with
// the same duplicate rules: one case per paste.
import type { Case } from '../core/case/index.ts';
import { type ParsedMail, parseRecipient } from '../core/mail/index.ts';
import type { ReceiveOutcome } from './inbound.ts';
import type { MimeParser } from './ports.ts';
import { type ReadingDeps, readAndDraft } from './receive-mail.ts';

export type PasteDeps = ReadingDeps & { parser: MimeParser };

/** What the owner pasted: the text (with or without its headers) and, optionally, who sent it. */
export interface Pasted {
  text: string;
  from: string;
}

/** A rejection is a few paragraphs; far more is a paste gone wrong (the page says so, keeping it). */
const MAX_PASTE_CHARS = 100_000;

// A header block: the first line is a header field, and one of the fields that name a message is
// among the lines before the first blank one.
const HEADER_FIELD = /^[!-9;-~]+:[ \t]?\S/;
const NAMING_FIELD = /^(?:from|subject|date|to|message-id|sent):/im;

function hasHeaders(text: string): boolean {
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return HEADER_FIELD.test(block) && NAMING_FIELD.test(block);
}

/** The pasted text as mail: parsed as a message when it has headers, else the text alone. */
async function asMail(deps: PasteDeps, text: string): Promise<ParsedMail> {
  if (hasHeaders(text)) {
    const parsed = await deps.parser.parse(new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'))).catch(() => null);
    if (parsed?.text.trim()) return parsed;
  }
  return {
    messageId: null,
    from: [],
    replyTo: [],
    to: [],
    cc: [],
    subject: '',
    date: null,
    inReplyTo: null,
    references: null,
    text,
    headers: [],
    attached: null,
  };
}

export type PasteResult = ReceiveOutcome | { outcome: 'invalid'; problems: string[] };

/** Records the paste as case `id` and reads it as a forward would be read. */
export async function receivePaste(deps: PasteDeps, id: string, pasted: Pasted): Promise<PasteResult> {
  const text = pasted.text.replace(/\r\n/g, '\n').trim();
  const who = pasted.from.trim();
  const sender = who ? parseRecipient(who) : null;
  const problems: string[] = [];
  if (!text) problems.push('Paste the text of the rejection.');
  else if (text.length > MAX_PASTE_CHARS)
    problems.push(
      `That is ${text.length.toLocaleString('en-US')} characters; a rejection fits in ${MAX_PASTE_CHARS.toLocaleString('en-US')}. Paste only the message.`,
    );
  if (who && !sender)
    problems.push(
      `“${who}” is not an email address (write one, e.g. jordan@acme.com or Jordan Lee <jordan@acme.com>).`,
    );
  if (problems.length) return { outcome: 'invalid', problems };

  const mail = await asMail(deps, text);
  // Who sent it, when the owner says: it wins over a From the paste may carry.
  const parsed = sender ? { ...mail, from: [{ name: sender.name, address: sender.address.toLowerCase() }] } : mail;
  const now = deps.clock.now().toISOString();
  const record: Case = { id, status: 'RECEIVED', receivedAt: now, updatedAt: now, replyRef: deps.links.replyRef(id) };
  if (!(await deps.cases.create(record))) return { outcome: 'duplicate', caseId: id };
  deps.log.info('paste.received', { caseId: id, headers: parsed.headers.length > 0 });
  return readAndDraft(deps, record, parsed);
}
