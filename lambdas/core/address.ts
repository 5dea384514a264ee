// One rule for "is this an email address?", used wherever onward accepts one: configuration,
// the letter's To field. Deliberately plain: a mailbox, one @, a dotted domain, nothing that
// could smuggle a second address or a display name.
const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/;

export function isAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value.trim());
}
