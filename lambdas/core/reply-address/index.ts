// The per-case reply addresses onward's emails carry, and the letter digest a reply is checked
// against. Apart from what a reply asks for (core/reply): every function that names or reads a
// reply address needs these, and only the reply functions need the reply parser.
export { letterDigest, type ReplyTarget, refFromRecipients, replyAddress, replyRef } from './address.ts';
