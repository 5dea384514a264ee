// The owner's record of their search: cases as lines of it, noise set apart, and the CSV export.
export { csvField } from './csv.ts';
export { isNoise } from './entry.ts';
export { casesCsv } from './export.ts';
