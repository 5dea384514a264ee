// What onward tells its owner by email: the draft, a notice for mail set aside, "already
// forwarded", mail of theirs that was refused, the warning when an email greets someone else,
// and who wrote mail an agency sent.
export {
  addresseeWarning,
  draftMessage,
  duplicateMessage,
  expiredMessage,
  noticeMessage,
  type OwnerMessage,
  refusalMessage,
  writtenBy,
} from './owner-messages.ts';
export { answerMessage, followUpDraftMessage } from './follow-up-messages.ts';
