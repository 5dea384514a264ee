// Times as the owner reads them, in pages and in emails.

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
