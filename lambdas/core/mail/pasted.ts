// A rejection the owner pasted (a LinkedIn message, a portal's notice), as mail: parsed as a
// message when it starts with a header block, else the text alone. Stored as pasted, so every
// reader of a paste (the inbound function, `onward labels`) reads it through here.
import { parseRecipient } from './address.ts';
import type { ParsedMail } from './model.ts';

// A header block: the first line is a header field, and one of the fields that name a message is
// among the lines before the first blank one.
const HEADER_FIELD = /^[!-9;-~]+:[ \t]?\S/;
const NAMING_FIELD = /^(?:from|subject|date|to|message-id|sent):/im;

function hasHeaders(text: string): boolean {
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return HEADER_FIELD.test(block) && NAMING_FIELD.test(block);
}

/**
 * The pasted text as mail, `parse` reading it as a message where it has headers. Who sent it,
 * when the owner says (`from`): it wins over a From the paste may carry.
 */
export async function pastedMail(
  parse: (raw: Uint8Array) => Promise<ParsedMail>,
  pasted: string,
  from: string,
): Promise<ParsedMail> {
  const text = pasted.replace(/\r\n/g, '\n').trim();
  let mail: ParsedMail | null = null;
  if (hasHeaders(text)) {
    const parsed = await parse(new TextEncoder().encode(text.replace(/\n/g, '\r\n'))).catch(() => null);
    if (parsed?.text.trim()) mail = parsed;
  }
  mail ??= {
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
  const sender = from.trim() ? parseRecipient(from.trim()) : null;
  return sender ? { ...mail, from: [{ name: sender.name, address: sender.address.toLowerCase() }] } : mail;
}
