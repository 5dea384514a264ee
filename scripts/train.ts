// `npm run train`: learns how much each frame counts (lambdas/core/classify/weights.json) from the
// labelled corpus, and the word model (word-weights.json, words.ts) from the corpus and the
// development sets in test/fixtures/dev — never from the held-out sets. Both are logistic
// regressions with an L2 penalty, fitted by plain gradient descent from zero for a fixed number of
// steps: the same emails always give the same weights.
//   npm run train            writes both files and prints the frame weights
//   npm run train -- --check exits 1 when either file is not what the emails give
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readEmail } from '../lambdas/core/classify/classify.ts';
import { FEATURES, featureVector, type Model } from '../lambdas/core/classify/model.ts';
import { bucketsOf, WEIGHT_DIGITS, type WordModel, wordFeatures } from '../lambdas/core/classify/words.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';
import { type CorpusRecord, exitUnlessCorpus, loadCorpus, readRecords } from './corpus.ts';
import { directMail } from './eval.ts';

const WEIGHTS = fileURLToPath(new URL('../lambdas/core/classify/weights.json', import.meta.url));
const WORD_WEIGHTS = fileURLToPath(new URL('../lambdas/core/classify/word-weights.json', import.meta.url));

/** Development sets written for onward (test/fixtures/dev): the word model learns from them too. */
export const DEV_SETS = ['emails-1.jsonl', 'emails-2.jsonl', 'emails-3.jsonl'].map((f) =>
  fileURLToPath(new URL(`../test/fixtures/dev/${f}`, import.meta.url)),
);

/** English, unambiguous records of a development set: what the word model may learn from. */
export function devRecords(path: string): CorpusRecord[] {
  return readRecords(path).filter((r) => !r.ambiguous && ((r as { language?: string }).language ?? 'en') === 'en');
}

export interface Sample {
  x: number[];
  y: 0 | 1;
}

/** The features the classifier computes for a record, read as production reads it. */
export function sampleOf(r: CorpusRecord): Sample {
  const { frames, job } = readEmail(readRejection(directMail(r), []).original);
  return { x: featureVector(frames, job), y: r.label === 'rejection' ? 1 : 0 };
}

/** L2 penalty: keeps a frame seen in a handful of emails from deciding alone. */
const LAMBDA = 0.005;
const STEPS = 4000;
const RATE = 0.5;

export function fitModel(samples: readonly Sample[]): Model {
  const n = FEATURES.length;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let step = 0; step < STEPS; step++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    for (const { x, y } of samples) {
      let z = b;
      for (let i = 0; i < n; i++) z += w[i]! * x[i]!;
      const err = 1 / (1 + Math.exp(-z)) - y;
      gb += err;
      for (let i = 0; i < n; i++) gw[i]! += err * x[i]!;
    }
    b -= (RATE * gb) / samples.length;
    for (let i = 0; i < n; i++) w[i]! -= RATE * (gw[i]! / samples.length + LAMBDA * w[i]!);
  }
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    bias: r3(b),
    weights: Object.fromEntries(FEATURES.map((f, i) => [f, r3(w[i]!)]).filter(([, v]) => v !== 0)),
  };
}

/** 2^12 buckets: fewer collide than the model could use; 2,048 letters of weights. */
const WORD_BITS = 12;
const WORD_STEPS = 300;
const WORD_LAMBDA = 0.001;

export interface WordSample {
  buckets: number[];
  y: 0 | 1;
}

export function wordSampleOf(r: CorpusRecord): WordSample {
  const { reading } = readEmail(readRejection(directMail(r), []).original);
  return { buckets: bucketsOf(wordFeatures(reading.tokens, WORD_BITS)), y: r.label === 'rejection' ? 1 : 0 };
}

/**
 * The word model. Only buckets seen in two emails or more learn a weight (one email's words are
 * its template, not the idea); weights shrink a little each step; stored as seven levels.
 */
export function fitWords(samples: readonly WordSample[]): WordModel {
  const size = 1 << WORD_BITS;
  const seen = new Uint16Array(size);
  for (const s of samples) for (const b of s.buckets) seen[b]!++;
  const rows = samples.map((s) => ({ buckets: s.buckets.filter((b) => seen[b]! >= 2), y: s.y }));
  const w = new Float64Array(size);
  let bias = 0;
  for (let step = 0; step < WORD_STEPS; step++) {
    const g = new Float64Array(size);
    let gb = 0;
    for (const { buckets, y } of rows) {
      let z = bias;
      for (const b of buckets) z += w[b]!;
      const err = 1 / (1 + Math.exp(-z)) - y;
      gb += err;
      for (const b of buckets) g[b]! += err;
    }
    bias -= (RATE * gb) / rows.length;
    for (let b = 0; b < size; b++) w[b] = (w[b]! - (RATE * g[b]!) / rows.length) * (1 - RATE * WORD_LAMBDA);
  }
  // Seven levels a weight (steps of a third of the largest), two weights a letter: on the
  // development sets it reads as the full weights did, in 2 KB of bundle.
  const largest = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const scale = Math.round((largest / 3) * 1e6) / 1e6;
  const level = (v: number) => Math.max(-3, Math.min(3, Math.round(v / scale))) + 3;
  const letters = Array.from({ length: size / 2 }, (_, i) => level(w[2 * i]!) + 7 * level(w[2 * i + 1]!));
  return {
    bits: WORD_BITS,
    bias: Math.round(bias * 1000) / 1000,
    scale,
    weights: letters.map((d) => WEIGHT_DIGITS[d]).join(''),
  };
}

function main() {
  exitUnlessCorpus('npm run train');
  const records = loadCorpus().filter((r) => !r.ambiguous);
  const model = fitModel(records.map(sampleOf));
  const json = `${JSON.stringify(model, null, 2)}\n`;
  const wordRecords = [...records, ...DEV_SETS.flatMap(devRecords)];
  const words = `${JSON.stringify(fitWords(wordRecords.map(wordSampleOf)), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(WEIGHTS, 'utf8') === json && readFileSync(WORD_WEIGHTS, 'utf8') === words;
    console.log(same ? 'the weights are what the emails give' : 'the weights differ: run npm run train');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(WEIGHTS, json);
  writeFileSync(WORD_WEIGHTS, words);
  console.log(`frames: trained on ${records.length} emails → ${WEIGHTS}`);
  console.log(`words: trained on ${wordRecords.length} emails → ${WORD_WEIGHTS}`);
  for (const [f, v] of Object.entries(model.weights).sort((a, b) => b[1]! - a[1]!))
    console.log(`  ${f.padEnd(14)} ${v}`);
  console.log(`  (bias)         ${model.bias}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
