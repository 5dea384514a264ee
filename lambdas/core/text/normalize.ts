// Mail text arrives in many shapes: HTML reduced to text (with &nbsp; left over), quoted with
// "> " by a forwarding client, hard-wrapped at 72 columns, with curly apostrophes. Classifying and
// extracting read one normalised form so the same email gives the same answer however it came.

export interface NormalText {
  /** Normalised lines, trimmed, quote markers removed; blank lines kept as ''. */
  lines: string[];
  /** The body as one string for phrase matching: wrapped lines joined, paragraphs kept as '\n'. */
  flat: string;
}

const QUOTE_MARK = /^(?:>\s?)+/;
/** A run of spaces and tabs other than one space: two or more, or any with a tab in front. */
const SPACE_RUN = / [ \t]+|\t[ \t]*/g;

/** Spaces, invisible characters, curly quotes and the en dash, as the plain character they stand for. */
const STAND_IN: Record<string, string> = {
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
};
const PLAIN_STAND_INS = new RegExp(`[${Object.keys(STAND_IN).join('')}]`, 'g');

// classify and extract normalise the same body one after the other: the last answer is kept.
// Callers only read it.
let last: { raw: string; out: NormalText } | null = null;

export function normalizeText(raw: string): NormalText {
  if (last !== null && last.raw === raw) return last.out;
  const out = normalize(raw);
  last = { raw, out };
  return out;
}

function normalize(raw: string): NormalText {
  let text = raw.replace(/\r\n?/g, '\n');
  if (text.includes('&')) text = text.replace(/&nbsp;/gi, ' ').replace(/&amp;/gi, '&');
  // One pass for the single characters that stand for a plain one (each maps to one that no
  // other rule touches, so the order they are replaced in does not matter).
  text = text.replace(PLAIN_STAND_INS, (c) => STAND_IN[c]!);
  // An em dash separates clauses ("Hudl—we know"); keep the words apart.
  if (text.includes('\u2014')) text = text.replace(/\s*\u2014\s*/g, ' - ');
  // A forward quoted with "> " on most lines: drop the markers so signatures and patterns match.
  if (text.includes('>') && mostlyQuoted(text)) {
    const lines = text.split('\n').map((l) =>
      l
        .trimStart()
        .replace(QUOTE_MARK, '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    );
    return { lines, flat: flatten(lines) };
  }
  // Runs of spaces and tabs never span a line break: collapsing them in the whole text at once
  // is the same as line by line, and far cheaper than one replace per line. A lone space is
  // already what a run becomes: only longer runs and tabs are replaced, not every space.
  const lines = text.replace(SPACE_RUN, ' ').split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.trim();
  return { lines, flat: flatten(lines) };
}

function mostlyQuoted(text: string): boolean {
  let filled = 0;
  let quoted = 0;
  for (const line of text.split('\n')) {
    const start = line.trimStart();
    if (start === '') continue;
    filled++;
    if (start.charCodeAt(0) === 62) quoted++; // '>'
  }
  return quoted / filled > 0.6;
}

/** Joins wrapped lines with spaces; a blank line (paragraph end) becomes a newline. */
function flatten(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n');
}

/** Quoted evidence for a person: the matched words, cut to a readable length. */
export function quote(s: string, max = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return `“${one.length > max ? `${one.slice(0, max - 1)}…` : one}”`;
}
