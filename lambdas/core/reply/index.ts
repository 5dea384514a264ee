// Replies to onward's emails: the per-case reply addresses, and what a reply asks for.
export { letterDigest, type ReplyTarget, refFromRecipients, replyAddress, replyRef } from './address.ts';
export { followUpCommand, replyCommand } from './command.ts';
