// Figures nobody could have tuned to. The classifier's weights are learned (scripts/train.ts), so
// cross-validation refits them on four fifths of the corpus and scores the fifth they never saw
// (the word model also learns from the development sets, as `npm run train` does).
// Folds are grouped by sender domain: 183 of the corpus's emails come from one job seeker's inbox,
// where one recruiting system (jobvite.com, myworkday.com …) sends the same template many times —
// random folds would put a template on both sides and score memory, not reading.
import { classifyWith } from '../lambdas/core/classify/classify.ts';
import type { ParsedMail } from '../lambdas/core/mail/index.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';
import type { CorpusRecord } from './corpus.ts';
import { SHIPPED } from '../lambdas/core/classify/model.ts';
import { loadWords } from '../lambdas/core/classify/words.ts';
import { DEV_SETS, devRecords, fitModel, fitWords, sampleOf, wordSampleOf } from './train.ts';

const FOLDS = 5;

/** The sender's registered domain ("jobs.lever.co" → "lever.co"): one template family, one group. */
export function templateGroup(r: CorpusRecord): string {
  const domain = (r.from_email ?? '').split('@')[1]?.toLowerCase() ?? '';
  return domain.split('.').slice(-2).join('.') || `no-sender:${r.id}`;
}

/** Records in FOLDS folds, no group split across two; largest groups placed first, each in the smallest fold. */
export function groupedFolds(records: readonly CorpusRecord[]): CorpusRecord[][] {
  const groups = new Map<string, CorpusRecord[]>();
  for (const r of records) groups.set(templateGroup(r), [...(groups.get(templateGroup(r)) ?? []), r]);
  const folds: CorpusRecord[][] = Array.from({ length: FOLDS }, () => []);
  const bySize = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [, members] of bySize) {
    const smallest = folds.reduce((min, f) => (f.length < min.length ? f : min));
    smallest.push(...members);
  }
  return folds;
}

/**
 * Each record read with a model trained without its fold, mail shaped by `toMail` (direct, or a
 * forward style). Extraction learns nothing: its answer is the same as in-sample.
 */
export function crossValidated(
  records: readonly CorpusRecord[],
  toMail: (r: CorpusRecord) => ParsedMail,
  ownAddresses: readonly string[],
) {
  const folds = groupedFolds(records);
  const dev = DEV_SETS.flatMap(devRecords).map(wordSampleOf);
  return folds.flatMap((test, k) => {
    const training = folds.filter((_, i) => i !== k).flat();
    const model = fitModel(training.map(sampleOf));
    const words = loadWords(fitWords([...training.map(wordSampleOf), ...dev]));
    return test.map((record) => {
      const { original, extraction: x } = readRejection(toMail(record), ownAddresses);
      return { record, c: classifyWith(model, original, words), x };
    });
  });
}

/**
 * A development set read with the word model learned from everything else (`npm run train`'s
 * emails without this set); the frames are the shipped ones — they were tuned by reading this set.
 */
export function withoutSet(
  path: string,
  corpus: readonly CorpusRecord[],
  toMail: (r: CorpusRecord) => ParsedMail,
  ownAddresses: readonly string[],
) {
  const others = DEV_SETS.filter((p) => p !== path).flatMap(devRecords);
  const words = loadWords(fitWords([...corpus, ...others].map(wordSampleOf)));
  return devRecords(path).map((record) => {
    const { original, extraction: x } = readRejection(toMail(record), ownAddresses);
    return { record, c: classifyWith(SHIPPED, original, words), x };
  });
}
