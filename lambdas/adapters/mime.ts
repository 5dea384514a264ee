// MIME parsing with postal-mime, with explicit limits: the message comes from the internet.
// The caller caps the size before calling (a parser cannot bound breadth, only depth).
import PostalMime, { addressParser, decodeWords } from 'postal-mime';
import type { Address as PostalAddress, Email } from 'postal-mime';
import { htmlToText } from '../core/html-text.ts';
import type { Address, ParsedMail } from '../core/mail.ts';

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

function mailboxes(list: PostalAddress[] | PostalAddress | undefined): Address[] {
  const flat = (Array.isArray(list) ? list : list ? [list] : []).flatMap((a) => (a.group ? a.group : [a]));
  return flat
    .filter((a) => typeof a.address === 'string' && a.address.includes('@'))
    .map((a) => ({ name: a.name.trim() || null, address: a.address.trim().toLowerCase() }));
}

/** Every mailbox of every From header: a message with two From headers must be visible as such. */
function fromHeaders(email: Email): Address[] {
  const values = email.headers.filter((h) => h.key === 'from').map((h) => h.value);
  if (values.length <= 1) return mailboxes(email.from);
  return values.flatMap((v) => mailboxes(addressParser(decodeWords(v))));
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

async function parse(raw: Uint8Array | string, depth: number): Promise<ParsedMail> {
  const email = await PostalMime.parse(raw, {
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
    subject: (email.subject ?? '').trim(),
    date: isoDate(email.date),
    inReplyTo: email.inReplyTo?.trim() || null,
    references: email.references?.trim() || null,
    text: email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '',
    headers: email.headers.map((h) => ({ name: h.key, value: h.value })),
    attached,
  };
}

export function parseMime(raw: Uint8Array | string): Promise<ParsedMail> {
  return parse(raw, 0);
}
