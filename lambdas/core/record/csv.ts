// CSV as RFC 4180 writes it, for a spreadsheet to open: a field is quoted when it holds a comma,
// a quote or a line break, lines end in CRLF. Written here rather than with a library: the review
// Lambda's bundle has a size budget, and quoting is a few lines.

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a
 * recruiter's name or subject line is text someone else wrote. Tab and CR start one in some too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised with a leading apostrophe when a spreadsheet would run it, then quoted if it must be. */
export function csvField(value: string | null | undefined): string {
  const text = value ?? '';
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of fields as CSV text, the first row being the header. */
export function csvText(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
