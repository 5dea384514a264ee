// The follow-up's state machine, and when one is due. Like the case's own (lifecycle.ts), every
// move is one conditional write from an expected status — and from an expected round — so two
// Sends racing, a Lambda retried, a reply to an older draft email converge on one letter at most.
import type { Case, FollowUp, FollowUpStatus } from './case.ts';

const TRANSITIONS: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
  // Drafted when due; stopped by the owner, by a bounce, or by the interviewer's answer.
  SCHEDULED: ['AWAITING_APPROVAL', 'STOPPED'],
  // Edited (itself), sent, "Not now" (back to SCHEDULED, snoozed), or stopped.
  AWAITING_APPROVAL: ['AWAITING_APPROVAL', 'SENDING', 'SCHEDULED', 'STOPPED'],
  SENDING: ['SENT', 'SEND_FAILED', 'SEND_UNKNOWN'],
  // "Follow up again": the next round.
  SENT: ['SCHEDULED'],
  SEND_FAILED: ['SENDING', 'STOPPED'],
  // Never resent: it may have left. The owner may stop it (and later follow up again).
  SEND_UNKNOWN: ['STOPPED'],
  // "Follow up again" after the owner stopped them or the interviewer answered.
  STOPPED: ['SCHEDULED'],
};

/** Throws when a repository is asked for a move the follow-up's state machine does not draw: a bug, never data. */
export function assertFollowUpTransitions(from: readonly FollowUpStatus[], to: FollowUpStatus): void {
  for (const f of from) {
    if (!TRANSITIONS[f].includes(to)) throw new Error(`follow-up ${f} → ${to} is not a transition`);
  }
}

/** A follow-up in these states may be sent (again, after SES refused it). */
export const FOLLOW_UP_SENDABLE: readonly FollowUpStatus[] = ['AWAITING_APPROVAL', 'SEND_FAILED'];

/** A follow-up in these states is still to come or to be decided: "Stop" and an answer end it. */
export const FOLLOW_UP_PENDING: readonly FollowUpStatus[] = ['SCHEDULED', 'AWAITING_APPROVAL', 'SEND_FAILED'];

/** "Follow up again" starts another round from these. */
export const FOLLOW_UP_AGAIN_FROM: readonly FollowUpStatus[] = ['SENT', 'STOPPED'];

/** "Not now" waits this long. */
export const SNOOZE_DAYS = 14;

const DAY_MS = 24 * 3600 * 1000;

/** When a scheduled follow-up is due: `days` after the wait began, or when "Not now" said. */
export function followUpDueAt(followUp: FollowUp, days: number): Date {
  return followUp.snoozedUntil ? new Date(followUp.snoozedUntil) : new Date(Date.parse(followUp.since) + days * DAY_MS);
}

/** The case's follow-up is scheduled and its time has come. */
export function followUpDue(record: Case, days: number, now: Date): boolean {
  const f = record.followUp;
  return record.status === 'SENT' && f?.status === 'SCHEDULED' && followUpDueAt(f, days).getTime() <= now.getTime();
}

/**
 * An address that bounced for good, or a recipient who marked the letter as spam, gets no
 * follow-up; a transient bounce (a full mailbox) may pass.
 */
export function followUpBarred(record: Case): boolean {
  return record.delivery?.outcome === 'bounced' || record.delivery?.outcome === 'complained';
}

/** The wait a thank-you that just left starts: the first round, due the setting's days later. */
export function firstFollowUp(sentAt: string): FollowUp {
  return { status: 'SCHEDULED', round: 1, since: sentAt, at: sentAt };
}

/**
 * What a follow-up's links and reply address are bound to: the case and the round, so a link
 * or a reply about one round cannot act on the next. Case ids (SES message ids, `paste-<uuid>`)
 * hold no "#".
 */
export function followUpKey(caseId: string, round: number): string {
  return `${caseId}#follow-up-${round}`;
}

export function parseFollowUpKey(key: string): { caseId: string; round: number } | null {
  const m = /^(.+)#follow-up-([1-9]\d{0,5})$/.exec(key);
  return m ? { caseId: m[1]!, round: Number(m[2]) } : null;
}

/**
 * The Message-ID onward gives a letter it sends: the thank-you's, or a follow-up's of a round.
 * Made from the case, not random, so the interviewer's answer — whose References hold it — finds
 * its case without a lookup table; a retry after SES refused reuses it, as nothing left before.
 */
export function letterMessageId(caseId: string, senderAddress: string, round?: number): string {
  const domain = senderAddress.slice(senderAddress.lastIndexOf('@') + 1);
  return `onward.${caseId}.${round ? `follow-up-${round}` : 'letter'}@${domain}`;
}

/** The ids in a References (or In-Reply-To) header, without their angle brackets. */
function referenced(references: string): string[] {
  return [...references.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!.toLowerCase());
}

/**
 * Whether mail whose References are these answers a letter of this case: it names the id onward
 * gave the thank-you or a follow-up, or the id SES gave it (SES may set its own Message-ID,
 * `<ses-id@…amazonses.com>`, whose local part is the id it returned).
 */
export function answersLetterOf(record: Case, references: string | null, senderAddress: string): boolean {
  if (!references || record.status !== 'SENT') return false;
  const f = record.followUp;
  const rounds = f ? Array.from({ length: f.round }, (_, i) => i + 1) : [];
  const ours = [
    letterMessageId(record.id, senderAddress),
    ...rounds.map((r) => letterMessageId(record.id, senderAddress, r)),
  ];
  const ses = [record.sentMessageId, f?.sentMessageId, ...(f?.earlier ?? []).map((e) => e.sentMessageId)].filter(
    (id): id is string => Boolean(id),
  );
  const wanted = new Set(ours.map((id) => id.toLowerCase()));
  const sesIds = new Set(ses.map((id) => id.toLowerCase()));
  return referenced(references).some((id) => wanted.has(id) || sesIds.has(id.slice(0, id.lastIndexOf('@'))));
}
