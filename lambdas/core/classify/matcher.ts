// Finds the lexicon's ideas in a text's tokens: every phrase of every idea, compiled once into a
// tree of stems, so one walk from each token finds all the phrases that start there.
import { type Idea, LEXICON } from './lexicon.ts';
import { stem, type Token } from './tokens.ts';

export interface Tag {
  idea: Idea;
  /** Token indices: the phrase is tokens[start] … tokens[end - 1]. */
  start: number;
  end: number;
}

interface Node {
  next: Map<string, Node>;
  /** `*` in a phrase: any one word ("your * application" is "your Data Analyst application"). */
  any: Node | null;
  ideas: Idea[];
}

/** Spells out one phrase's {a|b} alternatives and [optional|words]. */
function expand(phrase: string): string[] {
  const m = /\{([^}]*)\}|\[([^\]]*)\]/.exec(phrase);
  if (!m) return [phrase.replace(/\s+/g, ' ').trim()];
  const before = phrase.slice(0, m.index);
  const after = phrase.slice(m.index + m[0].length);
  const options = m[1] !== undefined ? m[1].split('|') : [...m[2]!.split('|'), ''];
  return options.flatMap((o) => expand(`${before}${o}${after}`));
}

const node = (): Node => ({ next: new Map(), any: null, ideas: [] });

function compile(): Node {
  const root = node();
  for (const [idea, phrases] of Object.entries(LEXICON) as [Idea, readonly string[]][]) {
    for (const phrase of phrases.flatMap(expand)) {
      let at = root;
      for (const word of phrase.split(' ')) {
        if (word === '*') {
          at.any ??= node();
          at = at.any;
          continue;
        }
        // Lexicon words are single lower-case words (hyphens and accents inside): their stem is
        // what tokenize gives the same word in mail.
        const key = stem(word);
        let next = at.next.get(key);
        if (!next) {
          next = node();
          at.next.set(key, next);
        }
        at = next;
      }
      if (at !== root && !at.ideas.includes(idea)) at.ideas.push(idea);
    }
  }
  return root;
}

// Compiled on the first email read, not at import: the tree costs a cold process a few
// milliseconds that no other Lambda request (a page, a reply) should pay.
let ROOT: Node | null = null;

/** Every phrase of every idea in the tokens, by start then length. */
export function findIdeas(tokens: readonly Token[]): Tag[] {
  ROOT ??= compile();
  const root = ROOT;
  const tags: Tag[] = [];
  for (let start = 0; start < tokens.length; start++) walk(tokens, root, start, start, tags);
  return tags;
}

function walk(tokens: readonly Token[], at: Node, start: number, i: number, tags: Tag[]): void {
  const t = tokens[i];
  if (!t) return;
  const next = at.next.get(t.stem);
  if (next) {
    for (const idea of next.ideas) tags.push({ idea, start, end: i + 1 });
    walk(tokens, next, start, i + 1, tags);
  }
  // A wildcard stands for one word, never a mark: "your * application" stays in its clause.
  if (at.any && !t.mark) {
    for (const idea of at.any.ideas) tags.push({ idea, start, end: i + 1 });
    walk(tokens, at.any, start, i + 1, tags);
  }
}
