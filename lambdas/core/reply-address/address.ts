// Approve by reply: each draft email's Reply-To is a per-case address at the inbound domain,
// <local>+r-<ref>[-<digest>]@<domain>, where ref is an HMAC of the case id — unguessable without
// the key, short enough for the 64-character local-part limit — and digest names the letter the
// email showed.
import { createHash, createHmac } from 'node:crypto';

const REF_CHARS = 24; // 120 bits of HMAC in lower-case base32: mail systems may fold case.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    // Stryker disable next-line EqualityOperator: with `> 5` a group of exactly five bits waits for the next byte; only the last character, which no reference keeps, is lost.
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

/**
 * Names the letter a draft email showed: its To, subject and body, hashed. A reply carries it in
 * its address, so "send" can tell the letter the owner saw from one changed since (on the page,
 * or by a later reply) — and never send text the owner has not seen.
 */
export function letterDigest(letter: { to: string | null; subject: string; body: string }): string {
  return base32(
    createHash('sha256')
      .update(`${letter.to ?? ''}\n${letter.subject}\n${letter.body}`)
      .digest(),
  ).slice(0, DIGEST_CHARS);
}
const DIGEST_CHARS = 8;

export function replyAddress(inboundAddress: string, ref: string, digest?: string): string {
  const at = inboundAddress.lastIndexOf('@');
  return `${inboundAddress.slice(0, at)}+r-${ref}${digest ? `-${digest}` : ''}${inboundAddress.slice(at)}`;
}

export interface ReplyTarget {
  ref: string;
  /** The letter the replied-to email showed; null for an address without one. */
  digest: string | null;
}

/** The case (and letter) a reply was addressed to, when one of its recipients is a reply address. */
export function refFromRecipients(recipients: readonly string[], inboundAddress: string): ReplyTarget | null {
  const at = inboundAddress.lastIndexOf('@');
  const local = inboundAddress.slice(0, at).toLowerCase();
  const domain = inboundAddress.slice(at + 1).toLowerCase();
  for (const r of recipients) {
    const m = /^([^@+]+)\+r-([a-z2-7]+)(?:-([a-z2-7]+))?@([^@]+)$/.exec(r.trim().toLowerCase());
    if (m && m[1] === local && m[4] === domain) return { ref: m[2]!, digest: m[3] ?? null };
  }
  return null;
}
