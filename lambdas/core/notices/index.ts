// What onward tells its owner by email: the draft, a notice for mail set aside, "already
// forwarded", and the warning when an email greets someone else.
export {
  addresseeWarning,
  draftMessage,
  duplicateMessage,
  expiredMessage,
  noticeMessage,
  type OwnerMessage,
} from './owner-messages.ts';
