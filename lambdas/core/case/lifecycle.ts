// The case state machine: every status a case can be in, the moves between them, and the
// questions the use cases and pages ask of a status. Every move is one conditional write from an
// expected status, so replays, double clicks and parallel POSTs converge on one outcome; the
// DynamoDB adapter and the test fake both refuse a move this table does not draw.
import { CASE_STATUSES, type Case, type CaseStatus, type IgnoreReason } from './case.ts';

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  RECEIVED: ['IGNORED', 'DRAFTED'],
  // "Draft a thank-you anyway" on a mail judged not (or not surely) a rejection.
  IGNORED: ['AWAITING_APPROVAL'],
  DRAFTED: ['AWAITING_APPROVAL'],
  AWAITING_APPROVAL: ['AWAITING_APPROVAL', 'SENDING', 'DISCARDED', 'EXPIRED'],
  SENDING: ['SENT', 'SEND_FAILED', 'SEND_UNKNOWN'],
  // Stryker disable next-line ArrayDeclaration: no status could be added here that a use case would ask for.
  SENT: [],
  // SENT: SES refused it (a new account in the SES sandbox cannot write to the interviewer), and
  // the owner sent it from their own mail — recorded with sentBy 'owner'.
  SEND_FAILED: ['SENDING', 'DISCARDED', 'SENT'],
  // Never resent automatically: SES may have accepted the letter before the crash.
  SEND_UNKNOWN: ['DISCARDED'],
  // A Discard pressed by mistake is undone from the review page — unless the letter may have left
  // (discarded from SEND_UNKNOWN): that one stays discarded, so it can never go twice.
  DISCARDED: ['AWAITING_APPROVAL'],
  EXPIRED: ['AWAITING_APPROVAL'],
};

function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws when a repository is asked for a move the state machine does not draw: a bug, never data. */
export function assertTransitions(from: readonly CaseStatus[], to: CaseStatus): void {
  for (const f of from) {
    if (!canTransition(f, to)) throw new Error(`${f} → ${to} is not a transition of the case state machine`);
  }
}

/** A letter in these states may be sent (again, after SES refused it). */
export const SENDABLE: readonly CaseStatus[] = ['AWAITING_APPROVAL', 'SEND_FAILED'];

/** A letter in these states may be discarded; one that may have left stays discarded for good. */
export const DISCARDABLE: readonly CaseStatus[] = ['AWAITING_APPROVAL', 'SEND_FAILED', 'SEND_UNKNOWN'];

/** States a case only passes through on its way (a second at most): the cases page offers no filter for them. */
export const PASSING: readonly CaseStatus[] = ['RECEIVED', 'DRAFTED', 'SENDING'];

/**
 * A case the owner may delete: any that rests. One passing through a state is being worked on —
 * a letter SENDING may be leaving — and deleting it then would lose what became of it.
 */
export const DELETABLE: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !PASSING.includes(s));

/** Reasons the owner may override with "Draft a thank-you anyway" ("Write one anyway"). */
const DRAFTABLE_REASONS: readonly IgnoreReason[] = ['not-a-rejection', 'unsure', 'no-letter-suggested', 'record-only'];

/** Mail set aside that the owner may still draft a thank-you for. */
export function draftableAnyway(c: Case): boolean {
  // Stryker disable next-line ConditionalExpression: no undefined reason is in the list; the check is for the type.
  return c.status === 'IGNORED' && c.reason !== undefined && DRAFTABLE_REASONS.includes(c.reason);
}

/**
 * The owner may tell onward that an email is not a rejection: one it drafted a letter for, or one
 * it was unsure of — not mail it already read as no rejection, not one passing through a state,
 * and not one the owner labelled so already. A waiting draft (SENDABLE) is discarded with it.
 */
export function mayMarkNotRejection(c: Case): boolean {
  if (!c.original || !c.classification || PASSING.includes(c.status) || c.ownerLabel?.label === 'not_rejection')
    return false;
  return c.status === 'IGNORED' ? c.reason === 'unsure' : c.letter !== undefined;
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

/**
 * A draft that can be brought back: it waited too long, or the owner discarded it — never one
 * discarded after a send that may have gone through (SEND_UNKNOWN): it must not leave twice.
 */
export function revivable(record: Case): boolean {
  if (!record.letter) return false;
  return (
    record.status === 'EXPIRED' ||
    (record.status === 'DISCARDED' && record.discardedFrom !== undefined && !letterStands(record))
  );
}
