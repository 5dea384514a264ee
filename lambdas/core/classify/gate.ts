// A cheap pre-filter for the classifier's phrase regexes. Running ~80 regexes over every email
// makes V8 try each of them at every position of the text; yet nearly every phrase begins with
// one of a few words ("\b(?:decided|decision|chosen) …"). So each regex is read once, at load,
// for the words a match can begin with (their first three letters), the text is indexed once by
// the first three letters of each word, and a regex runs — sticky — only where one of its words
// starts. The result is exactly that of a global scan: every possible match start is visited in
// order, and a position inside an earlier match is skipped, as `exec` with /g would.

/** A word's key: its first three ASCII word characters, lower-cased, packed into a number. */
function keyOf(word: string): number {
  let k = 0;
  for (let i = 0; i < word.length && i < 3; i++) k |= word.charCodeAt(i) << (7 * i);
  return k;
}

const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const lowerCode = (c: number): number => (c >= 65 && c <= 90 ? c | 0x20 : c);

/** Where each word of the text starts, by key. Words are \w runs, as \b sees them. */
export type WordIndex = Map<number, number[]>;

export function indexWords(text: string): WordIndex {
  const index: WordIndex = new Map();
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let k = 0;
    let len = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) break;
      if (len < 3) k |= lowerCode(c) << (7 * len++);
    }
    const list = index.get(k);
    if (list) list.push(start);
    else index.set(k, [start]);
  }
  return index;
}

// ——— Reading a regex source for the words its matches can begin with. ———

type Atom =
  | { kind: 'char'; c: string }
  | { kind: 'any' } // a class, \w, \d, ., a back-reference: could be anything
  | { kind: 'boundary' } // \b
  | { kind: 'zero' } // ^, $, lookarounds: zero-width, skipped (they only narrow matches)
  | { kind: 'fail' } // \B and the like: give up on this regex
  | { kind: 'group'; branches: Item[][] };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}

class Unreadable extends Error {}

function parse(source: string): Item[][] {
  let i = 0;
  const branches = (): Item[][] => {
    const out: Item[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        out.push([]);
        continue;
      }
      const atom = parseAtom();
      const [min, max] = quantifier();
      out[out.length - 1]!.push({ atom, min, max });
    }
    return out;
  };
  const parseAtom = (): Atom => {
    const c = source[i++]!;
    if (c === '\\') {
      const e = source[i++]!;
      if (e === 'b') return { kind: 'boundary' };
      if (e === 'B') return { kind: 'fail' };
      if (/[wWdDsS1-9kpPu]/.test(e)) return { kind: 'any' };
      if (e === 'n') return { kind: 'char', c: '\n' };
      if (e === 't') return { kind: 'char', c: '\t' };
      if (e === 'r') return { kind: 'char', c: '\r' };
      if (/[A-Za-z0-9]/.test(e)) return { kind: 'any' };
      return { kind: 'char', c: e };
    }
    if (c === '[') {
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      return { kind: 'any' };
    }
    if (c === '(') {
      let zeroWidth = false;
      if (source[i] === '?') {
        const kind = source[i + 1];
        if (kind === ':') i += 2;
        else if (kind === '=' || kind === '!') {
          i += 2;
          zeroWidth = true;
        } else if (kind === '<' && (source[i + 2] === '=' || source[i + 2] === '!')) {
          i += 3;
          zeroWidth = true;
        } else if (kind === '<') i = source.indexOf('>', i) + 1;
        else throw new Unreadable();
      }
      const inner = branches();
      if (source[i++] !== ')') throw new Unreadable();
      return zeroWidth ? { kind: 'zero' } : { kind: 'group', branches: inner };
    }
    if (c === '.') return { kind: 'any' };
    if (c === '^' || c === '$') return { kind: 'zero' };
    return { kind: 'char', c };
  };
  const quantifier = (): [number, number] => {
    let q: [number, number] = [1, 1];
    const c = source[i];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return q;
      q = [Number(m[1]), m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1])];
      i += m[0].length - 1;
    } else return q;
    i++;
    if (source[i] === '?') i++; // lazy: same set of matches
    return q;
  };
  const top = branches();
  if (i !== source.length) throw new Unreadable();
  return top;
}

interface Pos {
  items: Item[];
  at: number;
  next: Pos | null;
}

/**
 * The keys a match of this (case-insensitive) regex can begin with, or null when a match could
 * begin with something other than a word character or the words cannot be told.
 */
function startKeys(source: string): Set<number> | null {
  const keys = new Set<number>();
  let budget = 20000;
  const add = (prefix: string): void => {
    keys.add(keyOf(prefix));
  };
  // Continues the match from `pos` with `prefix` (lower-case word characters) read so far.
  const go = (pos: Pos | null, prefix: string): void => {
    if (--budget < 0) throw new Unreadable();
    if (prefix.length >= 3) {
      add(prefix);
      return;
    }
    // The match may end here, so a longer word could follow: only a full key can tell.
    if (pos === null) throw new Unreadable();
    if (pos.at === pos.items.length) {
      go(pos.next, prefix);
      return;
    }
    const item = pos.items[pos.at]!;
    const after: Pos = { items: pos.items, at: pos.at + 1, next: pos.next };
    if (item.max === 0) {
      go(after, prefix);
      return;
    }
    if (item.min === 0) go(after, prefix);
    const again: Pos =
      item.max > 1
        ? { items: [{ atom: item.atom, min: Math.max(0, item.min - 1), max: item.max - 1 }], at: 0, next: after }
        : after;
    const a = item.atom;
    switch (a.kind) {
      case 'fail':
      case 'any':
        // A word already begun may go on with anything: only a full key can tell.
        throw new Unreadable();
      case 'zero':
        go(again, prefix);
        return;
      case 'boundary':
        // After word characters a boundary ends the word: its key is what was read.
        if (prefix !== '') add(prefix);
        else go(again, prefix);
        return;
      case 'char': {
        const lc = a.c.toLowerCase();
        if (/^[a-z0-9_]$/.test(lc)) go(again, prefix + lc);
        else if (prefix === '') throw new Unreadable();
        else add(prefix); // a non-word character ends the word
        return;
      }
      case 'group':
        for (const branch of a.branches) go({ items: branch, at: 0, next: again }, prefix);
        return;
    }
  };
  try {
    // A match must begin at a word start: the regex must open with \b.
    const top = parse(source);
    for (const branch of top) {
      if (branch[0]?.atom.kind !== 'boundary' || branch[0].min !== 1) throw new Unreadable();
      go({ items: branch, at: 0, next: null }, '');
    }
    return keys;
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}

export interface GatedRegex {
  /** Sticky twin of the regex, run only at candidate positions. */
  sticky: RegExp;
  keys: number[] | null;
}

export function gate(re: RegExp): GatedRegex {
  const keys = re.flags.includes('i') ? startKeys(re.source) : null;
  return { sticky: new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}gy`), keys: keys ? [...keys] : null };
}

/**
 * Every match of `re` (global) in `text`, as `for (m = re.exec(text); m; …)` would find them,
 * empty matches skipped. `gated.keys` null: a plain global scan.
 */
export function matchAll(
  re: RegExp,
  gated: GatedRegex,
  text: string,
  index: WordIndex,
  each: (m: RegExpExecArray) => void,
): void {
  if (gated.keys === null) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      each(m);
    }
    return;
  }
  // Runs the sticky regex at every candidate start, word by word, and then keeps the matches a
  // global scan would find: in order, none starting inside the one before. Matches are rare, so
  // sorting them is cheaper than merging the candidate lists.
  const sticky = gated.sticky;
  let found: RegExpExecArray[] | null = null;
  for (const k of gated.keys) {
    const list = index.get(k);
    if (list === undefined) continue;
    for (const at of list) {
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m !== null) {
        found ??= [];
        found.push(m);
      }
    }
  }
  if (found === null) return;
  if (found.length > 1) found.sort((a, b) => a.index - b.index);
  let from = 0;
  for (const m of found) {
    if (m.index < from) continue;
    if (m[0] === '') {
      from = m.index + 1;
      continue;
    }
    from = m.index + m[0].length;
    each(m);
  }
}
