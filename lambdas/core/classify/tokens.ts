// The words of an email as the reader compares them: lower-cased, contractions spelled out
// ("won't" → will not), and each reduced to a light stem so that "moving", "moved" and "move"
// are one word to the lexicon. Each token keeps where it came from, so the sentence that decided
// can be quoted exactly as written.

export interface Token {
  /** The stem: lower case, inflection stripped ("progressing" → "progress"). */
  stem: string;
  /** The word as written, lower-cased: tense is read from it ("selected" is done, "select" is not). */
  word: string;
  /** Where the word or mark starts and ends in the text. */
  at: number;
  end: number;
  /** Punctuation and line breaks are tokens too: they end clauses and sentences. */
  mark: boolean;
  /** Written with a capital letter: a name, or the start of a sentence. */
  capital: boolean;
}

// Words, numbers, and the marks that bound clauses and sentences. A word may carry an apostrophe
// or a hyphen inside ("won't", "o'brien", "take-home"); a dash between spaces is a mark. The
// pieces are those of /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|\n|[.!?;:,()\u2026-]/gu, and quotation
// marks as opening “ or closing ” (quoteAt), found by hand in tokenize: the pattern, a match
// object per piece, cost a third of the tokeniser's time.

/** Spelled-out contractions: the reader negates "won't" as it negates "will not". */
const CONTRACTED: Record<string, string[]> = {
  "won't": ['will', 'not'],
  "can't": ['can', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  "it's": ['it', 'is'],
  "that's": ['that', 'is'],
  "there's": ['there', 'is'],
  "here's": ['here', 'is'],
  "what's": ['what', 'is'],
  "who's": ['who', 'is'],
  "let's": ['let', 'us'],
};
const SUFFIXES: [string, string][] = [
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'d", 'would'],
  ["'m", 'am'],
  // A possessive is kept as a mark of its own: "Jamie's application" is not yours.
  ["'s", "'s"],
];

/** Irregular forms the suffix rules cannot reach, as the stem of their base form. */
// Values are stems as stem() gives them for the base form ("made" → "mak", as "make" → "mak").
const IRREGULAR: Record<string, string> = {
  // "here" is not "her": a third person found in "we'll stop the process here" made the
  // decision someone else's.
  here: 'here',
  chosen: 'choos',
  chose: 'choos',
  went: 'go',
  gone: 'go',
  going: 'go',
  goes: 'go',
  been: 'be',
  being: 'be',
  is: 'be',
  are: 'be',
  was: 'be',
  were: 'be',
  am: 'be',
  have: 'have',
  has: 'have',
  had: 'have',
  having: 'have',
  did: 'do',
  done: 'do',
  does: 'do',
  made: 'mak',
  taken: 'tak',
  took: 'tak',
  given: 'giv',
  gave: 'giv',
  felt: 'feel',
  found: 'find',
  held: 'hold',
  spoke: 'speak',
  spoken: 'speak',
  met: 'meet',
  sent: 'send',
  thought: 'think',
  decided: 'decid',
  deciding: 'decid',
  decide: 'decid',
  decides: 'decid',
  unfortunately: 'unfortunate',
  // Words whose stem would be a function word the frames read ("note" is not "not").
  note: 'note',
  notes: 'note',
  noted: 'note',
  noting: 'note',
  none: 'none',
  bee: 'bee',
  candidacy: 'candidacy',
  others: 'others',
  us: 'us',
  this: 'this',
  his: 'his',
  its: 'its',
  yes: 'yes',
  news: 'news',
  process: 'process',
  progress: 'progress',
  access: 'access',
  business: 'business',
  success: 'success',
  unsuccessful: 'unsuccessful',
  successful: 'successful',
  less: 'less',
  unless: 'unless',
  pass: 'pass',
  class: 'class',
  address: 'address',
  analysis: 'analysis',
  basis: 'basis',
  always: 'always',
  perhaps: 'perhaps',
  sometimes: 'sometimes',
};

const VOWELS = new Set('aeiouy');
const KEPT_DOUBLES = new Set(['l', 's', 'f', 'z']);

/** A light stemmer: enough that a verb's and a noun's inflections meet, never clever. */
export function stem(word: string): string {
  const irregular = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word] : undefined;
  if (irregular !== undefined) return irregular;
  const n = word.length;
  if (n <= 3) return word;
  let w = word;
  if (n > 4 && (w.endsWith('ies') || w.endsWith('ied'))) return `${w.slice(0, -3)}y`;
  if (n > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  // "-eed" is the word's own ending: "proceed", "succeed", "exceed" keep it.
  else if (n > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (n > 4 && w.endsWith('es') && sibilantBefore(w, n - 2)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // "moving"/"moved" → "mov", as "move" → "mov"; a doubled final consonant is one ("planned" → "plan").
  const last = w[w.length - 1]!;
  if (w.length > 3 && last === w[w.length - 2] && !VOWELS.has(last) && !KEPT_DOUBLES.has(last)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** "boxes", "matches", "wishes", "passes": the -es belongs to the ending, not the word. */
function sibilantBefore(w: string, at: number): boolean {
  const a = w[at - 1];
  const b = w[at - 2];
  return a === 'x' || a === 'z' || (a === 's' && b === 's') || (a === 'h' && (b === 's' || b === 'c'));
}

/**
 * Stems of words already seen. Mail repeats its words ("the", "your", "application") within and
 * across emails; a word's stem never changes, so each is worked out once. Bounded, so hostile
 * mail full of distinct words cannot grow it without end.
 */
const STEMS = new Map<string, string>();
const MAX_STEMS = 20_000;

function stemOf(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    s = stem(word);
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(word, s);
  }
  return s;
}

const FLAT = /^/;

/** Whether the code point is a letter or a digit (\p{L} or \p{N}), remembered per code point. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const WORDLY = new Map<number, boolean>();
function wordly(cp: number): boolean {
  let w = WORDLY.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    WORDLY.set(cp, w);
  }
  return w;
}

/**
 * The length (1 or 2 code units) of the letter or digit at `i`, or 0 when there is none: what
 * `[\p{L}\p{N}]` matches there under the u flag (a lone surrogate is no letter).
 */
function wordAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return wordly((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) ? 2 : 0;
    return 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  return wordly(c) ? 1 : 0;
}

/** Quotation marks, straight or curly, double or single: « » " “ ” ' ‘ ’ */
const isQuoteCode = (c: number): boolean =>
  c === 34 || c === 39 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201d && c !== 0x201a && c !== 0x201b);

/**
 * A quotation mark as an opening “ or a closing ” — told apart by what is beside it, since a
 * straight one looks the same both ways — or null for an apostrophe that quotes nothing. What
 * someone is quoted as saying is not what the email says (frames.ts).
 */
function quoteAt(text: string, i: number): '“' | '”' | null {
  const c = text.charCodeAt(i);
  if (c === 0xab || c === 0x201c) return '“';
  if (c === 0xbb || c === 0x201d) return '”';
  const before = i > 0 ? text.charCodeAt(i - 1) : 32;
  const opens = before === 32 || before === 10 || before === 9 || before === 40 || before === 91 || before === 45;
  if (c === 34) return opens ? '“' : '”';
  // A single one opens before a word and closes after one ("a 'no thanks' email"); a plural
  // possessive ("candidates' time") closes nothing it opened and is harmless.
  const after = i + 1 < text.length && wordAt(text, i + 1) > 0;
  if (opens) return after ? '“' : null;
  return after ? null : '”';
}

/** Code units of the marks PIECE matches alone: \n . ! ? ; : , ( ) … - */
const isMarkCode = (c: number): boolean =>
  c === 10 ||
  c === 46 ||
  c === 33 ||
  c === 63 ||
  c === 59 ||
  c === 58 ||
  c === 44 ||
  c === 40 ||
  c === 41 ||
  c === 0x2026 ||
  c === 45;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Lower-cased once for the whole text when a word needs more than ASCII ("İ", a final "Σ",
  // whose lower case depends on what surrounds it); where that changes its length, word by word.
  // A word of ASCII letters and digits lower-cases on its own to the same.
  let lowered: string | null = null;
  let same = true;
  // A regular expression search flattens a text built by concatenation, once: reading a
  // concatenation code unit by code unit walks its parts on every read.
  FLAT.test(text);
  // The pieces PIECE finds, read code unit by code unit: a run of letters and digits, with an
  // apostrophe or a hyphen inside, or one mark; anything else is stepped over (a code point at a
  // time, as the u flag steps).
  const n = text.length;
  let i = 0;
  while (i < n) {
    let len = wordAt(text, i);
    if (len === 0) {
      const c = text.charCodeAt(i);
      const quote = isQuoteCode(c) ? quoteAt(text, i) : null;
      if (quote !== null || isMarkCode(c)) {
        const raw = text[i]!;
        const mark = quote ?? (raw === '\u2026' ? '.' : raw);
        tokens.push({ stem: mark, word: mark, at: i, end: i + 1, mark: true, capital: false });
        i++;
      } else {
        const d = text.charCodeAt(i + 1);
        i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
      }
      continue;
    }
    const at = i;
    let end = i + len;
    for (;;) {
      len = end < n ? wordAt(text, end) : 0;
      if (len > 0) {
        end += len;
        continue;
      }
      const c = text.charCodeAt(end);
      len = (c === 39 || c === 45) && end + 1 < n ? wordAt(text, end + 1) : 0;
      if (len === 0) break;
      end += 1 + len;
    }
    i = end;
    const raw = text.slice(at, end);
    let upper = false;
    let ascii = true;
    for (let k = at; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 128) {
        ascii = false;
        break;
      }
      if (c >= 65 && c <= 90) upper = true;
    }
    let lower: string;
    if (ascii) lower = upper ? raw.toLowerCase() : raw;
    else {
      if (lowered === null) {
        lowered = text.toLowerCase();
        same = lowered.length === text.length;
      }
      lower = same ? lowered.slice(at, end) : raw.toLowerCase();
    }
    const capital = lower !== raw;
    // Every contraction has an apostrophe. Own keys only: "constructor" is a word of mail too.
    const whole = lower.includes("'") && Object.hasOwn(CONTRACTED, lower) ? CONTRACTED[lower] : undefined;
    if (whole) {
      for (const w of whole) tokens.push({ stem: stemOf(w), word: w, at, end, mark: false, capital });
      continue;
    }
    const suffix = lower.includes("'")
      ? SUFFIXES.find(([s]) => lower.endsWith(s) && lower.length > s.length)
      : undefined;
    if (suffix) {
      const base = lower.slice(0, -suffix[0].length);
      // "won't" is handled above; "don't", "isn't", "couldn't": the base is what remains.
      tokens.push({ stem: stemOf(base), word: base, at, end, mark: false, capital });
      if (suffix[1]) tokens.push({ stem: stemOf(suffix[1]), word: suffix[1], at, end, mark: false, capital: false });
      continue;
    }
    tokens.push({ stem: stemOf(lower), word: lower, at, end, mark: false, capital });
  }
  return tokens;
}
