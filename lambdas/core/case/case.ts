// One case per inbound message: what onward recorded about it. How its status may change is in
// lifecycle.ts; how the owner reads it, in words.ts.
import { createHash } from 'node:crypto';
import type { Classification } from '../classify/index.ts';
import type { Extraction } from '../extract/index.ts';
import type { Address, ForwardStyle } from '../mail/index.ts';

/** Every status a case can be in; lifecycle.ts draws the moves between them. */
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
  | 'duplicate'
  // A rejection recorded without a draft: form mail nobody wrote (core/letter/suggest.ts).
  | 'no-letter-suggested'
  // The interviewer's answer to a letter onward sent, forwarded: joined to that letter's case.
  | 'answer'
  // A past rejection the owner forwarded with "record" as their note's first line: history, no letter.
  | 'record-only';

/**
 * Why mail that plausibly came from the owner was refused (core/trust): each has its own
 * explanation and fix in the owner's notice (core/notices), sent once per cause per day.
 */
export type RefusalCause =
  /** From the owner's address; their domain publishes DMARC, and this mail failed it. */
  | 'dmarc-fail'
  /** From the owner's address; their domain publishes no DMARC, and nothing aligned with it. */
  | 'not-aligned'
  /** SES could not evaluate DMARC (PROCESSING_FAILED), and nothing aligned either. */
  | 'unverifiable'
  /** An auto-forward from an allowed account whose envelope did not pass SPF. */
  | 'forward-unauthenticated'
  /** An authenticated auto-forward from an account that is not on the allow-list. */
  | 'forwarder-not-allowed'
  | 'spam'
  | 'virus';

export interface Refusal {
  cause: RefusalCause;
  /** The address the mail came from (the From, or the forwarding account). */
  account: string;
  /** What SES verified, for the owner's notice: the envelope's domain and the DKIM domains. */
  envelopeDomain: string;
  dkimDomains: readonly string[];
  /** The refused mail's subject, so the owner knows which email it was. */
  subject?: string;
}

/**
 * What a case id may be: SES's message id, or a paste's. It names the raw mail's key in the
 * bucket, so it is checked wherever one arrives from outside (events, feedback, the local stack).
 */
export const CASE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Set-aside mail that is not the owner's record (spam, strangers, loops, replies acted on) is kept
 * this long, then DynamoDB's TTL deletes it; mail the owner forwarded stays.
 */
const IGNORED_RECORD_DAYS = 30;

export function ignoredRecordExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + IGNORED_RECORD_DAYS * 24 * 3600;
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

/**
 * The owner's own verdict on an email, overriding the reader's: "Not a rejection" (a button on
 * the review page, or a reply), or "Draft a thank-you anyway" (the notice's link, or a reply).
 */
export interface OwnerLabel {
  label: 'rejection' | 'not_rejection';
  /** ISO time the owner said so. */
  at: string;
  how: 'page' | 'reply';
}

/** The owner's verdict as remembered for every email of one template (core/labels), and which case it came from. */
export interface TemplateLabel extends OwnerLabel {
  caseId: string;
}

/** Every status a follow-up can be in; follow-up.ts draws the moves between them. */
const FOLLOW_UP_STATUSES = [
  'SCHEDULED',
  'AWAITING_APPROVAL',
  'SENDING',
  'SENT',
  'SEND_FAILED',
  'SEND_UNKNOWN',
  'STOPPED',
] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * The check-in a while after the thank-you left: a second letter on the same case, to the same
 * contact, in the same thread, with its own claimed moves (follow-up.ts) — so it leaves at most
 * once whatever the thank-you's status does, and a case is never copied to hold it.
 */
export interface FollowUp {
  status: FollowUpStatus;
  /**
   * 1 for the first follow-up; "Follow up again" starts the next. Links, reply addresses and
   * every move name the round, so a page or a reply about an earlier one cannot act on a later one.
   */
  round: number;
  /** ISO time the wait began: when the thank-you (or the previous follow-up) left. */
  since: string;
  /** "Not now": due at this time rather than the setting's days after `since`. */
  snoozedUntil?: string;
  /** ISO time of the last move: a claim (SENDING) far older than any send is stale. */
  at: string;
  letter?: Letter;
  /** Identifies this round's draft email from a reply to it (core/reply). */
  replyRef?: string;
  /** False while the follow-up's draft email is owed to the owner. */
  ownerNotified?: boolean;
  sentAt?: string;
  sentMessageId?: string;
  failure?: string;
  /** Why follow-ups ended on this case: the owner said stop, the address bounced, or the interviewer answered. */
  stopped?: 'owner' | 'bounced' | 'answered';
  /** The case holding the interviewer's answer, when it ended them. */
  answeredBy?: string;
  /** Earlier rounds that left, oldest first. */
  earlier?: { sentAt: string; sentMessageId?: string }[];
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
  /** Mail that plausibly came from the owner, refused: why, for their notice. */
  refusal?: Refusal;
  /** `onward doctor`'s test message, come back through SES: its nonce and SES's verdicts on it. */
  probe?: { nonce: string; verdicts: Record<'spf' | 'dkim' | 'dmarc' | 'spam' | 'virus', string> };
  original?: OriginalSummary;
  /** For the interviewer's answer to a letter: the case of the letter it answers. */
  answerOf?: string;
  /** For a forward of an email already forwarded: the case that holds it. */
  duplicateOf?: string;
  /** The status a discarded draft was in: one that may have left (SEND_UNKNOWN) is never revived. */
  discardedFrom?: CaseStatus;
  classification?: Classification;
  extraction?: Extraction;
  /** What the owner said this email is, when they corrected (or confirmed) the reader. */
  ownerLabel?: OwnerLabel;
  letter?: Letter;
  sentAt?: string;
  sentMessageId?: string;
  /** 'owner': SES refused the letter and the owner sent it from their own mail (no message id). */
  sentBy?: 'owner';
  failure?: string;
  /**
   * What SES reported after the letter left (configuration-set events). `bounced`: a permanent
   * bounce, the address is bad. `bounced-transient`: SES gave up for now or could not tell
   * (bounceType Transient or Undetermined: a full mailbox, a server down) — the address may be good.
   */
  delivery?: { outcome: 'bounced' | 'bounced-transient' | 'complained'; at: string };
  /** The follow-up, once the thank-you has left. */
  followUp?: FollowUp;
}
