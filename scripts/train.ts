// `npm run train`: learns how much each frame counts (lambdas/core/classify/weights.json) from the
// labelled corpus. Logistic regression with an L2 penalty, fitted by plain gradient descent from
// zero for a fixed number of steps: the same corpus always gives the same weights.
//   npm run train            writes weights.json and prints the weights
//   npm run train -- --check exits 1 when weights.json is not what the corpus gives
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readEmail } from '../lambdas/core/classify/classify.ts';
import { FEATURES, featureVector, type Model } from '../lambdas/core/classify/model.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';
import { type CorpusRecord, exitUnlessCorpus, loadCorpus } from './corpus.ts';
import { directMail } from './eval.ts';

const WEIGHTS = fileURLToPath(new URL('../lambdas/core/classify/weights.json', import.meta.url));

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

function main() {
  exitUnlessCorpus('npm run train');
  const records = loadCorpus().filter((r) => !r.ambiguous);
  const model = fitModel(records.map(sampleOf));
  const json = `${JSON.stringify(model, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(WEIGHTS, 'utf8') === json;
    console.log(same ? 'weights.json is what the corpus gives' : 'weights.json differs: run npm run train');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(WEIGHTS, json);
  console.log(`trained on ${records.length} emails → ${WEIGHTS}`);
  for (const [f, v] of Object.entries(model.weights).sort((a, b) => b[1]! - a[1]!))
    console.log(`  ${f.padEnd(14)} ${v}`);
  console.log(`  (bias)         ${model.bias}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
