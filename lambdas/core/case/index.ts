// A case: what onward recorded about one forwarded email, the states it moves through, and how
// the owner reads it.
export {
  CASE_STATUSES,
  type Case,
  type CaseStatus,
  type IgnoreReason,
  type Letter,
  type OriginalSummary,
  type Refusal,
  type RefusalCause,
  ignoredRecordExpiry,
  originalFingerprints,
} from './case.ts';
export {
  assertTransitions,
  DISCARDABLE,
  draftableAnyway,
  letterStands,
  PASSING,
  revivable,
  SENDABLE,
} from './lifecycle.ts';
export { STATUS_LABEL, statePhrase, timeIn, verdictPhrase, verdictWords, when } from './words.ts';
