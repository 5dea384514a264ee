// The thank-you letter: drafted from what the email said, the owner's one true detail slotted in,
// and the owner's edits checked before it may leave.
export {
  DETAIL_PLACEHOLDER,
  detailAsTyped,
  draftLetter,
  hasPlaceholder,
  type Voice,
} from './draft.ts';
export { draftFollowUp, SINCE_PLACEHOLDER } from './follow-up.ts';
export { applyEdits, keepable, type LetterEdits } from './edits.ts';
export { noLetterReason } from './suggest.ts';
