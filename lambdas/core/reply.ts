// Approve by reply (DESIGN §2): each draft email's Reply-To is a per-case address at the inbound
// domain, <local>+r-<ref>@<domain>, where ref is an HMAC of the case id — unguessable without the
// key, short enough for the 64-character local-part limit. The reply's first visible line decides.
import { createHmac } from 'node:crypto';
import EmailReplyParser from 'email-reply-parser';

const REF_CHARS = 24; // 120 bits of HMAC in lower-case base32: mail systems may fold case.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function replyRef(key: Uint8Array, caseId: string): string {
  return base32(createHmac('sha256', key).update(`reply\n${caseId}`).digest()).slice(0, REF_CHARS);
}

export function replyAddress(inboundAddress: string, ref: string): string {
  const at = inboundAddress.lastIndexOf('@');
  return `${inboundAddress.slice(0, at)}+r-${ref}${inboundAddress.slice(at)}`;
}

/** The ref a reply was addressed to, when one of its recipients is a reply address. */
export function refFromRecipients(recipients: readonly string[], inboundAddress: string): string | null {
  const at = inboundAddress.lastIndexOf('@');
  const local = inboundAddress.slice(0, at).toLowerCase();
  const domain = inboundAddress.slice(at + 1).toLowerCase();
  for (const r of recipients) {
    const m = /^([^@+]+)\+r-([a-z2-7]+)@(.+)$/.exec(r.trim().toLowerCase());
    if (m && m[1] === local && m[3] === domain) return m[2]!;
  }
  return null;
}

export type ReplyCommand = { kind: 'send' } | { kind: 'discard' } | { kind: 'revise'; body: string } | { kind: 'empty' };

const SEND = new Set(['send', 'yes', 'approve', 'approved', 'send it']);
const DISCARD = new Set(['discard', 'no', "don't send", 'do not send']);

/** What the owner's reply asks for. Quoted text and signatures never count. */
export function replyCommand(text: string): ReplyCommand {
  const visible = new EmailReplyParser().read(text.replace(/\r\n/g, '\n')).getVisibleText().trim();
  if (!visible) return { kind: 'empty' };
  const first = visible.split('\n').find((l) => l.trim())!.trim().toLowerCase().replace(/[.!\s]+$/, '');
  if (SEND.has(first)) return { kind: 'send' };
  if (DISCARD.has(first)) return { kind: 'discard' };
  return { kind: 'revise', body: visible };
}
