// A second reader for the emails the frames leave undecided: a logistic model over the email's
// words and word pairs, negation marked ("not" + "progress" → "!progress"), learned from every
// labelled email the repository and the corpus hold (`npm run train`). The frames know what a
// decision looks like; this knows what rejections sound like, so a wording no frame was written
// for ("we're all sorted for this round") still counts. It only ever turns "unsure" into
// "rejection", and only when it is very sure (classify.ts): a doubt it cannot settle stays a doubt.
//
// Words are hashed into 2^bits buckets and each weight stored as one of seven levels, two to a
// letter: the model is 2 KB of bundle whatever the vocabulary.
import type { Token } from './tokens.ts';

export interface WordModel {
  bits: number;
  bias: number;
  /** A stored level (-3…3) times `scale` is the weight. */
  scale: number;
  /** 2^bits levels, two a letter of WEIGHT_DIGITS (the even bucket's is the letter's index mod 7). */
  weights: string;
}

/** A word or word pair of the email, as a bucket, and the token that ends it. */
export interface WordFeature {
  bucket: number;
  at: number;
}

/** Words that put what follows in doubt or deny it, for as many words as NEG_REACH. */
const NEGATORS = new Set(['not', 'no', 'never', 'unabl', 'cannot', 'nor']);
const NEG_REACH = 4;

/** FNV-1a: a stable hash, the same in training and in Lambda. */
function hash(text: string, mask: number): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x & mask;
}

/**
 * Each word (its stem) and each pair of neighbours in a clause, "!" before a word a negation
 * reaches. Numbers are left out: a date or a requisition number says nothing of a decision.
 */
export function wordFeatures(tokens: readonly Token[], bits: number): WordFeature[] {
  const mask = (1 << bits) - 1;
  const out: WordFeature[] = [];
  let negated = 0;
  let previous = '^';
  tokens.forEach((t, at) => {
    if (t.mark) {
      // A hyphen joins ("take-home"); every other mark ends the clause a negation reaches over.
      if (t.stem !== '-') {
        negated = 0;
        previous = '^';
      }
      return;
    }
    if (/^\d+$/.test(t.stem)) return;
    const word = negated > 0 ? `!${t.stem}` : t.stem;
    out.push({ bucket: hash(word, mask), at }, { bucket: hash(`${previous} ${word}`, mask), at });
    previous = word;
    if (NEGATORS.has(t.stem)) negated = NEG_REACH;
    else if (negated > 0) negated--;
  });
  return out;
}

/** The distinct buckets of an email: a word counts once however often it is said. */
export function bucketsOf(features: readonly WordFeature[]): number[] {
  return [...new Set(features.map((f) => f.bucket))].sort((a, b) => a - b);
}

export interface LoadedWords {
  bits: number;
  bias: number;
  weight: (bucket: number) => number;
}

/** The letters weights are written in: 49 of them, one for each pair of levels (-3…3, -3…3). */
export const WEIGHT_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvw';

export function loadWords(m: WordModel): LoadedWords {
  const levels = new Int8Array(m.weights.length * 2);
  for (let i = 0; i < m.weights.length; i++) {
    const d = WEIGHT_DIGITS.indexOf(m.weights[i]!);
    levels[2 * i] = (d % 7) - 3;
    levels[2 * i + 1] = Math.floor(d / 7) - 3;
  }
  return { bits: m.bits, bias: m.bias, weight: (b) => (levels[b] ?? 0) * m.scale };
}

/** The probability, by its words alone, that an email is a rejection. */
export function wordProbability(m: LoadedWords, buckets: readonly number[]): number {
  let z = m.bias;
  for (const b of buckets) z += m.weight(b);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The sentence whose words speak most for a rejection: the evidence shown to the owner. Sentences
 * as [start, end) token ranges; each bucket counted once, in the sentence it first appears. The
 * `courtesies` (thanks, good wishes) are passed over while another sentence is left: every
 * rejection thanks the reader, so thanks are loud in the model and say nothing to the owner.
 */
export function tellingSentence(
  m: LoadedWords,
  features: readonly WordFeature[],
  sentences: readonly { start: number; end: number }[],
  courtesies: ReadonlySet<number>,
): number {
  const score = new Array<number>(sentences.length).fill(0);
  const seen = new Set<number>();
  let s = 0;
  for (const f of features) {
    if (seen.has(f.bucket)) continue;
    seen.add(f.bucket);
    while (s < sentences.length - 1 && f.at >= sentences[s]!.end) s++;
    score[s]! += m.weight(f.bucket);
  }
  const candidates = score.map((_, i) => i).filter((i) => !courtesies.has(i));
  const pool = candidates.length ? candidates : score.map((_, i) => i);
  return pool.reduce((best, i) => (score[i]! > score[best]! ? i : best), pool[0]!);
}
