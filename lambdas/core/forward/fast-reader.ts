// Reading forwards faster, with the very same answers.
// email-forward-parser tries ~350 regular expressions, one client and one locale at a time, each
// over the whole text: ~0.3 ms an email, most of it spent on patterns for clients and languages
// that the text cannot possibly match. Each pattern names a word it cannot match without —
// "Begin forwarded message" at the start of a line, "Betreff" somewhere — so, for each text the
// parser is about to search, the patterns whose word is absent are left out of its lists. The
// parser still decides everything: it runs the patterns that could match, in its own order, so
// its result is unchanged (scripts/eval.ts checks that on the corpus forwarded in several styles).
import EmailForwardParser from 'email-forward-parser';

const forwardParser = new EmailForwardParser();

type Regexes = Record<string, RegExp | RegExp[]>;
interface ParserInternals {
  regexes: Regexes;
  parseBody(body: string, forwarded: boolean): unknown;
  parseOriginalEmail(text: string, body: string): unknown;
}

/**
 * What a pattern needs to find in the text before it can match at all: a word at the start of a
 * line (after only white space, '>' or '*'), a word anywhere, or both; `fold` when the pattern
 * ignores case. Neither word: the pattern always runs.
 */
interface Need {
  lineStart: string | null;
  contains: string | null;
  fold: boolean;
}

/** What /\s/ matches, by character code: called for every line start, so no regex here. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
const isSpace = (c: string): boolean => isSpaceCode(c.charCodeAt(0));

/** Where the line starting at `from` ends, when \r, \u2028 and \u2029 break lines too. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i;
  }
  return -1;
}

/**
 * Reads a pattern's source for the literal words every match must contain. Conservative: when
 * any part is not understood (an alternation, an optional group …) the pattern always runs.
 */
function needOf(re: RegExp): Need {
  const src = re.source;
  const fold = re.flags.includes('i');
  // Tokens of the top-level sequence (group brackets dropped; their contents stay in sequence).
  interface Tok {
    lit: string | null;
    min: number;
    max: number;
    group?: 'open' | 'close';
  }
  const toks: Tok[] = [];
  let depth = 0;
  for (let i = 0; i < src.length; ) {
    const c = src[i]!;
    let tok: Tok;
    if (c === '|') return ALWAYS;
    if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      i = j + 1;
      tok = { lit: null, min: 1, max: 1 };
    } else if (c === '(') {
      if (src[i + 1] === '?') {
        if (src[i + 2] === ':') i += 3;
        else if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') i = src.indexOf('>', i) + 1;
        else return ALWAYS; // lookarounds
      } else i++;
      depth++;
      toks.push({ lit: null, min: 1, max: 1, group: 'open' });
      continue;
    } else if (c === ')') {
      i++;
      depth--;
      tok = { lit: null, min: 1, max: 1, group: 'close' };
    } else if (c === '\\') {
      const e = src[i + 1]!;
      i += 2;
      tok = /[A-Za-z0-9]/.test(e) ? { lit: e === 's' ? ' ' : null, min: 1, max: 1 } : { lit: e, min: 1, max: 1 };
      // \s is remembered as a space only to recognise a leading run of white space below.
      if (e === 's') {
        (tok as Tok & { space?: boolean }).space = true;
        tok.lit = null;
      }
    } else if (c === '^' || c === '$') {
      i++;
      tok = { lit: null, min: 0, max: 0 };
      (tok as Tok & { anchor?: string }).anchor = c;
    } else if (c === '.') {
      i++;
      tok = { lit: null, min: 1, max: 1 };
    } else {
      i++;
      tok = { lit: c, min: 1, max: 1 };
    }
    // Quantifier.
    const q = src[i];
    if (q === '?') {
      tok.min = 0;
      i++;
    } else if (q === '*') {
      tok.min = 0;
      tok.max = Infinity;
      i++;
    } else if (q === '+') {
      tok.max = Infinity;
      i++;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i));
      if (!m) return ALWAYS;
      tok.min = Number(m[1]);
      tok.max = m[2] === undefined ? tok.min : m[2] === '' ? Infinity : Number(m[2]);
      i += m[0].length;
    }
    if (src[i] === '?') i++; // lazy
    if (tok.group === 'close' && tok.min === 0) return ALWAYS; // an optional group
    toks.push(tok);
  }
  if (depth !== 0) return ALWAYS;
  const real = toks.filter((t) => !t.group);
  // A literal run: consecutive required single characters.
  const runFrom = (k: number): string => {
    let word = '';
    for (; k < real.length; k++) {
      const t = real[k]!;
      if (t.lit === null || t.min < 1) break;
      word += t.lit;
      if (t.max !== 1) break; // "-{8,10}": one dash is sure to be followed by another, not by what follows
    }
    return word;
  };
  // Anchored at a line start, after what a line may begin with.
  let lineStart: string | null = null;
  const anchor = (real[0] as (Tok & { anchor?: string }) | undefined)?.anchor;
  if (anchor === '^') {
    let k = 1;
    while (
      k < real.length &&
      ((real[k] as Tok & { space?: boolean }).space || real[k]!.lit === '>' || real[k]!.lit === '*')
    )
      k++;
    const word = runFrom(k);
    if (word !== '' && !isSpace(word[0]!) && word[0] !== '>' && word[0] !== '*') lineStart = word;
  }
  // And the longest required run anywhere ("-{5,8} Forwarded Message": " Forwarded Message").
  let best = '';
  for (let k = 0; k < real.length; k++) {
    const w = runFrom(k);
    if (w.length > best.length) best = w;
  }
  const contains = best.length >= 2 && best !== lineStart ? best : null;
  return { lineStart, contains, fold };
}

const ALWAYS: Need = { lineStart: null, contains: null, fold: false };

const base = (forwardParser as unknown as { parser: ParserInternals }).parser;

// Words are numbered once, so that what a text offers is remembered in a small typed array.
const lineWords: string[] = [];
const containedWords: string[] = [];
const intern = (list: string[], word: string | null): number => {
  if (word === null) return -1;
  const at = list.indexOf(word);
  return at >= 0 ? at : list.push(word) - 1;
};
interface Gated {
  re: RegExp;
  line: number;
  contains: number;
  fold: boolean;
}
const foldedLineIds = new Set<number>();
const gated = (key: string): Gated[] =>
  (base.regexes[key] as RegExp[]).map((re) => {
    const need = needOf(re);
    const g = {
      re,
      line: intern(lineWords, need.lineStart),
      contains: intern(containedWords, need.contains),
      fold: need.fold,
    };
    if (g.fold && g.line >= 0) foldedLineIds.add(g.line);
    return g;
  });

// Line-start words by their first character (as written, and upper-cased for patterns that
// ignore case), filled once all lists are read (below).
const byFirstChar = new Map<number, number[]>();
const byFirstCharFolded = new Map<number, number[]>();
const foldedLineWords: string[] = [];

const STARTS: Uint8Array[] = [];
const HAS: Uint8Array[] = [];
const PAIRS: Uint32Array[] = [];

// Which pairs of adjacent characters the upper-cased text holds, hashed into PAIR_BUCKETS bits:
// a word with a pair the text lacks cannot be in it, which rules out nearly every other
// language's labels ("Betreff", "Пересылаемое сообщение") without searching the text for them.
// Upper-casing maps character by character, so a word in the text is, upper-cased, in the
// upper-cased text: one set serves the patterns that ignore case and those that do not. A shared
// bucket only ever lets a word through to the search, never keeps one out.
const PAIR_BUCKETS = 1 << 14;
const pairOf = (a: number, b: number): number => (a * 31 + b) & (PAIR_BUCKETS - 1);

function markPairs(text: string, bits: Uint32Array): void {
  bits.fill(0);
  let prev = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const h = pairOf(prev, c);
    bits[h >>> 5]! |= 1 << (h & 31);
    prev = c;
  }
}

function hasPairs(word: string, bits: Uint32Array): boolean {
  for (let i = 1; i < word.length; i++) {
    const h = pairOf(word.charCodeAt(i - 1), word.charCodeAt(i));
    if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
  }
  return true;
}

/**
 * What one text offers the patterns: which line-start words begin one of its lines (after white
 * space, '>' or '*' — what a line-anchored pattern may skip), and which words it contains.
 */
class Offer {
  private readonly upper: string;
  /** By line-start word (then the same, case-folded): 1 when a line begins with it. */
  private readonly starts: Uint8Array;
  /** By contained word (then the same, case-folded): 0 not asked yet, 1 present, 2 absent. */
  private readonly has: Uint8Array;
  /** The upper-cased text's character pairs; filled when first asked. */
  private readonly pairs: Uint32Array;
  private paired = false;

  /**
   * `slot`: which of two scratch areas to use — one per text the parser reads in a call (the
   * cleaned body, the forwarded email); calls are synchronous, so they are reused.
   */
  constructor(
    readonly text: string,
    slot: 0 | 1,
  ) {
    STARTS[slot] ??= new Uint8Array(lineWords.length * 2);
    HAS[slot] ??= new Uint8Array(containedWords.length * 2);
    PAIRS[slot] ??= new Uint32Array(PAIR_BUCKETS >>> 5);
    this.starts = STARTS[slot].fill(0);
    this.has = HAS[slot].fill(0);
    this.pairs = PAIRS[slot];
    this.upper = text.toUpperCase();
    // One pass over the lines: each marks the line-start words it begins with.
    const otherBreaks = text.includes('\r') || text.includes('\u2028') || text.includes('\u2029');
    const n = text.length;
    // Upper-casing a few letters lengthens them ("ß" → "SS"): then each line is upper-cased alone.
    const aligned = this.upper.length === n;
    for (let from = 0; from <= n; ) {
      let end = otherBreaks ? lineEnd(text, from) : text.indexOf('\n', from);
      if (end < 0) end = n;
      let k = from;
      for (
        let code = text.charCodeAt(k);
        k < end && (isSpaceCode(code) || code === 62 || code === 42);
        code = text.charCodeAt(++k)
      );
      if (k < end) {
        const plain = byFirstChar.get(text.charCodeAt(k));
        if (plain !== undefined) for (const id of plain) if (text.startsWith(lineWords[id]!, k)) this.starts[id] = 1;
        const upper = aligned ? this.upper : text.slice(k, end).toUpperCase();
        const at = aligned ? k : 0;
        const folded = byFirstCharFolded.get(upper.charCodeAt(at));
        if (folded !== undefined)
          for (const id of folded)
            if (upper.startsWith(foldedLineWords[id]!, at)) this.starts[lineWords.length + id] = 1;
      }
      from = end + 1;
    }
  }

  allows(g: Gated): boolean {
    if (g.line >= 0 && this.starts[g.fold ? g.line + lineWords.length : g.line] !== 1) return false;
    if (g.contains >= 0) {
      const slot = g.fold ? g.contains + containedWords.length : g.contains;
      if (this.has[slot] === 0) {
        if (!this.paired) {
          markPairs(this.upper, this.pairs);
          this.paired = true;
        }
        const present =
          hasPairs(foldedContainedWords[g.contains]!, this.pairs) &&
          (g.fold
            ? this.upper.includes(foldedContainedWords[g.contains]!)
            : this.text.includes(containedWords[g.contains]!));
        this.has[slot] = present ? 1 : 2;
      }
      if (this.has[slot] === 2) return false;
    }
    return true;
  }
}

// The parser's lists, by the text each is searched in (dist/parser.js: parseBody, parseOriginalEmail).
const BODY_LISTS = ['separator_line', 'original_from'] as const;
const EMAIL_LISTS = [
  'original_subject',
  'original_subject_line',
  'original_subject_lax',
  'original_subject_lax_line',
  'original_from',
  'original_from_lax',
  'original_to',
  'original_to_line',
  'original_to_lax',
  'original_reply_to_line',
  'original_cc',
  'original_cc_line',
  'original_cc_lax',
  'original_date',
  'original_date_line',
  'original_date_lax',
] as const;
const CLEAN_BODY_LISTS = ['separator_with_information'] as const;

/**
 * The parser's regexes as one text sees them: the lists of that text narrowed to the patterns
 * that could match it, each worked out when the parser first reads it (most lists — other
 * clients' fallbacks — are never read for a given forward); every other entry is the parser's own.
 */
interface View {
  offer: Offer;
  other: Offer | null;
  lists: (RegExp[] | undefined)[];
}
function viewClass(
  keys: readonly string[],
  otherKeys: readonly string[],
): new (
  offer: Offer,
  other: Offer | null,
) => View {
  const all = [...keys, ...otherKeys];
  const lists = all.map(gated);
  class NarrowView implements View {
    lists: (RegExp[] | undefined)[] = [];
    constructor(
      public offer: Offer,
      public other: Offer | null,
    ) {}
  }
  Object.setPrototypeOf(NarrowView.prototype, base.regexes);
  all.forEach((key, i) => {
    const own = i < keys.length;
    Object.defineProperty(NarrowView.prototype, key, {
      get(this: View): RegExp[] {
        const known = this.lists[i];
        if (known !== undefined) return known;
        const offer = own ? this.offer : this.other!;
        const list = lists[i]!;
        const kept: RegExp[] = [];
        for (const g of list) if (offer.allows(g)) kept.push(g.re);
        // With no pattern left, the parser's "replace" would return '' instead of the text
        // untouched: keep one that cannot match, so it behaves as if none had.
        if (kept.length === 0) kept.push(list[list.length - 1]!.re);
        this.lists[i] = kept;
        return kept;
      },
    });
  });
  return NarrowView;
}
// Worked out on the first forward, not at import: reading ~350 patterns costs a few
// milliseconds that a cold start should not pay before it has mail to read.
let foldedContainedWords: string[] = [];
let VIEWS: { BodyView: ReturnType<typeof viewClass>; EmailView: ReturnType<typeof viewClass> } | null = null;
function prepare(): NonNullable<typeof VIEWS> {
  const views = { BodyView: viewClass(BODY_LISTS, []), EmailView: viewClass(EMAIL_LISTS, CLEAN_BODY_LISTS) };
  lineWords.forEach((word, id) => {
    byFirstChar.set(word.charCodeAt(0), [...(byFirstChar.get(word.charCodeAt(0)) ?? []), id]);
    const up = word.toUpperCase();
    foldedLineWords[id] = up;
    if (foldedLineIds.has(id))
      byFirstCharFolded.set(up.charCodeAt(0), [...(byFirstCharFolded.get(up.charCodeAt(0)) ?? []), id]);
  });
  foldedContainedWords = containedWords.map((w) => w.toUpperCase());
  return views;
}

const proto = Object.getPrototypeOf(base) as ParserInternals;
const r = base.regexes as Record<string, RegExp>;

// One parser for every call: the library's, with its two text-reading steps wrapped so that
// each sees the narrowed lists of the text it reads. Calls are synchronous, so sharing is safe.
const fast: ParserInternals = Object.create(base);
// The cleaned body's offer: parseOriginalEmail searches that same text again.
let bodyOffer: Offer | null = null;
fast.parseBody = function (this: ParserInternals, text: string, forwarded: boolean) {
  // The parser's own clean-up (parseBody), so the narrowing sees the text it searches.
  const clean = text
    .replace(r.carriage_return!, '\n')
    .replace(r.byte_order_mark!, '')
    .replace(r.trailing_non_breaking_space!, '')
    .replace(r.non_breaking_space!, ' ');
  VIEWS ??= prepare(); // before any Offer: it sizes their tables
  const views = VIEWS;
  bodyOffer = new Offer(clean, 0);
  this.regexes = new views.BodyView(bodyOffer, null) as unknown as Regexes;
  return proto.parseBody.call(this, text, forwarded);
};
fast.parseOriginalEmail = function (this: ParserInternals, text: string, cleanBody: string) {
  // The parser's own clean-up (parseOriginalEmail).
  const clean = text
    .replace(r.byte_order_mark!, '')
    .replace(r.quote_line_break!, '')
    .replace(r.quote!, '')
    .replace(r.four_spaces!, '');
  VIEWS ??= prepare();
  const views = VIEWS;
  const other = bodyOffer !== null && bodyOffer.text === cleanBody ? bodyOffer : new Offer(cleanBody, 0);
  this.regexes = new views.EmailView(new Offer(clean, 1), other) as unknown as Regexes;
  return proto.parseOriginalEmail.call(this, text, cleanBody);
};
const fastReader = { parser: fast } as unknown as EmailForwardParser;

/** EmailForwardParser.read, trying only the patterns that could match. Same result. */
export function readForward(body: string, subject: string): ReturnType<EmailForwardParser['read']> {
  fast.regexes = base.regexes;
  try {
    return EmailForwardParser.prototype.read.call(fastReader, body, subject);
  } finally {
    fast.regexes = base.regexes;
    bodyOffer = null;
  }
}
