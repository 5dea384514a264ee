// Who could receive the thank-you: the sender when it is a person, the person who signed, people
// in Cc or Reply-To. Team and no-reply mailboxes have nobody to thank, and the candidate's own
// name (from the greeting, or "Thanks, Jayden." at the end) must never be taken for the sender.

import type { Address, OriginalMail } from '../mail/index.ts';
import { isAtsOrBoardAddress, isRoleMailbox } from './ats-domains.ts';
import { displayNameParts, looksLikePersonName, nameMatchesMailbox, squash } from '../names/index.ts';

// Patterns with \p{…} are built once, here: esbuild (and tsx) write each such literal as
// `new RegExp(…)` for Node 20 and 22, so one written inside a function is built on every call.
const STARTS_LOWER = /^\p{Ll}/u;
const SHORT_COMMA_LINE = /^\p{Lu}[^.!?]{2,30},$/u;
const LEADING_TITLES = /^(?:(?:dr|prof|professor|mr|mrs|ms|miss|mx|chef|rev)\.?\s+)+(?=\p{Lu})/iu;
const HAN_OR_HANGUL_NAME = /^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u;
const NOT_IN_A_NAME = /[^\p{L}'-]/gu;

export interface Contact {
  name: string | null;
  address: string | null;
  source: 'from' | 'signature' | 'cc' | 'reply-to';
}

const GREETING =
  /^(?:(?:hi|hello|dear|hey|greetings|good (?:morning|afternoon|evening))\b[\s,]*)?(\p{L}[\p{L}'-]*(?: \p{L}[\p{L}'-]*){0,2})\s*[,:!]/iu;
const GREETING_WORD = /^(?:hi|hello|dear|hey|greetings)\b\s+(\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*){0,2})\s*$/u;
/** Words a greeting names instead of a person ("Dear Candidate", "Hi there", "Hello all"). */
const NOT_NAMES =
  'candidate applicant sir madam team all there hiring friend colleague hello hi dear thank thanks'.split(' ');
const NOT_A_NAME = new RegExp(`^(?:${NOT_NAMES.join('|')})$`, 'i');

/** Words of the name the email greets (the candidate), lower-cased. */
export function greetedNames(lines: readonly string[]): ReadonlySet<string> {
  const names = new Set<string>();
  const firstLines = lines.filter((l) => l !== '').slice(0, 3);
  for (const line of firstLines) {
    const m = GREETING.exec(line) ?? GREETING_WORD.exec(line);
    if (!m?.[1]) continue;
    for (const w of m[1].split(' ')) {
      if (!NOT_A_NAME.test(w) && w.length > 1) names.add(w.toLowerCase());
    }
    break;
  }
  return names;
}

const SALUTATION = /^(?:hi|hello|dear|hey|good (?:morning|afternoon|evening))[\s,]+(.+?)\s*[,:!.]?$/iu;
// The same words, some plurals, and the first lines that only look like names ("Application Update,").
const NOT_A_GREETED_NAME = new RegExp(
  `\\b(?:${NOT_NAMES.join('|')}|candidates|applicants|friends|colleagues|greetings|unfortunately|congratulations|valued|everyone|everybody|future|job|seekers?|recipients?|applications?|update|status|decision|interview|regarding|notice|news|important|reminder)\\b`,
  'i',
);

/**
 * Whom the email greets by name, only when it plainly does ("Dear Alex," "Hi Jayden Udall,"
 * "Alex,"): mail greeting someone other than the owner may not have been meant for them.
 */
export function greetingName(lines: readonly string[]): string | null {
  const first = lines.find((l) => l !== '');
  // A greeting is a short line; a long one is not worth reading as one.
  if (!first || first.length > 60) return null;
  const name = (SALUTATION.exec(first)?.[1] ?? /^([^,]{2,40}),$/.exec(first)?.[1])?.trim();
  return name && !NOT_A_GREETED_NAME.test(name) && looksLikePersonName(name) ? name : null;
}

// Longest first: "Best regards," is a closing, not "Best" followed by a person called "regards".
const CLOSINGS = [
  'with appreciation',
  'yours faithfully',
  'kindest regards',
  'sincerely yours',
  'warmest regards',
  'yours sincerely',
  'with gratitude',
  'all the best',
  'best regards',
  'kind regards',
  'respectfully',
  'thanks again',
  'warm regards',
  'best wishes',
  'many thanks',
  'warm wishes',
  'with thanks',
  'yours truly',
  'cordially',
  'sincerely',
  'take care',
  'talk soon',
  'thank you',
  'regards',
  'cheers',
  'thanks',
  'warmly',
  'best',
];
// "With best wishes," and "With kind regards," too.
const CLOSING = new RegExp(`^(?:with\\s+)?(?:${CLOSINGS.join('|')})\\b[\\s,.!]*(.*)$`, 'i');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export interface Signature {
  /** The signer's name as written, or null. */
  name: string | null;
  /** An address written in the signature block, if any. */
  address: string | null;
  /** Lines of the block after the sign-off (name, title, company …). */
  lines: string[];
  /** Signed for a team too ("Emma & the team at …"): the one name is a person's, not a brand's. */
  forTeam?: boolean;
}

/** The block after the last sign-off ("Best,", "Sincerely,"), and the name that opens it. */
export function findSignature(lines: readonly string[]): Signature {
  let at = -1;
  let inline = '';
  // From the end: the last sign-off is the signature's, whatever legal footer follows it.
  for (let i = lines.length - 1; i >= 1; i--) {
    const line = lines[i] ?? '';
    if (line.length > 45) continue;
    const m = CLOSING.exec(line);
    if (m) {
      at = i;
      // "With best wishes for your future research," goes on with words, not a name.
      inline = STARTS_LOWER.test(m[1] ?? '') ? '' : (m[1] ?? '').trim();
      break;
    }
    // "Enjoy the music," "Ngā mihi," — a short line ending in a comma, followed by a name.
    const next = lines[i + 1] === '' ? (lines[i + 2] ?? '') : (lines[i + 1] ?? '');
    if (SHORT_COMMA_LINE.test(line) && looksLikePersonName(bareName(next.split(',')[0] ?? ''))) {
      at = i;
      break;
    }
  }
  if (at < 0) at = unsignedBlock(lines);
  if (at < 0) return { name: null, address: null, lines: [] };
  const block = lines.slice(at + 1, at + 10).filter((l) => l !== '' && !/^[-_=*]{2,}$/.test(l));
  const address = block.map((l) => EMAIL.exec(l)?.[0] ?? null).find((a) => a !== null) ?? null;
  const first = inline !== '' ? inline : (block[0] ?? '');
  // "Emily & Kevin, the Acme Recruiting Team", "Sarah Katz | Recruiter", "Jo Bloggs - Recruiter".
  const head = bareName(
    first
      .split(/\s*(?:,|\||\s-\s)\s*/)[0]
      ?.replace(/[.!]$/, '')
      .trim() ?? '',
  );
  return {
    name: head !== '' ? head : null,
    address,
    lines: inline !== '' ? [inline, ...block] : block,
    // Only when the name itself carries the team: "Sam, Jordan & the team" is signed by several.
    forTeam: TEAM_TOO.test(first.split(/\s*(?:,|\||\s-\s)\s*/)[0] ?? ''),
  };
}

/**
 * Mail that ends without a sign-off, on a name and what the signer does: "Paolo Reyes / Head of
 * Engineering, Greenmoor", "Nils / Parquet Labs". The index of the line before that name, as a
 * sign-off's would be, or -1. The name must stand after a finished sentence or a blank line, within
 * the last lines that are not a reply quoted below or a phone's footer.
 */
function unsignedBlock(lines: readonly string[]): number {
  let end = lines.length;
  // A reply quoted below the message ("On Tue, Mira wrote:" and what follows) and a phone's footer are not the signature.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^On .{0,80}wrote:$|^-{2,} ?(?:Original|Forwarded) Message/i.test(line)) {
      end = i;
      break;
    }
  }
  const filled: number[] = [];
  for (let i = end - 1; i >= 0 && filled.length < 4; i--) {
    const line = lines[i] ?? '';
    if (line === '' || /^sent from my\b/i.test(line)) continue;
    filled.unshift(i);
  }
  for (const i of filled) {
    const line = bareName(lines[i] ?? '');
    const before = i > 0 ? (lines[i - 1] ?? '') : '';
    if (i === 0 || (before !== '' && !/[.!?)]$/.test(before))) continue;
    if (line.split(/\s+/).length <= 4 && looksLikePersonName(line)) return i - 1;
  }
  return -1;
}

const TEAM_TOO = /\s+&\s+(?:the\s+)?(?:\w+\s+)?team\b.*$/i;
/** Words around a signer's name that are not the name: "Dr.", "Prof.", "Chef", a quoted nickname ("Becca "Sparrow" Lindgren"), "& the team at …". */
function bareName(raw: string): string {
  return raw
    .replace(TEAM_TOO, '')
    .replace(/\s+["“][^"”]{1,20}["”](?=\s)/, '')
    .replace(LEADING_TITLES, '')
    .trim();
}

/** The From mailbox belongs to one person: a person-shaped name on a personal, employer mailbox. */
function personFrom(addr: Address | null, company: string | null): boolean {
  if (!addr?.name) return false;
  if (isRoleMailbox(addr.address) || isAtsOrBoardAddress(addr.address)) return false;
  if (!looksLikePersonName(addr.name) || (company !== null && sameName(addr.name, company))) return false;
  // "Jameson" alone could be a brand; the mailbox jameson@ says it is a person.
  // Chinese and Korean names are written without a space: 王伟 is a whole name.
  return (
    addr.name.trim().split(/\s+/).length >= 2 ||
    nameMatchesMailbox(addr.name, addr.address) ||
    HAN_OR_HANGUL_NAME.test(addr.name.trim())
  );
}

function sameName(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

export interface ContactFindings {
  candidates: Contact[];
  noReplySender: boolean;
}

const inNaturalOrder = (a: Address): Address =>
  a.name ? { ...a, name: bareName(displayNameParts(a.name).person) } : a;

export function findContacts(
  original: OriginalMail,
  signature: Signature,
  greeted: ReadonlySet<string>,
  company: string | null,
): ContactFindings {
  const mail = {
    from: original.from && inNaturalOrder(original.from),
    replyTo: original.replyTo.map(inNaturalOrder),
    cc: original.cc.map(inNaturalOrder),
  };
  const isCandidate = (name: string): boolean =>
    name
      .toLowerCase()
      .split(/[\s&]+/)
      .every((w) => w === '' || greeted.has(w.replace(NOT_IN_A_NAME, '')));
  const isCompany = (name: string): boolean => company !== null && sameName(name, company);

  const out: Contact[] = [];
  const add = (c: Contact): void => {
    const dup = out.find(
      (o) =>
        (c.name && o.name && sameName(c.name, o.name)) ||
        (c.address && o.address && c.address.toLowerCase() === o.address.toLowerCase()),
    );
    if (dup) {
      dup.name ??= c.name;
      dup.address ??= c.address;
      return;
    }
    out.push(c);
  };

  const from = mail.from;
  const fromIsPerson = personFrom(from, company);
  if (from && fromIsPerson) add({ name: from.name, address: from.address, source: 'from' });

  const sigName = signature.name;
  if (sigName && looksLikePersonName(sigName) && !isCandidate(sigName) && !isCompany(sigName)) {
    const tokens = sigName.split(/\s+/).filter((t) => t !== '&');
    // One word ("Jameson", but also "Okta") is a name only when the sender's mailbox agrees.
    const corroborated =
      tokens.length >= 2 ||
      signature.forTeam === true ||
      (from !== null &&
        ((from.name !== null && sameName(from.name, sigName)) || nameMatchesMailbox(sigName, from.address)) &&
        !isRoleMailbox(from.address));
    if (corroborated) {
      const sigAddress = signature.address && !isRoleMailbox(signature.address) ? signature.address : null;
      add({ name: sigName, address: sigAddress, source: 'signature' });
    }
  }

  for (const r of mail.replyTo) {
    if (isRoleMailbox(r.address) || isAtsOrBoardAddress(r.address)) continue;
    const name =
      r.name && looksLikePersonName(r.name)
        ? r.name
        : from?.name && looksLikePersonName(from.name) && nameMatchesMailbox(from.name, r.address)
          ? from.name
          : null;
    if (name && isCandidate(name)) continue;
    add({ name, address: r.address, source: 'reply-to' });
  }
  for (const c of mail.cc) {
    if (isRoleMailbox(c.address) || isAtsOrBoardAddress(c.address)) continue;
    const name = c.name && looksLikePersonName(c.name) && !isCandidate(c.name) ? c.name : null;
    add({ name, address: c.address, source: 'cc' });
  }

  // Nobody to thank at the From address unless it is one person's own mailbox.
  return { candidates: out, noReplySender: !fromIsPerson };
}
