// The mail model every part of onward reads, and the small readers of mail's own formats:
// addresses, HTML reduced to text with its character references decoded, and a pasted rejection.
export { isAddress, parseRecipient, RECIPIENT_PATTERN } from './address.ts';
export { htmlToText } from './html-text.ts';
export type { Address, ForwardStyle, OriginalMail, ParsedMail } from './model.ts';
export { pastedMail } from './pasted.ts';
