// A case: what onward recorded about one forwarded email, the states it moves through, and how
// the owner reads it.
export {
  CASE_STATUSES,
  type Case,
  type CaseStatus,
  type IgnoreReason,
  type Letter,
  type OriginalSummary,
  type OwnerLabel,
  type Refusal,
  type RefusalCause,
  type TemplateLabel,
  ignoredRecordExpiry,
  originalFingerprints,
} from './case.ts';
export {
  assertTransitions,
  DELETABLE,
  DISCARDABLE,
  draftableAnyway,
  letterStands,
  mayMarkNotRejection,
  PASSING,
  revivable,
  SENDABLE,
} from './lifecycle.ts';
export {
  dayOf,
  LIKE_THIS,
  ownerSaid,
  STATUS_LABEL,
  statePhrase,
  timeIn,
  verdictPhrase,
  verdictWords,
  when,
} from './words.ts';
