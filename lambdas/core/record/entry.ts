// One case as a line of the owner's record of their search: when the rejection was written, who
// from, how far the candidacy got, what became of the letter. The cases page, its chart and the
// CSV export all read cases through this.
import { type Case, followUpDueAt, type IgnoreReason, STATUS_LABEL } from '../case/index.ts';
import type { Stage } from '../extract/index.ts';

/**
 * Mail set aside for these reasons is still the owner's own forward (a rejection without a
 * letter, or mail onward did not take for one): it stays in the record. Every other reason —
 * a duplicate, a stranger, onward's own mail, a reply acted on, a refusal — is noise.
 */
const OWNERS_MAIL: readonly IgnoreReason[] = ['not-a-rejection', 'unsure', 'no-letter-suggested', 'record-only'];

/** Mail that is not part of the owner's record: kept one click away from the list, not in it. */
export function isNoise(c: Case): boolean {
  return c.status === 'IGNORED' && !(c.reason && OWNERS_MAIL.includes(c.reason));
}

/**
 * Whether the case is a rejection in the owner's record: the owner's word first — a forward to
 * record is one by their say — else the reader's verdict.
 */
export function isRejection(c: Case): boolean {
  if (isNoise(c)) return false;
  if (c.reason === 'record-only' && !c.ownerLabel) return true;
  return (c.ownerLabel?.label ?? c.classification?.verdict) === 'rejection';
}

const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * When the recruiter wrote the email, as ISO 8601. A Date header onward parsed is a moment (UTC,
 * `Z`); a date copied from an inline forward's header block ("Fri, Feb 27, 2026 at 4:31 PM")
 * names no zone, so it is the wall-clock time as written, with no offset — never a guessed zone.
 * Null when there is no date or it cannot be read ("27/02/2026" could be two days).
 */
function rejectedAt(c: Case): string | null {
  const written = c.original?.date?.trim();
  if (!written) return null;
  if (ISO_ZONED.test(written)) return written;
  // Read as if in UTC, then written without the zone: the same wall-clock time, whatever the machine's zone.
  const parsed = Date.parse(`${written.replace(/\bat\b/g, ' ')} UTC`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 16);
}

/**
 * When the case's next follow-up is due, ISO: a scheduled one at its time (the setting's days
 * after the letter, or a snoozed time); one waiting for the owner since it was drafted; none once
 * it left or stopped. Without the setting's days (`null`), a scheduled one's time is unknown.
 */
function nextFollowUp(c: Case, followUpDays: number | null): string | null {
  const f = c.followUp;
  if (!f || c.status !== 'SENT') return null;
  if (f.status === 'SCHEDULED') return followUpDays === null ? null : followUpDueAt(f, followUpDays).toISOString();
  return f.status === 'AWAITING_APPROVAL' ? f.at : null;
}

export interface RecordEntry {
  id: string;
  /** ISO; see rejectedAt. */
  rejectedAt: string | null;
  /** The Date as the forward wrote it, when it is not ISO: shown as written where it cannot be read. */
  rejectedAsWritten: string | null;
  forwardedAt: string;
  company: string | null;
  role: string | null;
  contactName: string | null;
  contactEmail: string | null;
  stage: Stage | null;
  status: Case['status'];
  /** The letter's state in the owner's words ("sent", "no letter"). */
  letter: string;
  reason: IgnoreReason | null;
  letterTo: string | null;
  sentAt: string | null;
  nextFollowUp: string | null;
  noise: boolean;
}

export function recordEntry(c: Case, followUpDays: number | null = null): RecordEntry {
  const written = c.original?.date ?? null;
  return {
    id: c.id,
    rejectedAt: rejectedAt(c),
    rejectedAsWritten: written && !ISO_ZONED.test(written) ? written : null,
    forwardedAt: c.receivedAt,
    company: c.extraction?.company ?? null,
    role: c.extraction?.role ?? null,
    contactName: c.extraction?.contactName ?? null,
    contactEmail: c.extraction?.contactEmail ?? null,
    stage: c.extraction?.stage ?? null,
    status: c.status,
    letter: STATUS_LABEL[c.status],
    reason: c.reason ?? null,
    letterTo: c.status === 'SENT' ? (c.letter?.to ?? null) : null,
    sentAt: c.sentAt ?? null,
    nextFollowUp: nextFollowUp(c, followUpDays),
    noise: isNoise(c),
  };
}
