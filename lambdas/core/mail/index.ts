// The mail model every part of onward reads, and the small readers of mail's own formats:
// addresses, and HTML reduced to text with its character references decoded.
export { isAddress, parseRecipient, RECIPIENT_PATTERN } from './address.ts';
export { htmlToText } from './html-text.ts';
export type { Address, ForwardStyle, OriginalMail, ParsedMail } from './model.ts';
