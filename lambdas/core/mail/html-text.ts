// Reduces an HTML-only email to plain text for classification. onward never renders mail HTML:
// scripts, styles and images are dropped and the result is only ever shown escaped.
// The input is hostile: one pass from left to right, and no search is ever repeated over the
// same text — an unclosed "<!--", "<script" or "<" (thousands of them) costs no more than one.
import { decodeEntities } from './html-entities.ts';

/** Elements whose content is not text a person reads. */
const HIDDEN = /^(script|style|head|title)\b/i;
/** Closing tags of blocks: the text around them reads as separate paragraphs. */
const BLOCK_END = /^\/(?:p|div|tr|li|h[1-6]|table|blockquote)\s*$/i;
const BREAK = /^br\b/i;
/** A "<" further than this from its ">" is taken as text, not as a tag. */
const MAX_TAG = 10_000;

export function htmlToText(html: string): string {
  const out: string[] = [];
  // Where the next ">" is, and where each hidden element's closing tag ends: searched once, reused.
  let nextGt = -2;
  let commentsClosed = true;
  const closers = new Map<string, { from: number; end: number }>();
  const closerEnd = (name: string, from: number): number => {
    const known = closers.get(name);
    // A closing tag found earlier and still ahead is the next one; none found then, none now.
    if (known && known.from <= from && (known.end < 0 || known.end > from)) return known.end;
    const re = new RegExp(`</${name}\\s*>`, 'gi');
    re.lastIndex = from;
    const m = re.exec(html);
    const end = m ? m.index + m[0].length : -1;
    closers.set(name, { from, end });
    return end;
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      // Once no "-->" follows, none follows any later "<!--" either: not searched for again.
      const end = commentsClosed ? html.indexOf('-->', lt + 4) : -1;
      out.push(' ');
      // A browser hides everything after an unclosed "<!--"; the classifier reads on (only the
      // marker goes), so a stray one cannot hide the sentence that decides. Never searched again.
      i = end < 0 ? lt + 4 : end + 3;
      if (end < 0) commentsClosed = false;
      continue;
    }
    if (nextGt !== -1 && nextGt < lt) nextGt = html.indexOf('>', lt);
    const opening = html.slice(lt + 1, lt + 8);
    const isBreak = BREAK.test(opening);
    if (nextGt < 0 || (nextGt - lt - 1 > MAX_TAG && !isBreak)) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    const hidden = HIDDEN.exec(opening);
    const end = hidden ? closerEnd(hidden[1]!.toLowerCase(), nextGt + 1) : -1;
    if (end >= 0) {
      out.push(' ');
      i = end;
      continue;
    }
    // A hidden element never closed loses only its tag.
    out.push(isBreak ? '\n' : BLOCK_END.test(html.slice(lt + 1, nextGt)) ? '\n\n' : ' ');
    i = nextGt + 1;
  }
  return decodeEntities(out.join(''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
