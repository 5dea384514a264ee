import { describe, expect, it } from 'vitest';
import { DETAIL_PLACEHOLDER, detailSentence, draftLetter, replySubject } from '../../lambdas/core/letter/draft.ts';
import type { Extraction } from '../../lambdas/core/extract/index.ts';
import { draftMessage } from '../../lambdas/core/notices/index.ts';

const x: Extraction = {
  company: 'Orbital',
  role: 'Data Engineer',
  department: null,
  contactName: 'Kim Park',
  contactEmail: 'kim@orbital.example',
  agency: null,
  stage: null,
  interviewed: null,
  noReplySender: false,
  candidates: [],
};

describe('the letter', () => {
  it.each([
    ['Re: FW: RE[2]: [External] Update on your application', 'Re: Update on your application'],
    ['AW: WG: Ihre Bewerbung', 'Re: Ihre Bewerbung'],
    ['Your application', 'Re: Your application'],
    ['', 'Re: Thank you'],
  ])('answers “%s” as “%s”', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });

  it('asks for a detail only after an interview: nothing to say one true thing about otherwise', () => {
    const draft = (stage: Extraction['stage']) =>
      draftLetter({
        ownerName: 'Sam Rivera',
        original: { subject: 'Update', messageId: null, references: null },
        extraction: { ...x, stage, interviewed: stage === 'interview' ? true : stage === 'application' ? false : null },
      }).body;
    expect(draft('interview')).toContain(DETAIL_PLACEHOLDER);
    expect(DETAIL_PLACEHOLDER).toMatch(/the interview, the people or the role/);
    for (const stage of ['application', 'test', null] as const) expect(draft(stage)).not.toContain(DETAIL_PLACEHOLDER);
  });
});

describe('the draft email', () => {
  const base = {
    id: 'c1',
    status: 'AWAITING_APPROVAL' as const,
    receivedAt: '2026-11-26T10:00:00Z',
    updatedAt: '2026-11-26T10:00:00Z',
    classification: { verdict: 'rejection' as const, confidence: 0.9, kind: 'rejection', reasons: [] },
    extraction: {
      company: 'Northwind',
      role: null,
      department: null,
      contactName: null,
      contactEmail: null,
      agency: null,
      stage: null,
      interviewed: null,
      noReplySender: true,
      candidates: [],
    },
    letter: {
      to: null,
      toName: null,
      subject: 'Re: Your application',
      body: 'Dear Northwind hiring team,\n\nThank you.\n\nSam',
      inReplyTo: null,
      references: null,
    },
  };
  const links = { review: 'https://r/1', cases: 'https://c/1' };

  it('does not offer "send" by reply for a letter with nobody to send it to', () => {
    const { text } = draftMessage(base, links, { name: 'Sam Rivera' });
    expect(text).toContain('A reply cannot choose the recipient: pick one on the review page');
    expect(text).not.toContain('reply "send" to send');
    const addressed = draftMessage({ ...base, letter: { ...base.letter, to: 'jo@northwind.example' } }, links, {
      name: 'Sam Rivera',
    });
    expect(addressed.text).toContain('reply "send" to send the letter exactly as shown');
  });
  it('says who wrote mail an agency sent, and only then', () => {
    const agency = {
      ...base,
      extraction: {
        ...base.extraction,
        company: 'Oakhurst Foods',
        contactName: 'Tessa Morrow',
        agency: 'Brightfield Search',
      },
    };
    expect(draftMessage(agency, links, { name: 'Sam Rivera' }).text).toContain(
      '  Written by:   Tessa Morrow at Brightfield Search for Oakhurst Foods',
    );
    expect(draftMessage(base, links, { name: 'Sam Rivera' }).text).not.toContain('Written by');
  });

  it('says the verdict in words, and how sure onward is without a number', () => {
    const sure = draftMessage(
      { ...base, classification: { ...base.classification, kind: 'rejection-after-interview', confidence: 0.99 } },
      links,
      { name: 'Sam Rivera' },
    );
    expect(sure.text).toContain('Verdict:      a rejection, after an interview (onward is fairly sure)');
    expect(sure.text).not.toMatch(/confidence|0\.99|rejection-after-interview/);
    const doubtful = draftMessage(
      { ...base, classification: { ...base.classification, kind: 'position-filled', confidence: 0.6 } },
      links,
      { name: 'Sam Rivera' },
    );
    expect(doubtful.text).toContain('Verdict:      a rejection, the position was filled (onward is not sure)');
    const afterTest = draftMessage(
      { ...base, classification: { ...base.classification, kind: 'rejection-after-test', confidence: 0.9 } },
      links,
      { name: 'Sam Rivera' },
    );
    expect(afterTest.text).toContain('Verdict:      a rejection, after a test (onward is fairly sure)');
  });
});

describe('the detail the owner typed, as a sentence of the letter', () => {
  // What owners type: a phrase that fits "I especially liked …", or a sentence of their own, which must
  // not become "I especially liked The whiteboard exercise was fun."
  it.each([
    ['the tour of your office', 'I especially liked the tour of your office.'],
    ['Meeting Priya and the team', 'I especially liked meeting Priya and the team.'],
    ['how you showed me the lab', 'I especially liked how you showed me the lab.'],
    ['the demo you gave', 'I especially liked the demo you gave.'],
    ["Priya's demo of the robot", "I especially liked Priya's demo of the robot."],
    ['The whiteboard exercise was fun', 'The whiteboard exercise was fun.'],
    ['i loved the office tour', 'I loved the office tour.'],
    ['We talked about robotics', 'We talked about robotics.'],
    ['Thanks for the tour!', 'Thanks for the tour!'],
    ['  the people I met were kind ', 'The people I met were kind.'],
    // Names ending in "ing" are names, not gerunds to write small.
    ["Sterling's talk was great", "Sterling's talk was great."],
    ["Xiaoming's walkthrough of the codebase", "I especially liked Xiaoming's walkthrough of the codebase."],
    ['Irving explained the roadmap clearly', 'Irving explained the roadmap clearly.'],
    ['Something about the office was calming', 'Something about the office was calming.'],
    // A verb of liking, and a possession, written as the owner wrote them.
    ['Loved meeting the whole team', 'I loved meeting the whole team.'],
    ['My conversation with Dr. Lee', 'I especially liked my conversation with Dr. Lee.'],
    ['the tour. It was great', 'I especially liked the tour. It was great.'],
    ['the culture?', 'I especially liked the culture.'],
  ])('“%s” → “%s”', (detail, sentence) => {
    expect(detailSentence(detail)).toBe(sentence);
  });
});

describe('whom the letter goes to', () => {
  const original = { subject: 'Your Quillstone application', messageId: null, references: null };
  const hannah = { name: 'Hannah Liu', address: 'hannah@quillstone.example', source: 'reply-to' as const };
  const fromNoReply: Extraction = {
    ...x,
    contactName: 'Hannah Liu',
    contactEmail: 'hannah@quillstone.example',
    noReplySender: true,
    candidates: [hannah],
  };

  // A letter that greets someone must go to them, not to nobody.
  it('is the person a no-reply email names in Reply-To', () => {
    const letter = draftLetter({
      ownerName: 'Sam Rivera',
      original: { ...original, replyTo: [{ name: 'Hannah Liu', address: 'hannah@quillstone.example' }] },
      extraction: fromNoReply,
    });
    expect(letter).toMatchObject({ to: 'hannah@quillstone.example', toName: 'Hannah Liu' });
  });

  it('is nobody yet when the Reply-To person is not the one the letter greets', () => {
    const letter = draftLetter({
      ownerName: 'Sam Rivera',
      original: { ...original, replyTo: [{ name: 'Hannah Liu', address: 'hannah@quillstone.example' }] },
      extraction: {
        ...fromNoReply,
        contactName: 'Marco Diaz',
        contactEmail: null,
        candidates: [{ name: 'Marco Diaz', address: null, source: 'signature' }, hannah],
      },
    });
    expect(letter).toMatchObject({ to: null, toName: null });
    expect(letter.body.startsWith('Dear Marco,')).toBe(true);
  });

  it('is nobody yet when a no-reply email names no one to reply to, whoever signed it', () => {
    const letter = draftLetter({
      ownerName: 'Sam Rivera',
      original: { ...original, replyTo: [] },
      extraction: { ...fromNoReply, candidates: [{ ...hannah, source: 'signature' }] },
    });
    expect(letter).toMatchObject({ to: null, toName: null });
  });
});

describe('a cancelled position', () => {
  it('is thanked without "you didn’t choose me": nobody was chosen', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const letter = draftLetter({
        ownerName: 'Sam Rivera',
        seed,
        original: { subject: 'Update', messageId: null, references: null },
        extraction: { ...x, stage: 'interview', interviewed: true },
        kind: 'position-cancelled',
      });
      expect(letter.body).toMatch(/interview/);
      expect(letter.body).not.toMatch(/choose|chose|decision|did not work out/);
    }
  });
});
