// How much each frame counts: a logistic model over which frames an email holds, its weights
// learned from labelled mail by `npm run train` (scripts/train.ts) and shipped as weights.json.
// The frames say what an email states; the weights say how the statements add up when an email
// says more than one thing ("we received your application … we will not be moving forward").
import { DECISIONS, type Frame, PURPOSES, SOFT } from './frames.ts';
import WORD_WEIGHTS from './word-weights.json' with { type: 'json' };
import WEIGHTS from './weights.json' with { type: 'json' };
import { type LoadedWords, loadWords, type WordModel } from './words.ts';

type Feature = Frame | 'job' | 'decision' | 'purpose' | 'soft';

/**
 * The model's inputs, in a fixed order: one per frame; whether any decision, any other purpose
 * and any soft word was found (so a frame seen in few emails still counts through its group);
 * and whether the email is about a job at all.
 */
export const FEATURES: readonly Feature[] = [...DECISIONS, ...PURPOSES, ...SOFT, 'decision', 'purpose', 'soft', 'job'];

export interface Model {
  bias: number;
  weights: Partial<Record<Feature, number>>;
}

const GROUPS: Record<'decision' | 'purpose' | 'soft', readonly Frame[]> = {
  decision: DECISIONS,
  purpose: PURPOSES,
  soft: SOFT,
};

export const SHIPPED: Model = WEIGHTS as Model;
export const SHIPPED_WORDS: WordModel = WORD_WEIGHTS;
/** Decoded once per container: 4,096 bytes. */
export const WORDS: LoadedWords = loadWords(SHIPPED_WORDS);

/** 1 for each frame the email holds (once or more), else 0; in FEATURES order. */
export function featureVector(frames: ReadonlySet<Frame>, job: boolean): number[] {
  const any = (group: readonly Frame[]) => (group.some((g) => frames.has(g)) ? 1 : 0);
  const groups = { decision: any(GROUPS.decision), purpose: any(GROUPS.purpose), soft: any(GROUPS.soft) };
  return FEATURES.map((f) =>
    f === 'job' ? (job ? 1 : 0) : f in groups ? groups[f as keyof typeof groups] : frames.has(f as Frame) ? 1 : 0,
  );
}

/** The probability that an email with these features is a rejection. */
export function rejectionProbability(model: Model, x: readonly number[]): number {
  let z = model.bias;
  FEATURES.forEach((f, i) => {
    z += (model.weights[f] ?? 0) * x[i]!;
  });
  return 1 / (1 + Math.exp(-z));
}
