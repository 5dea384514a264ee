// Which emails are "like this one": the owner's verdict on one email carries over to the next
// email of the same template. A template is what an ATS or a recruiter sends again and again with
// only the particulars changed, so the fingerprint keeps what a template fixes and drops what it
// fills in:
// - the sender address, without a +tag and with digits folded (per-application mailboxes);
// - the subject without Re:/Fwd: prefixes;
// - the opening — the greeting line dropped, links folded, digits dropped — for its first
//   OPENING_WORDS words: long enough to reach the sentence that decides (an acknowledgement and a
//   rejection often share their first sentence, "Thank you for applying to …"), short enough to
//   lie inside the case's 600-character excerpt whatever the lengths of the names in it;
// and in subject and opening alike, the particulars the reader found — the role, the company, the
// names of the person greeted — become placeholders. Another application at the same company
// (another role in the subject), or a job board's "Unfortunately, <company> has decided not to
// move forward with your <role> application" for another company, is the same email; folding
// only ever joins texts that are the same word for word apart from those particulars, so mail
// of another kind from the same address — an acknowledgement beside a rejection — stays apart.
import { createHash } from 'node:crypto';
import type { OriginalSummary } from '../case/index.ts';

const OPENING_WORDS = 50;

/** What a template fills in, to fold away: the role, the company, and the names of the person greeted. */
interface TemplateHints {
  role: string | null;
  company: string | null;
  /** The name the email greets (the extractor's `greeting`). */
  greeting?: string | null;
  ownerName: string;
}

const GREETING = /^(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening|day)|to whom it may concern)\b/i;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each given text, wherever it stands as whole words, replaced by a placeholder; longest first. */
function fold(text: string, values: readonly (string | null | undefined)[], placeholder: string): string {
  const wanted = [...new Set(values.map((v) => v?.trim() ?? '').filter((v) => v.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  return wanted.reduce(
    (t, v) => t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(v)}(?![\\p{L}\\p{N}])`, 'giu'), placeholder),
    text,
  );
}

function words(text: string, hints: TemplateHints): string[] {
  const names = [hints.greeting, hints.ownerName, ...hints.ownerName.split(/\s+/)];
  const particulars = fold(fold(text.normalize('NFKC'), [hints.role], ' role '), [hints.company], ' company ');
  const folded = fold(particulars, names, ' name ');
  // Digits (dates, requisition and reference numbers) go with the punctuation.
  return folded
    .toLowerCase()
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' link ')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

/** The text after the greeting: "Hi Sam," "Dear Sam Rivera," "Seth Polyniak," are not the template's. */
function withoutGreeting(excerpt: string): string {
  const text = excerpt.trim();
  const lineEnd = text.indexOf('\n');
  const first = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const rest = lineEnd === -1 ? '' : text.slice(lineEnd + 1);
  if (GREETING.test(first)) {
    // "Hi Sam, thanks for applying …" on one line: only the greeting goes.
    const stop = first.slice(0, 60).search(/[,:!—–]/);
    return stop === -1 ? rest : `${first.slice(stop + 1)}\n${rest}`;
  }
  // A name alone as the greeting line.
  if (/,\s*$/.test(first) && first.split(/\s+/).length <= 4) return rest;
  return text;
}

/** The template an email was written from, as a key; null for mail without a sender. */
export function templateFingerprint(
  original: Pick<OriginalSummary, 'from' | 'subject' | 'excerpt'>,
  hints: TemplateHints,
): string | null {
  if (!original.from) return null;
  const sender = original.from.address
    .toLowerCase()
    .replace(/\+[^@]*@/, '@')
    .replace(/\d+/g, '#');
  const subject = original.subject.replace(/^(?:\s*(?:re|fwd?|aw|wg|sv|tr)\s*:)+/i, '');
  const opening = words(withoutGreeting(original.excerpt), hints).slice(0, OPENING_WORDS);
  return createHash('sha256')
    .update(`template\n${sender}\n${words(subject, hints).join(' ')}\n${opening.join(' ')}`)
    .digest('base64url');
}
