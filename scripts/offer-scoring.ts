// How well the reader finds what a rejection offers, against labels that quote each offer
// (`expected.offers`: the development sets and the held-out set have them; the corpus does not).
// An offer counts as found when a sentence onward read as an offer holds it, or most of its
// words: labellers quote a clause, onward keeps the whole sentence.

import type { Offer } from '../lambdas/core/extract/index.ts';

const plain = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
const words = (s: string) =>
  plain(s)
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 2);

export function sameOffer(said: string, labelled: string): boolean {
  const [a, b] = [plain(said), plain(labelled)];
  if (a.includes(b) || b.includes(a)) return true;
  const mine = new Set(words(said));
  const theirs = words(labelled);
  return theirs.length > 0 && theirs.filter((w) => mine.has(w)).length / theirs.length >= 0.6;
}

export interface OfferFigures {
  /** Rejections scored. */
  n: number;
  /** Of the emails onward says offer something, the share that do; and of those that do, the share it finds. */
  emailPrecision: number;
  emailRecall: number;
  /** Labelled offers found, and onward's offer sentences that are labelled offers. */
  offerRecall: number;
  offerPrecision: number;
}

export function offerFigures(rows: readonly { labelled: readonly string[]; found: readonly Offer[] }[]): OfferFigures {
  let [tp, fp, fn, found, labelled, right, said] = [0, 0, 0, 0, 0, 0, 0];
  for (const { labelled: want, found: got } of rows) {
    if (want.length && got.length) tp++;
    else if (got.length) fp++;
    else if (want.length) fn++;
    labelled += want.length;
    found += want.filter((w) => got.some((g) => sameOffer(g.said, w))).length;
    said += got.length;
    right += got.filter((g) => want.some((w) => sameOffer(g.said, w))).length;
  }
  const share = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    n: rows.length,
    emailPrecision: share(tp, tp + fp),
    emailRecall: share(tp, tp + fn),
    offerRecall: share(found, labelled),
    offerPrecision: share(right, said),
  };
}
