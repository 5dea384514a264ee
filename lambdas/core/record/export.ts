// The owner's record as CSV (the cases page's download, `onward export --csv`): a header row,
// one case per line, ISO dates, every case — noise too, marked, so nothing is lost.
import type { Case } from '../case/index.ts';
import { csvText } from './csv.ts';
import { type RecordEntry, recordEntry } from './entry.ts';

const COLUMNS: readonly [string, (e: RecordEntry) => string | null][] = [
  ['rejected_at', (e) => e.rejectedAt],
  ['forwarded_at', (e) => e.forwardedAt],
  ['company', (e) => e.company],
  ['role', (e) => e.role],
  ['contact_name', (e) => e.contactName],
  ['contact_email', (e) => e.contactEmail],
  ['stage', (e) => e.stage],
  ['letter', (e) => e.letter],
  ['letter_to', (e) => e.letterTo],
  ['sent_at', (e) => e.sentAt],
  ['next_follow_up', (e) => e.nextFollowUp],
  ['status', (e) => e.status],
  ['reason', (e) => e.reason],
  ['noise', (e) => String(e.noise)],
  ['case_id', (e) => e.id],
];

/** Every case, in the order given, as CSV. */
export function casesCsv(cases: readonly Case[], followUpDays: number | null = null): string {
  return csvText([
    COLUMNS.map(([name]) => name),
    ...cases.map((c) => recordEntry(c, followUpDays)).map((e) => COLUMNS.map(([, get]) => get(e))),
  ]);
}
