// Named and numeric character references, for text taken out of HTML mail: one table serves
// core/html-text.ts (HTML-only mail) and postal-mime (an HTML part it turns into text), whose own
// table lib/bundle-function.ts swaps for this one. HTML5 names 2,231 references (34 KB); mail
// writes Latin letters, Greek, punctuation, currency, fractions, arrows and a few symbols. Those
// are kept (&auml; &rsquo; &nbsp; &euro; &trade; &frac13; &rarr; &le; &check;) and numeric
// references always decode; a rarer name (&Rarrtl;, &Bopf;) stays as written.
import { LEGACY, NAMES, TEXTS } from './html-entities-data.ts';

/** − ≈ ≠ ≤ ≥ ★ ☆ ✓ ✔ ✗, and of the letterlike and arrow blocks only what prose uses: ™ № ℅ ← ↑ → ↓ ↔ ⇐ ⇒ ⇔ */
const PROSE_SYMBOLS = new Set([
  0x2212, 0x2248, 0x2260, 0x2264, 0x2265, 0x2605, 0x2606, 0x2713, 0x2714, 0x2717, 0x2122, 0x2116, 0x2105, 0x2190,
  0x2191, 0x2192, 0x2193, 0x2194, 0x21d0, 0x21d2, 0x21d4,
]);

export function keepsEntity(value: string): boolean {
  if ([...value].length !== 1) return false;
  const c = value.codePointAt(0)!;
  return (
    c < 0x250 || // Basic Latin, Latin-1, Latin Extended-A and -B
    (c >= 0x370 && c < 0x400) || // Greek
    (c >= 0x2000 && c < 0x2100) || // punctuation, super- and subscripts, currency
    (c >= 0x2150 && c < 0x2190) || // number forms (⅓)
    PROSE_SYMBOLS.has(c)
  );
}

/**
 * HTML5's long MathML spellings of the same characters ("CloseCurlyQuote" for &rsquo;,
 * "DoubleRightArrow" for &rArr;): mail writes the short names.
 */
const MATHML_ALIAS = /^[A-Z][a-z]+[A-Z]/;

/** What keepsEntity keeps of a table in postal-mime's shape ("&name;" and legacy "&name" keys). */
export function keptEntities(table: Readonly<Record<string, string>>): {
  named: Record<string, string>;
  legacy: string[];
} {
  const named: Record<string, string> = {};
  const legacy: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (!keepsEntity(value) || MATHML_ALIAS.test(key.slice(1))) continue;
    if (key.endsWith(';')) named[key.slice(1, -1)] = value;
    else legacy.push(key.slice(1));
  }
  return { named, legacy };
}

let table: Record<string, string> | undefined;

/**
 * The table: "&name;" for every name, "&name" for the legacy ones. Built on first use: only HTML
 * mail decodes references (html-text.ts, which the bundle also gives postal-mime for an HTML part
 * it turns into text), and building it cost every cold start of every function that reads mail,
 * mostly for mail that has a text part.
 */
export function htmlEntities(): Readonly<Record<string, string>> {
  if (table) return table;
  table = {};
  const texts = [...TEXTS];
  for (const [i, name] of NAMES.split(' ').entries()) table[`&${name};`] = texts[i]!;
  for (const name of LEGACY.split(' ')) table[`&${name}`] = table[`&${name};`]!;
  return table;
}

/** Decodes references as postal-mime does: known names, and numbers (NUL or an invalid one → U+FFFD). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[a-f0-9]+|[a-z]+\d*);?/gi, (match: string, entity: string) => {
    const named = htmlEntities()[match];
    if (named !== undefined) return named;
    if (entity[0] !== '#' || !match.endsWith(';')) return match;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
  });
}
