// A case as the owner reads it, in pages and in emails: statuses, verdicts and times in words.
// Codes (AWAITING_APPROVAL, not_rejection) stay in logs and data attributes.
import type { Case, CaseStatus, FollowUp, OwnerLabel } from './case.ts';
import { followUpDueAt } from './follow-up.ts';

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

/** What kind of mail the classifier took it for, as words; kinds not named here read as their code with spaces. */
const KIND_WORDS: Record<string, string> = {
  'rejection-after-interview': 'after an interview',
  'rejection-after-application': 'after your application',
  'rejection-after-test': 'after a test',
  'position-filled': 'the position was filled',
  'position-cancelled': 'the position was cancelled',
  rejection: '',
  'interview-invite': 'an invitation to interview',
  'other-role-invite': 'an invitation for another role',
  'other-role-invitation': 'an invitation for another role',
  scheduling: 'a request to schedule a conversation',
  assessment: 'an assessment to take',
  'on-hold': 'the position is on hold',
  'reserve-list': 'you are kept on a reserve list',
  'info-request': 'a request for more information',
  'status-update': 'a status update, no decision yet',
  acknowledgement: 'a receipt for your application',
  'job-alert': 'a job alert',
  outreach: 'recruiter outreach',
  account: 'a message about your account',
  marketing: 'a newsletter or advertisement',
  template: 'a template shared, not a decision sent to you',
  withdrawal: 'it confirms your withdrawal',
  offer: 'an offer',
  conflicting: 'it reads both ways',
  'weak-signals': 'only weak signs either way',
  'unknown-language': 'a language onward does not read',
  other: '',
};

/**
 * How sure onward is, in words: "fairly sure" at 0.8 and above, "not sure" below (and always
 * for an unsure verdict). The number itself stays in `onward classify --json`.
 */
function sureWords(c: { verdict: string; confidence: number }): string {
  return c.verdict !== 'unsure' && c.confidence >= 0.8 ? 'onward is fairly sure' : 'onward is not sure';
}

/** The verdict as one phrase: "a rejection, after an interview (onward is fairly sure)". */
export function verdictPhrase(c: {
  verdict: 'rejection' | 'not_rejection' | 'unsure';
  kind: string;
  confidence: number;
}): string {
  const kind = KIND_WORDS[c.kind] ?? c.kind.replace(/-/g, ' ');
  return `${verdictWords(c.verdict)}${kind ? `, ${kind}` : ''} (${sureWords(c)})`;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

const formats = new Map<string, Intl.DateTimeFormat>();

/** One way of writing a moment everywhere the owner reads one: "Fri, 27 Feb 2026, 17:31 CET". */
export function timeIn(timeZone: string, at: Date): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

/**
 * A time onward parsed (a Date header, when a letter left), in the owner's time zone. A date
 * copied from a forward's header block ("Fri, Feb 27, 2026 at 4:31 PM", Outlook's "Sent:") names
 * no time zone: it is shown as written, not turned into "Invalid Date" or a wrong time.
 */
export function when(value: string | null | undefined, timeZone: string): string {
  if (!value) return 'unknown';
  return ISO_TIME.test(value) ? timeIn(timeZone, new Date(value)) : value;
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

/** A case's follow-up in a few words, for its row on the cases page: "follow-up due 20 Jan 2027". */
export function followUpPhrase(f: FollowUp, days: number): string {
  switch (f.status) {
    case 'SCHEDULED':
      return `follow-up due ${dayOf(followUpDueAt(f, days).toISOString())}`;
    case 'AWAITING_APPROVAL':
      return 'follow-up waiting for you';
    case 'SENDING':
      return 'follow-up being sent';
    case 'SENT':
      return `follow-up sent ${f.sentAt ? dayOf(f.sentAt) : ''}`.trim();
    case 'SEND_FAILED':
      return 'follow-up not sent: refused';
    case 'SEND_UNKNOWN':
      return 'follow-up may have been sent';
    case 'STOPPED':
      return f.stopped === 'answered'
        ? 'they answered: no follow-up'
        : f.stopped === 'bounced'
          ? 'no follow-up: the address bounced'
          : 'follow-ups stopped';
  }
}
