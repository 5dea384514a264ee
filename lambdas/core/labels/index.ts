// The owner's verdicts: which emails are of one template, the owner's verdict over the reader's,
// and the owner's corrections as corpus records.
export { corpusRecord } from './corpus.ts';
export { templateFingerprint } from './template.ts';
export { withOwnerVerdict } from './verdict.ts';
