import { describe, expect, it } from 'vitest';
import { classifyWith } from '../../lambdas/core/classify/classify.ts';
import { classify } from '../../lambdas/core/classify/index.ts';
import { SHIPPED, SHIPPED_WORDS, WORDS } from '../../lambdas/core/classify/model.ts';
import { tokenize } from '../../lambdas/core/classify/tokens.ts';
import {
  bucketsOf,
  type LoadedWords,
  loadWords,
  tellingSentence,
  wordFeatures,
} from '../../lambdas/core/classify/words.ts';
import { DEV_SETS, devRecords, fitWords, wordSampleOf } from '../../scripts/train.ts';
import { CORPUS_FILES, corpusRecords } from '../support/corpus.ts';
import { original } from '../support/fakes.ts';

const mail = (text: string, subject = 'Your application') =>
  original({ from: { name: 'Mara Quist', address: 'mara@harbour-cafe.example' }, subject, text });

/** The shipped word model made to hear every email as a rejection (or none): what the rules allow it. */
const sure = (bias: number): LoadedWords => ({ ...WORDS, bias });

describe('word model: features', () => {
  const bits = 12;
  const buckets = (text: string) => bucketsOf(wordFeatures(tokenize(text), bits));

  it('marks the words a negation reaches: "not progress" does not hold the word "progress"', () => {
    const progress = wordFeatures(tokenize('progress'), bits)[0]!.bucket;
    expect(buckets('we will progress your application')).toContain(progress);
    expect(buckets('we will not progress your application')).not.toContain(progress);
    // The reach ends at a mark: after the comma, "progress" is said plainly again.
    expect(buckets('we will not, progress your application')).toContain(progress);
    // And after four words.
    expect(buckets('not one two three four progress')).toContain(progress);
  });

  it('reads inflections as one word and numbers as none', () => {
    expect(buckets('we moved your application')).toEqual(buckets('we moving your application'));
    expect(buckets('role 48213 closed')).toEqual(buckets('role closed'));
  });

  it('counts a word once however often it is said', () => {
    expect(buckets('sorry sorry sorry')).toEqual(buckets('sorry sorry'));
  });
});

describe('word model: the shipped weights', () => {
  it('decode to signed weights within the scale', () => {
    const m = loadWords(SHIPPED_WORDS);
    const weights = Array.from({ length: 1 << m.bits }, (_, b) => m.weight(b));
    expect(Math.min(...weights)).toBeLessThan(0);
    expect(Math.max(...weights)).toBeGreaterThan(0);
    expect(Math.max(...weights.map(Math.abs))).toBeLessThanOrEqual(3 * SHIPPED_WORDS.scale + 1e-9);
  });

  const found = corpusRecords(CORPUS_FILES);
  it.skipIf(!('records' in found))('are what `npm run train` makes of the corpus and the dev sets', () => {
    if (!('records' in found)) return;
    const records = [...found.records.filter((r) => !r.ambiguous), ...DEV_SETS.flatMap(devRecords)];
    expect(fitWords(records.map(wordSampleOf))).toEqual(SHIPPED_WORDS);
  });
});

describe('word model: where it may speak', () => {
  const undecided = mail(
    "Hi Jo,\n\nThanks for coming in for the trial shift on Saturday. We're all sorted for staff this season.\n\nCheers,\nMara",
    'Re: Barista role',
  );

  it('turns an email the frames leave unsure into a rejection, not surely, quoting its telling sentence', () => {
    expect(classifyWith(SHIPPED, undecided, sure(-20)).verdict).toBe('unsure');
    const c = classifyWith(SHIPPED, undecided, sure(20));
    expect(c).toMatchObject({ verdict: 'rejection', kind: 'rejection', confidence: 0.7 });
    // Thanks are passed over as evidence: every rejection thanks the reader.
    expect(c.reasons[0]).toBe(
      "reads like the rejections onward learned from: “We're all sorted for staff this season”",
    );
  });

  it('hears the shipped model say it of a wording no frame was written for', () => {
    expect(classify(undecided)).toMatchObject({ verdict: 'rejection', confidence: 0.7 });
  });

  it('never overrules another purpose the frames found, nor a language onward does not read', () => {
    const invitation = mail(
      'Hi Jo,\n\nThanks for applying. We would like to invite you to an interview next week. Are you free on Tuesday at 10?\n\nMara',
    );
    expect(classifyWith(SHIPPED, invitation, sure(20)).verdict).toBe('not_rejection');
    const german = mail(
      'Sehr geehrte Frau Berg,\n\nleider müssen wir Ihnen mitteilen, dass wir uns für eine andere Bewerberin entschieden haben.\n\nMit freundlichen Grüßen',
    );
    expect(classifyWith(SHIPPED, german, sure(20))).toMatchObject({ verdict: 'unsure', kind: 'unknown-language' });
  });

  it('leaves alone the doubts the frames hold on purpose: a reserve list, a referral', () => {
    const reserve = mail(
      'Dear Ana,\n\nOn this occasion the post has been offered to another candidate. We would like to place you on our reserve list for six months.\n\nHR',
    );
    const referral = mail(
      'Hi Sam,\n\nThanks again for referring Jamie. The team decided to go with another candidate.\n\nDana',
    );
    for (const m of [reserve, referral]) expect(classifyWith(SHIPPED, m, sure(20)).verdict).toBe('unsure');
  });

  it('leaves a stated decision to the frames', () => {
    const plain = mail('Hi Jo,\n\nUnfortunately we will not be moving forward with your application.\n\nMara');
    expect(classifyWith(SHIPPED, plain, sure(-20))).toMatchObject({ verdict: 'rejection' });
  });
});

describe('word model: the telling sentence', () => {
  it('is the sentence with the most weight, courtesies aside while another is left', () => {
    const tokens = tokenize('thanks a lot. all sorted now');
    const features = wordFeatures(tokens, 12);
    const sentences = [
      { start: 0, end: 3 },
      { start: 4, end: tokens.length },
    ];
    const thanksHeavy: LoadedWords = {
      bits: 12,
      bias: 0,
      weight: (b) => (features.find((f) => f.bucket === b)!.at < 3 ? 1 : 0.1),
    };
    expect(tellingSentence(thanksHeavy, features, sentences, new Set())).toBe(0);
    expect(tellingSentence(thanksHeavy, features, sentences, new Set([0]))).toBe(1);
    expect(tellingSentence(thanksHeavy, features, sentences.slice(0, 1), new Set([0]))).toBe(0);
  });
});

describe('words that are names of object properties', () => {
  it('reads "constructor", "__proto__", "toString" … as words, never throwing', () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'];
    const text = `Hi Sam,\n\nThe ${names.join(' and the ')} roles are closed. We ${names.join(' ')} decided not to move forward.\n\nAlex`;
    expect(() => tokenize(text)).not.toThrow();
    expect(classify(mail(text, `Re: ${names.join(' ')}`)).verdict).toBe('rejection');
  });
});
