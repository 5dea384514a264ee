// MIME parsing with postal-mime, with explicit limits: the message comes from the internet.
// The caller caps the size before calling (a parser cannot bound breadth, only depth).
import PostalMime, { addressParser } from 'postal-mime';
import type { Address as PostalAddress, Email } from 'postal-mime';
import { htmlToText, type Address, type ParsedMail } from '../core/mail/index.ts';

const LIMITS = {
  // Real mail nests a handful of levels; hundreds only come from attacks.
  maxNestingDepth: 32,
  // Large enough for long Received chains and DKIM signatures, small enough to bound memory.
  maxHeadersSize: 256 * 1024,
  // We unwrap message/rfc822 ourselves (one level: the forwarded original).
  maxRfc822NestingDepth: 0,
} as const;

/** A forwarded attachment is parsed with the same limits but never unwrapped further. */
const MAX_ATTACHED_DEPTH = 1;

// postal-mime bounds depth, not breadth: 200,000 sibling parts take seconds and hundreds of MB.
// Real mail has tens of parts; every part starts on a line beginning "--", so counting those
// lines (an upper bound on parts) refuses a part bomb before the parser sees it.
const MAX_BOUNDARY_LINES = 2000;

// Classification reads the start of a message; a rejection is a few paragraphs. Bounding the text
// bounds every regex that runs over it.
const MAX_TEXT_CHARS = 200_000;

class MimeTooComplex extends Error {
  constructor() {
    super(`more than ${MAX_BOUNDARY_LINES} MIME boundary lines`);
    this.name = 'MimeTooComplex';
  }
}

function boundaryLines(raw: Uint8Array): number {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let count = 0;
  for (let i = bytes.indexOf('\n--'); i !== -1; i = bytes.indexOf('\n--', i + 3)) {
    count += 1;
    if (count > MAX_BOUNDARY_LINES) break;
  }
  return count;
}

// Outlook labels mail windows-1252 (or ISO-8859-1, which readers treat as windows-1252) and uses
// bytes 0x80–0x9F for curly quotes, dashes and the euro sign; Node's TextDecoder turns them into
// invisible C1 control characters ("I\u0092m", "O\u0092Brien"). No text means those controls,
// so they are read as windows-1252 means them, whatever the label said.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/;

function fromC1Controls(text: string): string {
  return C1.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!) : text;
}

function mailboxes(list: PostalAddress[] | PostalAddress | undefined): Address[] {
  const flat = (Array.isArray(list) ? list : list ? [list] : []).flatMap((a) => (a.group ? a.group : [a]));
  return flat
    .filter((a) => typeof a.address === 'string' && a.address.includes('@'))
    .map((a) => ({ name: fromC1Controls(a.name).trim() || null, address: a.address.trim().toLowerCase() }));
}

/**
 * Every mailbox of every From header: a message with two From headers must be visible as such.
 * Parsed from the raw header, not the decoded one: RFC 2047 allows encoded-words in display names
 * only, and `From: =?utf-8?Q?me=40example.com?=` must not decode into the owner's address.
 */
function fromHeaders(email: Email): Address[] {
  return email.headers.filter((h) => h.key === 'from').flatMap((h) => mailboxes(addressParser(h.value)));
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

async function parse(raw: Uint8Array | string, depth: number): Promise<ParsedMail> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (boundaryLines(bytes) > MAX_BOUNDARY_LINES) throw new MimeTooComplex();
  const email = await PostalMime.parse(bytes, {
    ...LIMITS,
    forceRfc822Attachments: true,
    attachmentEncoding: 'arraybuffer',
  });
  const rfc822 = email.attachments.find((a) => a.mimeType === 'message/rfc822');
  const attached =
    rfc822 && depth < MAX_ATTACHED_DEPTH ? await parse(new Uint8Array(rfc822.content as ArrayBuffer), depth + 1) : null;
  return {
    messageId: email.messageId?.trim() || null,
    from: fromHeaders(email),
    replyTo: mailboxes(email.replyTo),
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    subject: fromC1Controls(email.subject ?? '').trim(),
    date: isoDate(email.date),
    inReplyTo: email.inReplyTo?.trim() || null,
    references: email.references?.trim() || null,
    text: fromC1Controls(
      (email.text?.trim() ? email.text : email.html ? htmlToText(email.html.slice(0, 4 * MAX_TEXT_CHARS)) : '').slice(
        0,
        MAX_TEXT_CHARS,
      ),
    ),
    headers: email.headers.map((h) => ({ name: h.key, value: h.value })),
    attached,
  };
}

export function parseMime(raw: Uint8Array | string): Promise<ParsedMail> {
  return parse(raw, 0);
}

/** A message as a mailbox shows it: the parsed mail and what it carries attached. */
export interface ShownMail {
  mail: ParsedMail;
  attachments: { filename: string; mimeType: string; bytes: number }[];
}

/** Reads a message onward sent (the local mailbox), with the same limits as mail that comes in. */
export async function parseForMailbox(raw: Uint8Array): Promise<ShownMail> {
  const mail = await parse(raw, MAX_ATTACHED_DEPTH);
  const email = await PostalMime.parse(raw, { ...LIMITS, attachmentEncoding: 'arraybuffer' });
  return {
    mail,
    attachments: email.attachments.map((a) => ({
      filename: a.filename ?? '(no name)',
      mimeType: a.mimeType,
      bytes: (a.content as ArrayBuffer).byteLength,
    })),
  };
}
