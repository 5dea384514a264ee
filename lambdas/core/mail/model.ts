// The mail model every part of onward reads. Parsing (adapters/mime.ts) produces it;
// unwrapping a forward (core/unwrap.ts) turns the owner's forward into the recruiter's original.

export interface Address {
  name: string | null;
  address: string;
}

/** A parsed MIME message, reduced to what onward needs. */
export interface ParsedMail {
  /** Message-ID with angle brackets, as written; null when absent. */
  messageId: string | null;
  /** Every From mailbox found; more than one is suspicious (docs/DESIGN.md §4). */
  from: Address[];
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  subject: string;
  /** ISO 8601 when the Date header parses, else null. */
  date: string | null;
  inReplyTo: string | null;
  references: string | null;
  /** Plain text: the text/plain part, or the HTML part reduced to text. */
  text: string;
  /** Lower-cased header names, in order. */
  headers: { name: string; value: string }[];
  /** A message/rfc822 attachment (forward as attachment), parsed one level deep. */
  attached: ParsedMail | null;
}

export type ForwardStyle = 'direct' | 'inline' | 'attachment';

/** The recruiter's message as onward understands it, however it arrived. */
export interface OriginalMail {
  style: ForwardStyle;
  from: Address | null;
  replyTo: Address[];
  cc: Address[];
  subject: string;
  /** ISO from a Date header; from an inline forward's header block, as written there (no time zone). */
  date: string | null;
  /** Known for direct mail, auto-forwards and forwards as attachment; lost in inline forwards. */
  messageId: string | null;
  references: string | null;
  text: string;
}
