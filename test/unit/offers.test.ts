// What a rejection offers for the future: each kind read from its own words, refusals and
// look-backs read as no offer, and floors on the development sets, whose labels quote each offer.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../lambdas/core/extract/index.ts';
import { readRejection } from '../../lambdas/core/reading/index.ts';
import { attachedParsed, directMail, forwardedParsed } from '../../scripts/eval.ts';
import { offerFigures, sameOffer } from '../../scripts/offer-scoring.ts';
import { readRecords } from '../support/corpus.ts';
import { original } from '../support/fakes.ts';

const offersIn = (text: string) =>
  extract(original({ from: { name: 'Dana Reyes', address: 'dana@acme.example' }, text })).offers ?? [];

describe('offers: each kind from its own words', () => {
  it.each([
    ['feedback', "I'm happy to share more detailed feedback by email if useful."],
    ['feedback', 'If you would like written feedback on the case, reply to this email within two weeks.'],
    [
      'other-opening',
      'We would very much like to consider you for the Assistant Front Office Manager opening we expect in spring.',
    ],
    [
      'other-opening',
      "I've got two new management accountant roles coming in next week and I'd like to put you forward for both.",
    ],
    ['role-reopens', "If the role is re-opened we'll contact you first."],
    ['talent-pool', 'We will keep your CV on file for six months.'],
    ['talent-pool', "We've added your profile to our Talent Community."],
    ['future-role', "I'll keep you in mind for planning roles that come through."],
    ['future-role', 'We will reach out if a content-focused role opens.'],
    ['apply-again', 'You are welcome to reapply in the next recruitment cycle.'],
    ['apply-again', 'We encourage you to explore other opportunities on our career site.'],
    ['stay-in-touch', "I'd really like to stay in touch."],
    ['talk', 'Happy to talk it through whenever suits you.'],
  ])('%s: “%s”', (kind, sentence) => {
    const found = offersIn(`Hi Sam,\n\nWe will not be moving forward. ${sentence}\n\nBest,\nDana`);
    expect(found.map((o) => o.kind)).toEqual([kind]);
    expect(found[0]!.said).toBe(sentence);
  });

  it('names another opening by the title the email gives it, and only then', () => {
    const [named] = offersIn('We would like to consider you for the Assistant Front Office Manager opening in spring.');
    expect(named?.opening).toBe('Assistant Front Office Manager');
    const [unnamed] = offersIn("I'd like to put you forward for a role at a partner firm.");
    expect(unnamed).toMatchObject({ kind: 'other-opening', opening: null });
  });
});

describe('offers: no offer where the email makes none', () => {
  it.each([
    'Due to the volume of applications we are unable to provide individual feedback.',
    'We are not able to keep your details on file.',
    'Thank you for the time you spent exploring opportunities with us.',
    'I wanted to let you know that the vacancy has been withdrawn.',
    'Please check the status of other positions you applied for in the portal.',
    'If you have any questions, feel free to reach out.',
    'The feedback from the panel was that your portfolio was strong.',
  ])('“%s”', (sentence) => {
    expect(offersIn(`Hi Sam,\n\nUnfortunately we will not be moving forward. ${sentence}\n\nBest,\nDana`)).toEqual([]);
  });
});

// The development sets' labels quote every offer. Floors, not targets: these are the sets the
// phrases were written against (`npm run eval` prints them beside the held-out set's).
describe.each(['emails-1.jsonl', 'emails-2.jsonl'])('offers: development set %s', (file) => {
  const rejections = readRecords(fileURLToPath(new URL(`../fixtures/dev/${file}`, import.meta.url))).filter(
    (r) => r.label === 'rejection' && !r.ambiguous,
  );
  const ways = [
    ['sent directly', directMail],
    ['forwarded inline', (r: (typeof rejections)[number]) => forwardedParsed(r)],
    ['forwarded as an attachment', attachedParsed],
  ] as const;

  it.each(ways)('finds what is offered, %s', (_way, toMail) => {
    const f = offerFigures(
      rejections.map((r) => ({
        labelled: r.expected.offers ?? [],
        found: readRejection(toMail(r), ['owner@example.com']).extraction.offers ?? [],
      })),
    );
    expect(f.n).toBeGreaterThan(120);
    expect(f.emailPrecision).toBeGreaterThanOrEqual(0.95);
    expect(f.emailRecall).toBeGreaterThanOrEqual(0.85);
    expect(f.offerPrecision).toBeGreaterThanOrEqual(0.95);
    expect(f.offerRecall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('offers: scoring', () => {
  it('matches a labelled clause inside onward’s sentence, and most of its words, nothing less', () => {
    expect(sameOffer('Thanks! We will keep your CV on file for six months.', 'We will keep your CV on file')).toBe(
      true,
    );
    expect(
      sameOffer('We keep CVs on file for six months, always.', 'We will keep your CV on file for six months'),
    ).toBe(true);
    expect(sameOffer('Feel free to apply again.', 'We will keep your CV on file')).toBe(false);
  });
});
