import { describe, expect, it } from 'vitest';
import { DETAIL_PLACEHOLDER, draftLetter, replySubject } from '../../lambdas/core/draft.ts';
import type { Extraction } from '../../lambdas/core/extract.ts';

const x: Extraction = { company: 'Orbital', role: 'Data Engineer', department: null, contactName: 'Kim Park', contactEmail: 'kim@orbital.example', interviewed: null, noReplySender: false, candidates: [] };

describe('the letter', () => {
  it.each([
    ['Re: FW: RE[2]: [External] Update on your application', 'Re: Update on your application'],
    ['AW: WG: Ihre Bewerbung', 'Re: Ihre Bewerbung'],
    ['Your application', 'Re: Your application'],
    ['', 'Re: Thank you'],
  ])('answers “%s” as “%s”', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });

  it('asks for a detail that fits whether or not there was an interview, and none after only an application', () => {
    const unknown = draftLetter({ ownerName: 'Sam Rivera', original: { subject: 'Update', messageId: null, references: null }, extraction: x });
    expect(unknown.body).toContain(DETAIL_PLACEHOLDER);
    expect(unknown.body).toContain('for your time and for letting me know');
    expect(DETAIL_PLACEHOLDER).toMatch(/the interview, the people or the role/);
    const paper = draftLetter({ ownerName: 'Sam Rivera', original: { subject: 'Update', messageId: null, references: null }, extraction: { ...x, interviewed: false } });
    expect(paper.body).not.toContain(DETAIL_PLACEHOLDER);
  });
});
