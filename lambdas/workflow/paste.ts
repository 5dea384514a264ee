// A rejection that cannot be forwarded — a LinkedIn message, a portal's notice, a mailbox with no
// forwarding — pasted on the review site. The site checks what was typed, stores the text as the
// paste's raw message (`<inbound prefix>paste-<uuid>`, beside SES's mail) and hands it to the
// inbound function, which reads, records and drafts it as it does a forward (read-paste.ts) and
// mails the owner the draft or why there is none. The site never reads mail itself: the reader
// lives in the inbound function alone (docs/DESIGN.md §8, the bundle budget).
import { parseRecipient } from '../core/mail/index.ts';
import type { InboundFunction, Logger, RawMailWriter } from './ports.ts';

export interface PasteDeps {
  rawMail: RawMailWriter;
  /** Where raw messages are kept: the paste's text is stored at `<rawMailPrefix><case id>`. */
  rawMailPrefix: string;
  inbound: InboundFunction;
  log: Logger;
}

/** What the owner pasted: the text (with or without its headers) and, optionally, who sent it. */
export interface Pasted {
  text: string;
  from: string;
}

/** A rejection is a few paragraphs; far more is a paste gone wrong (the page says so, keeping it). */
const MAX_PASTE_CHARS = 100_000;

export type PasteResult = { outcome: 'handed-over'; caseId: string } | { outcome: 'invalid'; problems: string[] };

/** Every problem with what was typed, at once; none when it can be read. */
function pasteProblems(pasted: Pasted): string[] {
  const text = pasted.text.trim();
  const who = pasted.from.trim();
  const problems: string[] = [];
  if (!text) problems.push('Paste the text of the rejection.');
  else if (text.length > MAX_PASTE_CHARS)
    problems.push(
      `That is ${text.length.toLocaleString('en-US')} characters; a rejection fits in ${MAX_PASTE_CHARS.toLocaleString('en-US')}. Paste only the message.`,
    );
  if (who && !parseRecipient(who))
    problems.push(
      `“${who}” is not an email address (write one, e.g. jordan@acme.com or Jordan Lee <jordan@acme.com>).`,
    );
  return problems;
}

/**
 * Stores the paste as case `id`'s raw message and hands it to the inbound function, without
 * waiting for its reading: the draft (or the notice) reaches the owner by email, as a forward's.
 * A failure to store or hand over throws: the page keeps what was typed and asks to try again.
 */
export async function receivePaste(deps: PasteDeps, id: string, pasted: Pasted): Promise<PasteResult> {
  const problems = pasteProblems(pasted);
  if (problems.length) return { outcome: 'invalid', problems };
  await deps.rawMail.write(`${deps.rawMailPrefix}${id}`, pasted.text.replace(/\r\n/g, '\n').trim());
  await deps.inbound.readPaste({ caseId: id, from: pasted.from.trim() });
  deps.log.info('paste.handed-over', { caseId: id });
  return { outcome: 'handed-over', caseId: id };
}
