// The letter as a person would send it: greeted as the sender signed, worded for what happened,
// answering what the recruiter offered and nothing else, every fact from the email or the owner,
// and no two letters alike. Each rule on emails of each kind, sent directly, forwarded inline and
// attached; the facts and the variety over every rejection of the corpus and the fixtures.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMime } from '../../lambdas/adapters/mime.ts';
import { DETAIL_PLACEHOLDER, draftLetter } from '../../lambdas/core/letter/index.ts';
import type { Voice } from '../../lambdas/core/letter/draft.ts';
import { readRejection } from '../../lambdas/core/reading/index.ts';
import { attachedParsed, directMail, forwardedParsed } from '../../scripts/eval.ts';
import { type CorpusRecord, describeOnEmails, FIXTURE_EMAILS, readRecords } from '../support/corpus.ts';

const OWN = ['owner@example.com'];
const ways = [
  ['sent directly', directMail],
  ['forwarded inline', (r: CorpusRecord) => forwardedParsed(r)],
  ['forwarded as an attachment', attachedParsed],
] as const;

function record(from: [string | null, string], subject: string, body: string): CorpusRecord {
  return {
    id: `t-${subject}`,
    label: 'rejection',
    category: 'test',
    from_name: from[0],
    from_email: from[1],
    subject,
    body,
    ambiguous: false,
    expected: { company: null, role: null, sender_name: null, sender_email: null },
  };
}

function letterFor(
  r: CorpusRecord,
  way: (r: CorpusRecord) => ReturnType<typeof directMail> = directMail,
  voice?: Partial<Voice>,
) {
  const { original, classification, extraction } = readRejection(way(r), OWN);
  return draftLetter({ ownerName: 'Sam Rivera', voice, seed: r.id, original, extraction, kind: classification.kind });
}

const body = (r: CorpusRecord, voice?: Partial<Voice>) => letterFor(r, directMail, voice).body;

describe.each(ways)('the greeting, %s', (_way, way) => {
  const greet = (r: CorpusRecord, voice?: Partial<Voice>) => letterFor(r, way, voice).body.split('\n')[0];
  const daniel = record(
    ['Daniel Okafor', 'daniel.okafor@brightpath.example'],
    'Your application',
    'Hi Sam,\n\nThank you for interviewing with us last week. We have decided to move forward with another candidate.\n\nWarmly,\nDaniel',
  );
  const sandra = record(
    ['Sandra Ing', 'sandra.ing@grainwood.example'],
    'Your application for Administrative Assistant',
    'Dear Sam,\n\nThank you for applying. After careful consideration we have decided to move forward with another candidate.\n\nYours sincerely,\n\nMs. Sandra Ing\nHR Manager\nGrainwood',
  );
  const priya = record(
    ['Priya Rao', 'priya.rao@lumen.example'],
    'Research Scientist',
    'Dear Sam,\n\nThank you for applying. Unfortunately we have decided not to move forward with your application.\n\nBest regards,\nPriya Rao\nHead of Research, Lumen',
  );

  it('follows a sender who signed with a first name alone, whatever the preference', () => {
    expect(greet(daniel)).toBe('Dear Daniel,');
    expect(greet(daniel, { greeting: 'formal' })).toBe('Dear Daniel,');
  });

  it('greets a full name by its first name by default, formally by title and surname only where the email gives the title', () => {
    expect(greet(sandra)).toBe('Dear Sandra,');
    expect(greet(sandra, { greeting: 'formal' })).toBe('Dear Ms. Ing,');
    // No title in the email: the full name, never a guessed "Ms." or "Dr.".
    expect(greet(priya, { greeting: 'formal' })).toBe('Dear Priya Rao,');
  });

  it('greets a team or no-reply sender as the team', () => {
    const team = record(
      ['Quillstone Careers', 'no-reply@quillstone.example'],
      'Your application to Quillstone',
      'Dear Sam,\n\nThank you for applying to Quillstone. Unfortunately we will not be moving forward with your application.\n\nThe Quillstone Recruiting Team',
    );
    expect(greet(team)).toBe('Dear Quillstone Recruiting Team,');
    const nobody = record(
      [null, 'no-reply@mailer.example'],
      'Update',
      'Dear Sam,\n\nUnfortunately we will not be moving forward with your application.\n\nRecruiting',
    );
    expect(greet(nobody)).toBe('Dear Hiring Team,');
  });
});

describe.each(ways)('the words for what happened, %s', (_way, way) => {
  const text = (r: CorpusRecord) => letterFor(r, way).body;
  const interview = record(
    ['Dana Reyes', 'dana@orbital.example'],
    'Data Engineer at Orbital',
    'Hi Sam,\n\nThank you for interviewing for the Data Engineer role at Orbital. After careful consideration we have decided to move forward with another candidate.\n\nBest,\nDana Reyes',
  );
  const application = record(
    ['Dana Reyes', 'dana@orbital.example'],
    'Data Engineer at Orbital',
    'Hi Sam,\n\nThank you for applying for the Data Engineer role at Orbital. After reviewing your application, we have decided not to move forward.\n\nBest,\nDana Reyes',
  );
  const test = record(
    ['Dana Reyes', 'dana@orbital.example'],
    'Data Engineer at Orbital',
    'Hi Sam,\n\nThank you for completing the take-home assignment for the Data Engineer role at Orbital. Unfortunately we have decided not to move forward with your candidacy.\n\nBest,\nDana Reyes',
  );
  const cancelled = record(
    ['Dana Reyes', 'dana@orbital.example'],
    'Data Engineer at Orbital',
    'Hi Sam,\n\nThank you for applying for the Data Engineer role at Orbital. Due to budget changes the position has been cancelled and we are no longer recruiting for it.\n\nBest,\nDana Reyes',
  );
  const agency = record(
    ['Tessa Morrow', 'tessa@brightfield-search.example'],
    'Oakhurst Foods – Buyer',
    'Hi Sam,\n\nI have heard back from my client, Oakhurst Foods, about the Buyer role. Unfortunately they have decided not to move forward with your application.\n\nBest,\nTessa Morrow\nBrightfield Search',
  );

  it('after an interview: thanks for it, and leaves the one true detail to the owner', () => {
    const l = text(interview);
    expect(l).toMatch(/interview/);
    expect(l).toContain(DETAIL_PLACEHOLDER);
    expect(l).toContain('the Data Engineer role at Orbital');
  });

  it('after the application alone: no interview to thank for, no detail paragraph', () => {
    const l = text(application);
    expect(l).toMatch(/application/);
    expect(l).not.toMatch(/interview/);
    expect(l).not.toContain(DETAIL_PLACEHOLDER);
  });

  it('after a test or take-home: thanks for the chance to show the work, no interview', () => {
    const l = text(test);
    expect(l).toMatch(/assessment|exercise|work/);
    expect(l).not.toMatch(/interview/);
  });

  it('a position cancelled: nobody was chosen over the owner', () => {
    const l = text(cancelled);
    expect(l).not.toMatch(/choose|chose|decision|did not work out|other candidate/);
    expect(l).toMatch(/position|role/);
  });

  it('an agency for its client: thanks the recruiter, names the client, never says the role was at the agency', () => {
    const l = text(agency);
    expect(l.split('\n')[0]).toBe('Dear Tessa,');
    expect(l).toContain('Oakhurst Foods');
    expect(l).not.toContain('at Brightfield');
    expect(l).not.toMatch(/interview/);
  });

  it('is brief: at most five short paragraphs between the greeting and the name', () => {
    for (const r of [interview, application, test, cancelled, agency]) {
      const paragraphs = text(r).split('\n\n').slice(1, -1);
      expect(paragraphs.length).toBeLessThanOrEqual(5);
      for (const p of paragraphs) expect(p.split(/(?<=[.!?])\s+/).length).toBeLessThanOrEqual(3);
    }
  });
});

describe.each(ways)('what the recruiter offered, %s', (_way, way) => {
  const text = (r: CorpusRecord) => letterFor(r, way).body;
  const base = (offer: string) =>
    record(
      ['Irene Castro', 'irene@harbourhotel.example'],
      'Front Office Supervisor',
      `Hi Sam,\n\nThank you for interviewing for the Front Office Supervisor role. We have offered it to another candidate. ${offer}\n\nKind regards,\nIrene Castro`,
    );

  it('takes up another opening the email names, by the name it gives', () => {
    expect(
      text(
        base(
          'We would very much like to consider you for the Assistant Front Office Manager opening we expect in spring.',
        ),
      ),
    ).toMatch(/Assistant Front Office Manager role/);
  });

  it('takes up feedback offered, beside the owner’s own “keep me in mind”', () => {
    const l = text(base("I'd be happy to share feedback from the panel if that would help."));
    expect(l).toMatch(/feedback/);
  });

  it('takes up a talent pool and an invitation to apply again', () => {
    expect(text(base('We will keep your CV on file for six months.'))).toMatch(/details|your list/);
    expect(text(base('You are welcome to apply again in the next recruitment cycle.'))).toMatch(/apply again/);
  });

  it('adds no offer the email did not make', () => {
    const l = text(base('We wish you the best in your search.'));
    expect(l).not.toMatch(
      /feedback|on file|your list|apply again|stay in touch|you mentioned|you offered|kindly offered/,
    );
  });
});

describe('the owner’s voice', () => {
  const r = record(
    ['Dana Reyes', 'dana@orbital.example'],
    'Data Engineer',
    'Hi Sam,\n\nThank you for applying. We have decided not to move forward.\n\nBest,\nDana',
  );
  it('signs with the sign-off name and signature block, and closes with the owner’s own line', () => {
    const l = body(r, {
      signOff: 'Sam',
      signature: ['Data Engineer', '+44 20 7946 0000', 'linkedin.com/in/samrivera'],
      closing: 'With thanks,',
    });
    expect(l.endsWith('With thanks,\n\nSam\nData Engineer\n+44 20 7946 0000\nlinkedin.com/in/samrivera')).toBe(true);
  });
  it('closes as the seed letter does, signed with the owner’s name, when nothing is set', () => {
    expect(body(r).endsWith('Again, thank you!\n\nSam Rivera')).toBe(true);
  });
});

describe('the example rejection after an interview', () => {
  it('still reads in the seed letter’s five moves', async () => {
    const file = fileURLToPath(new URL('../../examples/rejection-after-interview.eml', import.meta.url));
    const { original, classification, extraction } = readRejection(await parseMime(await readFile(file)), OWN);
    const letter = draftLetter({
      ownerName: 'Sam Rivera',
      seed: 'example',
      original,
      extraction,
      kind: classification.kind,
    });
    const [greeting, considered, detail, interested, closing, name] = letter.body.split('\n\n');
    expect(greeting).toBe('Dear Sandra,');
    expect(considered).toMatch(/Administrative Assistant/);
    expect(considered).toMatch(/interview/);
    expect(detail).toBe(DETAIL_PLACEHOLDER);
    expect(interested).toMatch(/Grainwood/);
    expect(closing).toBe('Again, thank you!');
    expect(name).toBe('Sam Rivera');
  });
});

// ---- Over every rejection: facts, offers, variety ----

const VOICE: Voice = {
  greeting: 'first-name',
  closing: 'Again, thank you!',
  signOff: 'Sam Rivera',
  signature: ['Analyst', '+1 555 0100', 'linkedin.com/in/sam'],
};
/** onward's own words that open a sentence or name a team: capitalised, yet no fact. */
const OWN_WORDS = new Set([
  'Dear',
  'Thank',
  'I',
  'Please',
  'If',
  'Although',
  'My',
  'Should',
  'Again',
  'Hiring',
  'Team',
  'Recruiting',
  'Staying',
]);

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/&nbsp;/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ');

/** Capitalised words and numbers of the letter that are onward's words neither the owner's. */
function facts(letterBody: string): string[] {
  const text = letterBody
    .replace(DETAIL_PLACEHOLDER, '')
    .replace(VOICE.closing, '')
    .replace([VOICE.signOff, ...VOICE.signature].join('\n'), '');
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu) ?? [])
    .map((w) => w.replace(/[.'’-]+$/, ''))
    .filter((w) => /[\p{Lu}\p{N}]/u.test(w) && !OWN_WORDS.has(w));
}

function sentences(letterBody: string): string[] {
  const lines = letterBody.split('\n\n');
  return lines
    .slice(0, -2) // the owner's closing and name
    .filter((p) => p !== DETAIL_PLACEHOLDER)
    .flatMap((p) => p.split(/(?<=[.!?])\s+/));
}

function rejections(records: readonly CorpusRecord[]) {
  return records
    .filter((r) => r.label === 'rejection')
    .map((r) => {
      const { original, classification, extraction } = readRejection(directMail(r), OWN);
      const draft = (offers = extraction.offers) =>
        draftLetter({
          ownerName: 'Sam Rivera',
          voice: VOICE,
          seed: r.id,
          original,
          extraction: { ...extraction, offers },
          kind: classification.kind,
        }).body;
      return { r, extraction, letter: draft(), without: draft([]) };
    });
}

function factsAndOffers(records: readonly CorpusRecord[]) {
  const letters = rejections(records);

  it('states no name, company, role, date or number the email does not', () => {
    const wrong = letters.flatMap(({ r, letter }) => {
      const said = plain(`${r.from_name ?? ''} ${r.from_email ?? ''} ${r.subject} ${r.body}`);
      return facts(letter)
        .filter((w) => !said.includes(plain(w)))
        .map((w) => `${r.id}: ${w}`);
    });
    expect(wrong).toEqual([]);
  });

  it('answers an offer only with a sentence the email itself holds an offer in', () => {
    const words = (t: string) =>
      ` ${t
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()} `;
    const unheld = letters.flatMap(({ r, extraction, letter, without }) => {
      if (letter === without) return [];
      const said = words(`${r.body}`);
      return (extraction.offers ?? [])
        .filter((o) => !said.includes(words(o.said)) || (o.opening !== null && !said.includes(words(o.opening))))
        .map((o) => `${r.id}: ${o.said}`);
    });
    expect(unheld).toEqual([]);
  });

  // Where labels quote each offer, an email they say offers nothing is answered as one that does
  // at most once in a hundred letters: the two such letters of the development sets answer
  // "apply for other vacancies at any time" and "browse current openings", which the labels left out.
  it.skipIf(!records.some((r) => r.expected?.offers))('answers no offer where the labels see none', () => {
    const unlabelled = letters
      .filter(({ r, letter, without }) => letter !== without && r.expected?.offers?.length === 0)
      .map(({ r }) => r.id);
    expect(unlabelled.length, unlabelled.join(', ')).toBeLessThanOrEqual(Math.ceil(letters.length / 100));
  });
}

/** No sentence but the closing in more than a third of the letters. */
function variety(records: readonly CorpusRecord[]) {
  it('repeats no sentence but the closing in more than a third of the letters', () => {
    const letters = rejections(records);
    const seen = new Map<string, number>();
    for (const { letter } of letters) for (const s of new Set(sentences(letter))) seen.set(s, (seen.get(s) ?? 0) + 1);
    const common = [...seen].filter(([, n]) => n > letters.length / 3).map(([s, n]) => `${n}/${letters.length}: ${s}`);
    expect(letters.length).toBeGreaterThan(6);
    expect(common).toEqual([]);
  });
}

const DEV = ['emails-1.jsonl', 'emails-2.jsonl'].flatMap((f) =>
  readRecords(fileURLToPath(new URL(`../fixtures/dev/${f}`, import.meta.url))),
);

describeOnEmails('letters: only stated facts', factsAndOffers);
describe('letters: only stated facts — the development sets', () => factsAndOffers(DEV));
describeOnEmails('letters: variety', (records) =>
  variety(records === FIXTURE_EMAILS ? [...FIXTURE_EMAILS, ...DEV] : records),
);
