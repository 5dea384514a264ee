// Calendar days in the owner's time zone, and the weeks and months they fall in. Days are
// "YYYY-MM-DD" strings; arithmetic is done on UTC midnights, where every day is 24 hours long.

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The owner's calendar day of a time: a moment (ISO with `Z`) in their zone; a wall-clock time
 * with no offset (an inline forward's date, as written) is already theirs, taken as it stands.
 */
export function localDay(iso: string, timeZone: string): string {
  if (!iso.endsWith('Z')) return iso.slice(0, 10);
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOfUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 24 * 3600 * 1000;

export type Period = 'week' | 'month';

/** The first day of the week (Monday, as ISO 8601 counts) or month a day falls in. */
export function periodStart(day: string, period: Period): string {
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(utc(day)).getUTCDay() + 6) % 7;
  return dayOfUtc(utc(day) - weekday * DAY_MS);
}

/** The first day of the next week or month. */
export function nextPeriod(start: string, period: Period): string {
  if (period === 'week') return dayOfUtc(utc(start) + 7 * DAY_MS);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return dayOfUtc(Date.UTC(year, month, 1));
}

/** Days from one day to another. */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY_MS);

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A time as a row of the cases page shows it, short enough for one line on a phone: "27 Feb 2026,
 * 16:31", in the owner's zone (the page names the zone once). A wall-clock time with no offset is
 * shown as written.
 */
export function shortTime(iso: string, timeZone: string): string {
  const zone = iso.endsWith('Z') ? timeZone : 'UTC';
  let format = timeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(zone, format);
  }
  return format.format(new Date(iso.endsWith('Z') ? iso : `${iso}Z`));
}
