// The owner's edits to a letter, applied: the letter as it will leave and every problem that
// stops it from leaving, checked together so the page can show them all at once.
import { nameMatchesMailbox } from '../names/index.ts';
import { parseRecipient } from '../mail/index.ts';
import type { Letter } from '../case/index.ts';
import { hasPlaceholder, hasPlaceholderLeft, withDetail } from './draft.ts';
import { SINCE_PLACEHOLDER } from './follow-up.ts';

export interface LetterEdits {
  to: string;
  subject: string;
  body: string;
  /** "One thing I liked", slotted into the third paragraph. */
  detail: string;
}

/** A thank-you is a few short paragraphs: far longer is a paste gone wrong. Counted in characters, whatever the script. */
const MAX_LETTER_CHARS = 20_000;
const MAX_SUBJECT_CHARS = 250;
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The greeting names this person: in full, or as the letter greets people — "Dear Sandra," and
 * "Dear Ms. Ing," greet Sandra Ing.
 */
function greets(greeting: string, name: string): boolean {
  const words = greeting.split(/[^\p{L}\p{M}'’-]+/u);
  return (
    greeting.includes(name) ||
    name
      .replace(/^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)\.?\s+/, '')
      .split(/\s+/)
      .some((w) => w.length > 1 && words.includes(w))
  );
}

/**
 * Whether a letter as the owner left it (valid or not) is small enough to keep: a Discard keeps the
 * owner's edits for a revival, but a paste gone wrong is no letter to store.
 */
export function keepable(letter: Letter): boolean {
  return (
    letter.body.length <= MAX_LETTER_CHARS &&
    letter.subject.length <= MAX_SUBJECT_CHARS &&
    // Stryker disable next-line StringLiteral: a letter with no address is kept; any short stand-in keeps it too.
    (letter.to ?? '').length <= 320
  );
}

/** The letter as it will leave, and what stops it from leaving. */
export function applyEdits(letter: Letter, edits: LetterEdits): { letter: Letter; problems: string[] } {
  const body = withDetail(edits.body.replace(/\r\n/g, '\n'), edits.detail).trim();
  const typed = edits.to.trim();
  const recipient = parseRecipient(typed);
  const next: Letter = { ...letter, to: recipient?.address ?? (typed || null), subject: edits.subject.trim(), body };
  const problems: string[] = [];
  if (!typed) problems.push('Add the address the letter goes to.');
  else if (!recipient)
    problems.push(
      `“${typed}” is not an email address (write one address, e.g. jordan@acme.com or Jordan Lee <jordan@acme.com>).`,
    );
  if (!next.subject) problems.push('The subject is empty.');
  else if (next.subject.length > MAX_SUBJECT_CHARS)
    problems.push(
      `The subject is ${count(next.subject.length)} characters long; a subject can be up to ${count(MAX_SUBJECT_CHARS)}.`,
    );
  if (!body) problems.push('The letter is empty.');
  else if (body.length > MAX_LETTER_CHARS)
    problems.push(
      `The letter is ${count(body.length)} characters long; a letter can be up to ${count(MAX_LETTER_CHARS)}.`,
    );
  if (hasPlaceholder(body))
    problems.push('Write one true detail you liked in the marked paragraph, or delete that paragraph.');
  else if (hasPlaceholderLeft(body)) {
    problems.push(
      'Part of the marked paragraph’s instructions is still in the letter (“[One thing I liked — …]”): keep only your own words there, or delete the paragraph.',
    );
  }
  // A detail with nowhere to go would be dropped without a word.
  else if (edits.detail.trim() && !hasPlaceholder(edits.body)) {
    problems.push(
      'Your detail has no place in the letter: put the marked paragraph back, write the detail into the letter yourself, or clear the field.',
    );
  }
  // A follow-up's line about what the owner has done since is theirs to write, as the detail is.
  if (body.includes(SINCE_PLACEHOLDER))
    problems.push('Write one line about what you have done since in the marked line, or delete that line.');
  // A new address means a new person: the name found in the email may not be theirs — and a
  // letter to David that opens "Dear Olivia Grant," must not leave.
  if (next.to !== letter.to) {
    // The body is trimmed: its first line is the greeting.
    const greeting = body.split('\n', 1)[0]!;
    // A corrected address of the same person ("sandra.ing@" for "sandra.img@", or typed with
    // their name) is fine.
    const samePerson = (to: NonNullable<typeof recipient>, name: string) =>
      nameMatchesMailbox(name, to.address) || to.name?.toLowerCase() === name.toLowerCase();
    if (
      recipient &&
      letter.to &&
      letter.toName &&
      greets(greeting, letter.toName) &&
      !samePerson(recipient, letter.toName)
    ) {
      problems.push(
        `The letter greets ${letter.toName} but now goes to ${next.to}: change the greeting, or send it to ${letter.to}.`,
      );
    }
    next.toName = null;
  }
  // A name typed with the address ("David Chen <david@acme.com>") is the one the letter goes to.
  if (recipient?.name) next.toName = recipient.name;
  return { letter: next, problems };
}
