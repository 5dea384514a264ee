// A case as the owner reads it, in pages and in emails: statuses, verdicts and times in words.
// Codes (AWAITING_APPROVAL, not_rejection) stay in logs and data attributes.
import type { Case, CaseStatus, OwnerLabel } from './case.ts';

/** Each status as a label: the cases page's filters and rows. */
export const STATUS_LABEL: Record<CaseStatus, string> = {
  RECEIVED: 'received',
  IGNORED: 'no letter',
  DRAFTED: 'drafted',
  AWAITING_APPROVAL: 'waiting for you',
  SENDING: 'sending',
  SENT: 'sent',
  SEND_FAILED: 'not sent: refused',
  SEND_UNKNOWN: 'may have been sent',
  DISCARDED: 'discarded',
  EXPIRED: 'expired',
};

/** A letter's state as a phrase in a sentence ("The letter is …"), for replies that cannot act. */
const STATE_PHRASE: Partial<Record<CaseStatus, string>> = {
  SENT: 'already sent',
  SENDING: 'being sent right now',
  DISCARDED: 'discarded',
  EXPIRED: 'expired',
  IGNORED: 'not drafted',
  SEND_UNKNOWN: 'perhaps sent (the connection broke while sending)',
  SEND_FAILED: 'refused by the mail service',
};

export function statePhrase(record: Case | undefined): string {
  return record ? (STATE_PHRASE[record.status] ?? 'not ready') : 'gone';
}

/** The classifier's verdict as the owner reads it. */
export function verdictWords(verdict: 'rejection' | 'not_rejection' | 'unsure'): string {
  return verdict === 'rejection'
    ? 'a rejection'
    : verdict === 'unsure'
      ? 'perhaps a rejection, not surely'
      : 'not a rejection';
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * A time onward parsed (a Date header, when a letter left) is ISO and shown in UTC. A date copied
 * from a forward's header block ("Fri, Feb 27, 2026 at 4:31 PM", Outlook's "Sent:") names no time
 * zone: it is shown as written, not turned into "Invalid Date" or a wrong UTC time.
 */
export function when(value: string | null | undefined): string {
  if (!value) return 'unknown';
  return ISO_TIME.test(value) ? new Date(value).toUTCString().replace(' GMT', ' UTC') : value;
}

/** The day of an ISO time, as the owner reads it in a sentence: "03 Dec 2026". */
export function dayOf(iso: string): string {
  return ISO_TIME.test(iso) ? new Date(iso).toUTCString().slice(5, 16) : iso;
}

/** Which emails the owner's verdict on one carries over to (core/labels says how they are told). */
export const LIKE_THIS = 'emails like this one (the same sender, subject and opening)';

/** The owner's label on a case, as a sentence. */
export function ownerSaid(label: OwnerLabel): string {
  return `You said on ${dayOf(label.at)} that this email is ${verdictWords(label.label)}: onward reads ${LIKE_THIS} that way.`;
}
