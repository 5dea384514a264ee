// One case per inbound message (DESIGN §3). Every status change is one conditional update from
// an expected status, so replays, double clicks and parallel POSTs converge.
import { createHash } from 'node:crypto';
import type { Classification } from './classify.ts';
import type { Extraction } from './extract.ts';
import type { Address, ForwardStyle } from './mail.ts';

export const CASE_STATUSES = [
  'RECEIVED',
  'IGNORED',
  'DRAFTED',
  'AWAITING_APPROVAL',
  'SENDING',
  'SENT',
  'SEND_FAILED',
  'SEND_UNKNOWN',
  'DISCARDED',
  'EXPIRED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  RECEIVED: ['IGNORED', 'DRAFTED'],
  // "Draft a thank-you anyway" on a mail judged not (or not surely) a rejection.
  IGNORED: ['AWAITING_APPROVAL'],
  DRAFTED: ['AWAITING_APPROVAL'],
  AWAITING_APPROVAL: ['AWAITING_APPROVAL', 'SENDING', 'DISCARDED', 'EXPIRED'],
  SENDING: ['SENT', 'SEND_FAILED', 'SEND_UNKNOWN'],
  SENT: [],
  SEND_FAILED: ['SENDING', 'DISCARDED'],
  // Never resent automatically: SES may have accepted the letter before the crash.
  SEND_UNKNOWN: ['DISCARDED'],
  // A Discard pressed by mistake is undone from the review page — unless the letter may have left
  // (discarded from SEND_UNKNOWN): that one stays discarded, so it can never go twice.
  DISCARDED: ['AWAITING_APPROVAL'],
  EXPIRED: ['AWAITING_APPROVAL'],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why a case was set aside; the owner sees the text, logs see the code. */
export type IgnoreReason =
  | 'not-allowed'
  | 'multiple-from'
  | 'no-from'
  | 'spam'
  | 'virus'
  | 'dmarc'
  | 'auto-submitted'
  | 'bounce'
  | 'own-mail'
  | 'too-large'
  | 'unreadable'
  | 'empty'
  | 'not-a-rejection'
  | 'unsure'
  // Replies to draft emails are commands, recorded once acted on; a reply to no known case is refused.
  | 'owner-reply'
  | 'bad-reply'
  // Gmail's "confirm forwarding" mail: passed on to the owner, never classified.
  | 'forwarding-confirmation'
  // Sent to another address at the inbound domain (SES receives the whole domain).
  | 'not-for-onward'
  // The same email forwarded again while its first letter is waiting or sent.
  | 'duplicate';

/**
 * Set-aside mail that is not the owner's record (spam, strangers, loops, replies acted on) is kept
 * this long, then DynamoDB's TTL deletes it; mail the owner forwarded stays.
 */
export const IGNORED_RECORD_DAYS = 30;

export function ignoredRecordExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + IGNORED_RECORD_DAYS * 24 * 3600;
}

/** Reasons the owner may override with "Draft a thank-you anyway". */
export const DRAFTABLE_REASONS: readonly IgnoreReason[] = ['not-a-rejection', 'unsure'];

/** Mail set aside that the owner may still draft a thank-you for. */
export function draftableAnyway(c: Case): boolean {
  return c.status === 'IGNORED' && c.reason !== undefined && DRAFTABLE_REASONS.includes(c.reason);
}

export interface Letter {
  to: string | null;
  toName: string | null;
  subject: string;
  body: string;
  /** Threading: the original Message-ID, when onward knows it. */
  inReplyTo: string | null;
  references: string | null;
}

export interface OriginalSummary {
  style: ForwardStyle;
  from: Address | null;
  subject: string;
  date: string | null;
  messageId: string | null;
  references: string | null;
  excerpt: string;
}

/**
 * What makes two forwards the same email: its sender, subject and opening text — the same
 * whether it came attached or inline (an inline forward loses the Message-ID) — and, when the
 * forward kept it, its Message-ID. Hashed: a hostile Message-ID can be long, and these are keys.
 */
export function originalFingerprints(o: OriginalSummary): { text: string; id: string | null } {
  const hash = (what: string) => createHash('sha256').update(what).digest('base64url');
  return {
    text: hash(
      `text\n${o.from?.address.toLowerCase() ?? ''}\n${o.subject.trim()}\n${o.excerpt.replace(/\s+/g, ' ').trim()}`,
    ),
    id: o.messageId ? hash(`id\n${o.messageId.trim()}`) : null,
  };
}

const LETTER_LIVE: readonly CaseStatus[] = [
  'DRAFTED',
  'AWAITING_APPROVAL',
  'SENDING',
  'SENT',
  'SEND_FAILED',
  'SEND_UNKNOWN',
];

/**
 * The case's letter is waiting for the owner or has (or may have) left: a second letter for the
 * same email would thank twice. One discarded after a send that may have gone through still counts.
 */
export function letterStands(c: Case): boolean {
  return LETTER_LIVE.includes(c.status) || (c.status === 'DISCARDED' && c.discardedFrom === 'SEND_UNKNOWN');
}

export interface Case {
  id: string;
  status: CaseStatus;
  receivedAt: string;
  updatedAt: string;
  reason?: IgnoreReason;
  /** Identifies the case from a reply to its draft email (core/reply.ts). */
  replyRef?: string;
  /** For a recorded owner reply: the case it acted on. */
  repliedTo?: string;
  /** Epoch seconds after which DynamoDB's TTL removes a set-aside record. */
  expiresAt?: number;
  /** False while a notice about an IGNORED case is owed to the owner. */
  ownerNotified?: boolean;
  original?: OriginalSummary;
  /** For a forward of an email already forwarded: the case that holds it. */
  duplicateOf?: string;
  /** The status a discarded draft was in: one that may have left (SEND_UNKNOWN) is never revived. */
  discardedFrom?: CaseStatus;
  classification?: Classification;
  extraction?: Extraction;
  letter?: Letter;
  sentAt?: string;
  sentMessageId?: string;
  failure?: string;
  /** What SES reported after the letter left (configuration-set events). */
  delivery?: { outcome: 'bounced' | 'complained'; at: string };
}
