// The owner's record of their search: cases as lines of it, noise set apart, the chart of it,
// and the CSV export.
export { localDay, shortTime } from './calendar.ts';
export { type SearchChart, SERIES, type SeriesKey, searchChart } from './chart.ts';
export { csvField } from './csv.ts';
export { isNoise, recordEntry } from './entry.ts';
export { casesCsv } from './export.ts';
