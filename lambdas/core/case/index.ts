// A case: what onward recorded about one forwarded email, the states it moves through, and how
// the owner reads it.
export {
  CASE_STATUSES,
  type Case,
  type CaseStatus,
  type FollowUp,
  type FollowUpStatus,
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
  assertFollowUpTransitions,
  FOLLOW_UP_AGAIN_FROM,
  FOLLOW_UP_PENDING,
  FOLLOW_UP_SENDABLE,
  firstFollowUp,
  followUpBarred,
  followUpDue,
  followUpDueAt,
  followUpKey,
  parseFollowUpKey,
  SNOOZE_DAYS,
} from './follow-up.ts';
export {
  assertTransitions,
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
  followUpPhrase,
  LIKE_THIS,
  ownerSaid,
  STATUS_LABEL,
  statePhrase,
  timeIn,
  verdictPhrase,
  verdictWords,
  when,
} from './words.ts';
