// The letter, in the five moves of the classic thank-you after a rejection (docs/DESIGN.md §1):
// thanks for considering me; no bitterness, thanks for the interview; one
// true detail; still interested, keep me in mind; thanks again, signed. Brief, white space,
// no flattery — and never an invented detail: the third paragraph is the owner's to write.
import type { Letter } from '../case/index.ts';
import type { Extraction } from '../extract/index.ts';
import type { OriginalMail } from '../mail/index.ts';
import { bareSubject } from '../subject/index.ts';
import { type GreetingStyle, greetingLine } from './greeting.ts';
import {
  accepted,
  answers,
  CONSIDERED,
  CONSIDERED_AGENCY,
  INTERESTED,
  KEEP_IN_MIND,
  KEEP_IN_MIND_AGENCY,
  KEEP_IN_MIND_CLOSED,
  type Parts,
  type Situation,
} from './phrases.ts';

// Patterns with \p{…} are built once, here: esbuild (and tsx) write each such literal as
// `new RegExp(…)` for Node 20 and 22, so one written inside a function is built on every call.
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** Marks the paragraph only the owner can write. Sending is refused while it is in the body. */
// Worded for any letter: when onward cannot tell whether there was an interview, the detail may
// be about the people or the role as well.
export const DETAIL_PLACEHOLDER =
  '[One thing I liked — about the interview, the people or the role: write one true detail here, or delete this paragraph.]';

/** The marked paragraph, whole. */
export function hasPlaceholder(body: string): boolean {
  return body.includes(DETAIL_PLACEHOLDER);
}

// Pieces of the marked paragraph's instructions: a paragraph half rewritten ("[One thing I liked
// — …: the robotics demo was great.]") must not leave in a letter either.
const PLACEHOLDER_PIECES = ['[One thing I liked', 'write one true detail here', 'or delete this paragraph.]'];

/** Some of the marked paragraph's instructions are still in the letter, the paragraph half edited. */
export function hasPlaceholderLeft(body: string): boolean {
  return !hasPlaceholder(body) && PLACEHOLDER_PIECES.some((p) => body.includes(p));
}

/** Ends a sentence once: "Grainwood, Inc." must not become "Grainwood, Inc..". */
const period = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** A role that names its own kind ("Summer Internship", "Graduate Scheme") needs no "role" after it. */
const OWN_NOUN =
  /\b(?:position|role|post|job|internship|programme|program|fellowship|apprenticeship|placement|scheme|residency)$/i;

function parts(x: Extraction): Parts {
  // A title cut from a subject may keep the dash that joined it to the rest ("Backend Engineer —").
  const title = x.role?.replace(/[\s,:;–—-]+$/, '') || null;
  const role = title ? (OWN_NOUN.test(title) ? `the ${title}` : `the ${title} role`) : 'the position';
  const where = x.department ? ` in your ${x.department}` : x.company ? ` at ${x.company}` : '';
  return { role, where: where.replace(/\.$/, ''), company: x.company ? x.company.replace(/\.$/, '') : null };
}

/** What happened, as the classifier's kind and the extraction tell it. */
function situation(x: Extraction, kind: string | undefined): Situation {
  return {
    stage: x.stage,
    closed: kind === 'position-filled' || kind === 'position-cancelled',
    agency: x.agency !== null && x.agency !== undefined,
  };
}

/**
 * Picks one phrasing per move from the case's seed: the same case always reads the same, and
 * each move is picked on its own so letters differ in more than one place.
 */
function picker(seed: string) {
  return <T>(list: readonly T[], move: string): T => list[fnv1a(`${seed}\u0000${move}`) % list.length]!;
}

/** FNV-1a, 32 bits: a spread-out number from a string, the same on every machine. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One "Re:" before what the email was about: "Re: FW: RE[2]: [External] Update" → "Re: Update". */
export function replySubject(subject: string): string {
  return `Re: ${bareSubject(subject) || 'Thank you'}`;
}

/** The owner's voice: how they sign, greet and close. Each is a setting (lambdas/settings). */
export interface Voice {
  greeting: GreetingStyle;
  /** The last line before the name; the owner's own, or the seed letter's "Again, thank you!". */
  closing: string;
  /** The name under the letter. */
  signOff: string;
  /** Lines under the name (title, phone, LinkedIn), or none. */
  signature: readonly string[];
}

const DEFAULT_CLOSING = 'Again, thank you!';

export interface DraftInput {
  ownerName: string;
  /** The owner's voice; by default first names, the seed's closing, signed with the owner's name. */
  voice?: Partial<Voice>;
  /** Chooses the phrasings: the case's id, so the same case always reads the same. */
  seed?: string;
  /** The classifier's kind, when known: a cancelled position chose nobody. */
  kind?: string;
  original: Pick<OriginalMail, 'subject' | 'messageId' | 'references'> & Partial<Pick<OriginalMail, 'replyTo'>>;
  extraction: Extraction;
}

/**
 * Whom the letter goes to. A person's own mailbox that sent the email; from a no-reply address,
 * the person its Reply-To names ("From: Quillstone <no-reply@hire.lever.co>, Reply-To: Hannah
 * Liu"): the sender asked for replies there. Anyone else is the owner's choice on the page.
 */
function recipient(original: DraftInput['original'], x: Extraction): { to: string | null; toName: string | null } {
  if (!x.noReplySender) return { to: x.contactEmail, toName: x.contactName };
  const replyTo = new Set((original.replyTo ?? []).map((a) => a.address.toLowerCase()));
  const named = x.candidates.find((c) => c.address && replyTo.has(c.address.toLowerCase()));
  // Only the person the letter greets: "Dear Marco Diaz," must not go to Hannah Liu.
  if (!named || (x.contactName !== null && named.name !== x.contactName)) return { to: null, toName: null };
  return { to: named.address, toName: named.name };
}

export function draftLetter({ ownerName, voice, seed, original, extraction: x, kind }: DraftInput): Letter {
  const v: Voice = { greeting: 'first-name', closing: DEFAULT_CLOSING, signOff: ownerName, signature: [], ...voice };
  const pick = picker(seed ?? `${original.messageId ?? ''}\n${original.subject}`);
  const s = situation(x, kind);
  const p = parts(x);
  const keep = s.agency ? KEEP_IN_MIND_AGENCY : s.closed ? KEEP_IN_MIND_CLOSED : KEEP_IN_MIND;
  const offered = answers(x.offers ?? [], pick);
  // A role offered takes the place of the owner's own "keep me in mind"; feedback comes beside it.
  const future = [offered.role ?? pick(keep, 'keep'), ...(offered.talk ? [offered.talk] : [])];
  const paragraphs = [
    greetingLine(x, v.greeting),
    `${pick(s.agency ? CONSIDERED_AGENCY : CONSIDERED, 'considered')(p)} ${accepted(s, pick)}`,
    // Only after an interview is there a meeting to say one true thing about, and only the owner can.
    ...(x.stage === 'interview' ? [DETAIL_PLACEHOLDER] : []),
    [pick(INTERESTED, 'interested')(p), ...future].join(' '),
    // The owner's closing as they wrote it: "Best regards," keeps its comma.
    v.closing.trim() || DEFAULT_CLOSING,
    [v.signOff.trim() || ownerName, ...v.signature.map((l) => l.trim()).filter(Boolean)].join('\n'),
  ];
  const references = [original.references, original.messageId].filter(Boolean).join(' ') || null;
  return {
    ...recipient(original, x),
    subject: replySubject(original.subject),
    body: paragraphs.join('\n\n'),
    inReplyTo: original.messageId,
    references,
  };
}

// A detail that is a sentence of its own: it opens with someone doing something ("I loved the
// tour", "We talked about robotics", "Thanks for the tour!"), or says what something was ("The
// whiteboard exercise was fun").
const OWN_SENTENCE =
  /^(?:i|i'm|i've|i’m|i’ve|we|we're|we’re|we've|we’ve|you|you're|you’re|it|it's|it’s|they|thanks|thank)\b/i;
/** A feeling with its "I" left out: "Loved meeting the whole team" → "I loved meeting the whole team." */
const FELT = /^(?:loved|enjoyed|liked|appreciated|valued|admired|learned|learnt)\b/i;
/** Someone named, then what they did: "Irving explained the roadmap clearly". */
const SOMEONE_DID = /^\p{Lu}\p{Ll}+ \p{Ll}+ed\b/u;
const SAYS_WHAT_IT_WAS = /\b(?:was|were|is|are|felt|stood out|impressed|resonated|struck me|made me)\b/i;
/**
 * Gerunds a detail may open with ("Meeting Priya and the team"): a closed list, because a
 * capitalised word ending in "ing" may be a name (Sterling, Irving, Xiaoming) or a place.
 */
const GERUNDS =
  'meeting|learning|hearing|seeing|talking|speaking|working|getting|discussing|touring|visiting|chatting|watching|being';
/** … but "how you showed me the lab", "the way it was run", "meeting a team that is …" complete "I especially liked". */
const PHRASE_OPENER = new RegExp(`^(?:how|that|what|when|where|the way|${GERUNDS})\\b`, 'i');
/** Words written small inside a sentence ("I especially liked the …", "… meeting Priya"); the owner's other words keep their case. */
const SMALL_OPENER = new RegExp(
  `^(?:The|A|An|How|That|This|These|Those|My|Your|Our|All|Each|Every|Everything|Everyone|Everybody|${GERUNDS.replace(/(^|\|)(\w)/g, (_m, bar: string, c: string) => `${bar}${c.toUpperCase()}`)})\\b`,
);

/** The detail as the sentence that takes the marked paragraph's place. */
const tidyDetail = (detail: string): string => detail.trim().replace(/\s+/g, ' ');

export function detailSentence(detail: string): string {
  const said = tidyDetail(detail);
  if (FELT.test(said)) return period(`I ${said.replace(STARTS_UPPER, (c) => c.toLowerCase())}`);
  // Only the first sentence decides its shape: "the tour. It was great" starts with a thing.
  const first = said.split(/(?<=[.!?])\s/)[0] ?? said;
  if (
    OWN_SENTENCE.test(said) ||
    SOMEONE_DID.test(said) ||
    (SAYS_WHAT_IT_WAS.test(first) && !PHRASE_OPENER.test(said))
  ) {
    // "i loved the office tour" → "I loved the office tour."
    return period(said.replace(/^i\b/, 'I').replace(STARTS_LOWER, (c) => c.toUpperCase()));
  }
  // "the tour of your office" completes "I especially liked"; "Meeting Priya and the team" is written small after it.
  const phrase = SMALL_OPENER.test(said) ? said.replace(STARTS_UPPER, (c) => c.toLowerCase()) : said;
  return period(`I especially liked ${phrase.replace(/[.!?]+$/, '')}`);
}

/**
 * The detail goes in exactly as the help promises — "I especially liked " and what was typed, a
 * full stop at most added — so the owner has seen the words that will leave. Anything reshaped
 * (a sentence of its own, a word written small) is shown on the page before it is sent.
 */
export function detailAsTyped(detail: string): boolean {
  if (!SAYS_SOMETHING.test(detail)) return true;
  return detailSentence(detail) === period(`I especially liked ${tidyDetail(detail).replace(/[.!]+$/, '')}`);
}

/** Punctuation alone ("...") says nothing: the marked paragraph stays, and Send says so. */
const SAYS_SOMETHING = /[\p{L}\p{N}]/u;

/**
 * Slots what the owner typed into the third paragraph. An empty detail leaves the letter as it
 * is; the owner removes the placeholder paragraph by deleting it from the body.
 */
export function withDetail(body: string, detail: string): string {
  if (!SAYS_SOMETHING.test(detail) || !hasPlaceholder(body)) return body;
  return body.replace(DETAIL_PLACEHOLDER, detailSentence(detail));
}
