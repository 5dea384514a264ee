// The chart at the top of the cases page: per week or month, the rejections by the stage the
// candidacy reached, beside the letters sent. Counted here, drawn by web/pages/search-chart.ts.
import type { Case } from '../case/index.ts';
import { daysBetween, localDay, nextPeriod, type Period, periodStart } from './calendar.ts';
import { isRejection, type RecordEntry, recordEntry } from './entry.ts';

/**
 * One thing the chart counts. Series of one `bar` are stacked in one bar; each bar stands beside
 * the others in its week or month. `at` is the time an entry counts at, or null when it does not.
 * A series is one entry here (and its colour in the page). Follow-ups count when they left; one
 * still due is in the future, past the chart's last week, and shows in its case's row.
 */
interface Series {
  key: string;
  label: string;
  bar: string;
  at: (e: RecordEntry, c: Case) => string | null;
}

/** A rejection counts when the recruiter wrote it; when that is unknown, when it was forwarded. */
const rejectionAt = (stage: RecordEntry['stage']) => (e: RecordEntry, c: Case) =>
  isRejection(c) && e.stage === stage ? (e.rejectedAt ?? e.forwardedAt) : null;

export const SERIES = [
  { key: 'application', label: 'rejected after the application', bar: 'rejections', at: rejectionAt('application') },
  { key: 'test', label: 'rejected after a test', bar: 'rejections', at: rejectionAt('test') },
  { key: 'interview', label: 'rejected after an interview', bar: 'rejections', at: rejectionAt('interview') },
  { key: 'unstated', label: 'rejected, stage not stated', bar: 'rejections', at: rejectionAt(null) },
  { key: 'sent', label: 'letters sent', bar: 'letters', at: (e) => (e.status === 'SENT' ? e.sentAt : null) },
  { key: 'follow-ups', label: 'follow-ups sent', bar: 'letters', at: (_e, c) => c.followUp?.sentAt ?? null },
] as const satisfies readonly Series[];

export type SeriesKey = (typeof SERIES)[number]['key'];

interface ChartPeriod {
  /** First day, YYYY-MM-DD, in the owner's time zone. */
  start: string;
  counts: Record<SeriesKey, number>;
}

export interface SearchChart {
  period: Period;
  periods: ChartPeriod[];
  totals: Record<SeriesKey, number>;
}

/** At most this many weeks or months are drawn: a phone's width. */
const MAX_PERIODS = 12;
/** A record spanning more weeks than this is drawn by month. */
const WEEKS_UP_TO = 12;

const zero = () => Object.fromEntries(SERIES.map((s) => [s.key, 0])) as Record<SeriesKey, number>;

/**
 * The chart of the owner's record up to `today` (YYYY-MM-DD, their zone): by week while the
 * record is younger than twelve weeks, by month after; the last twelve of them. Null when
 * nothing is there to count.
 */
export function searchChart(cases: readonly Case[], today: string, timeZone: string): SearchChart | null {
  const events = cases.flatMap((c) => {
    const entry = recordEntry(c);
    return SERIES.flatMap((s) => {
      const at = s.at(entry, c);
      return at ? [{ key: s.key as SeriesKey, day: localDay(at, timeZone) }] : [];
    });
  });
  if (!events.length) return null;
  const first = [today, ...events.map((e) => e.day)].sort()[0]!;
  const period: Period = daysBetween(first, today) < WEEKS_UP_TO * 7 ? 'week' : 'month';
  const starts: string[] = [];
  for (let s = periodStart(first, period); s <= today; s = nextPeriod(s, period)) starts.push(s);
  const shown = starts.slice(-MAX_PERIODS);
  const periods = shown.map((start) => ({ start, counts: zero() }));
  const totals = zero();
  for (const event of events) {
    const found = periods.find((p) => p.start === periodStart(event.day, period));
    if (!found) continue;
    found.counts[event.key] += 1;
    totals[event.key] += 1;
  }
  return { period, periods, totals };
}
