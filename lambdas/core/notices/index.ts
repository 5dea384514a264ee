// What onward tells its owner by email: the draft, a notice for mail set aside, "already
// forwarded", mail of theirs that was refused, and the warning when an email greets someone else.
export {
  addresseeWarning,
  draftMessage,
  duplicateMessage,
  noticeMessage,
  type OwnerMessage,
  refusalMessage,
} from './owner-messages.ts';
