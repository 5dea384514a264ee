// One rule for "is this an email address?", used wherever onward accepts one: configuration,
// the letter's To field. Deliberately plain: a mailbox, one @, a dotted domain, nothing that
// could smuggle a second address or a display name.
const MAILBOX = String.raw`[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}`;
const ADDRESS = new RegExp(`^${MAILBOX}$`);

export function isAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value.trim());
}

// People copy an address as their mail client shows it: "David Chen <david@acme.com>".
const NAMED = /^(?:"([^"]*)"|([^<>@"]*?))\s*<\s*([^<>\s]+)\s*>$/;

/** One recipient as typed: a bare address or "Name <address>" (the name may be quoted). */
export function parseRecipient(value: string): { name: string | null; address: string } | null {
  // Invisible characters come along when an address is copied from a web page or a PDF.
  const typed = value.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
  const m = NAMED.exec(typed);
  const address = m ? m[3]! : typed;
  if (!isAddress(address)) return null;
  return { name: m ? (m[1] ?? m[2] ?? '').trim() || null : null, address };
}

/**
 * The same rule for the browser's own check of the To field (an HTML pattern, which Chrome reads
 * with the v flag: parentheses in a class are escaped), so a typo is caught before the page posts.
 */
export const RECIPIENT_PATTERN = (() => {
  const mailbox = MAILBOX.replaceAll('()', String.raw`\(\)`);
  return String.raw`\s*(?:${mailbox}|"?[^<>@"]*"?\s*<\s*${mailbox}\s*>)\s*`;
})();
