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
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2013/g, '-')
    // An em dash separates clauses ("Hudl—we know"); keep the words apart.
    .replace(/\s*\u2014\s*/g, ' - ');
  let lines = text.split('\n');
  // A forward quoted with "> " on most lines: drop the markers so signatures and patterns match.
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const quoted = nonEmpty.filter((l) => QUOTE_MARK.test(l.trimStart()));
  if (nonEmpty.length > 0 && quoted.length / nonEmpty.length > 0.6) {
    lines = lines.map((l) => l.trimStart().replace(QUOTE_MARK, ''));
  }
  lines = lines.map((l) => l.replace(/[ \t]+/g, ' ').trim());
  return { lines, flat: flatten(lines) };
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
