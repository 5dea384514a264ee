// An agency recruiter writing for a client: the company is the client, the person to thank is
// the recruiter, and the agency is recorded. Emails written for these tests.
import { describe, expect, it } from 'vitest';
import { extract } from '../../lambdas/core/extract/index.ts';
import type { Address, OriginalMail } from '../../lambdas/core/mail/index.ts';

function mail(from: Address, subject: string, text: string): OriginalMail {
  return { style: 'direct', from, replyTo: [], cc: [], subject, date: null, messageId: null, references: null, text };
}
const pick = (m: OriginalMail) => {
  const x = extract(m);
  return { company: x.company, agency: x.agency, contact: x.contactName };
};

describe('agency: clients named as agencies write of them', () => {
  it.each([
    [
      'Orsolya Tech have come back on the final interview. Sadly they have offered the role to the other finalist.',
      'Summit Search',
      'Orsolya Tech',
    ],
    [
      'Bad news I am afraid. Ferro Labs have closed the Head of Content search and went with an internal promotion.',
      'Bluepeak Agency',
      'Ferro Labs',
    ],
    [
      "I am writing to confirm that Meriden Group's board has concluded its search and has appointed another candidate.",
      'Partner, Arden Executive Search',
      'Meriden Group',
    ],
  ])('%s (signed %s) is about %s', (text, signed, client) => {
    const m = mail(
      { name: 'Kim Lowe', address: 'kim.lowe@ardenexec.example' },
      'Update',
      `Hi Sam,\n\n${text}\n\nKim Lowe\n${signed}`,
    );
    expect(pick(m).company).toBe(client);
    expect(pick(m).agency).toBe(signed.replace('Partner, ', ''));
  });
});

describe('agency: the client is the company, the recruiter the contact', () => {
  it('reads "my client, X," and the agency from the signature', () => {
    const m = mail(
      { name: 'Tessa Morrow', address: 'tessa.morrow@brightfield-search.example' },
      'Your application - Senior Buyer',
      'Hi Sam,\n\nI have now heard back from my client, Oakhurst Foods, about the Senior Buyer role. Unfortunately they have decided to go with another candidate.\n\nI will keep you in mind for similar roles.\n\nBest regards,\nTessa Morrow\nSenior Consultant\nBrightfield Search',
    );
    expect(pick(m)).toEqual({ company: 'Oakhurst Foods', agency: 'Brightfield Search', contact: 'Tessa Morrow' });
  });

  it('reads the client from a subject written "ROLE role with CLIENT", the recruiter never saying "client"', () => {
    const m = mail(
      { name: 'Joel Brandt', address: 'joel@quillfield-search.example' },
      'Site Engineer role with Pennant Civil',
      'Hi Sam,\n\nI have heard back from Pennant Civil about the Site Engineer role. Sadly they have gone with another candidate.\n\nBest regards,\nJoel Brandt\nAssociate Director, Quillfield Search',
    );
    expect(pick(m)).toEqual({ company: 'Pennant Civil', agency: 'Quillfield Search', contact: 'Joel Brandt' });
    expect(extract(m).role).toBe('Site Engineer');
  });

  it('reads "on behalf of X" and the agency from the display name', () => {
    const m = mail(
      { name: 'Owen Pike | Harbour Talent Partners', address: 'owen@harbourtalent.example' },
      'Update',
      'Hello Sam,\n\nI am writing on behalf of Calder Maritime regarding the Operations Analyst position. After your interview, they have chosen to proceed with another applicant.\n\nKind regards,\nOwen Pike',
    );
    expect(pick(m)).toEqual({ company: 'Calder Maritime', agency: 'Harbour Talent Partners', contact: 'Owen Pike' });
    expect(extract(m).stage).toBe('interview');
  });

  it('reads an agency-shaped sender whose text gives the role to another company', () => {
    const m = mail(
      { name: 'Priya Lal', address: 'priya@northlight-recruitment.example' },
      'Payroll Officer at Vennard Group',
      "Hi Sam,\n\nThanks for your patience. Vennard Group's hiring manager has come back to me: they have decided not to progress your application for the Payroll Officer role at Vennard Group.\n\nBest,\nPriya Lal\nNorthlight Recruitment",
    );
    expect(pick(m)).toEqual({ company: 'Vennard Group', agency: 'Northlight Recruitment', contact: 'Priya Lal' });
  });

  it('leaves the company blank, not the agency, when the client is never named', () => {
    const m = mail(
      { name: 'Tessa Morrow', address: 'tessa.morrow@brightfield-search.example' },
      'Your application',
      'Hi Sam,\n\nMy client has reviewed your CV and has decided not to take your application further.\n\nBest regards,\nTessa Morrow\nBrightfield Search',
    );
    expect(pick(m)).toEqual({ company: null, agency: 'Brightfield Search', contact: 'Tessa Morrow' });
  });
});

describe('agency: not an agency', () => {
  it.each([
    [
      'a company that serves clients',
      { name: 'Dana Holt', address: 'dana@ferrow.example' },
      'Hi Sam,\n\nThank you for your interest in Ferrow. We build tools our clients love, and our client services team was glad to meet you. We have decided to move forward with another candidate.\n\nBest,\nDana Holt\nFerrow',
    ],
    [
      'a company’s own talent team',
      { name: 'Ferrow Talent', address: 'talent@ferrow.example' },
      'Hi Sam,\n\nThank you for considering an opportunity with Ferrow, Inc. We have decided to move forward with other candidates.\n\nFerrow Talent',
    ],
    [
      'a staffing firm rejecting for its own role',
      { name: 'Apex Staffing Careers', address: 'careers@apexstaffing.example' },
      'Hi Sam,\n\nThank you for your interest in the Recruiter position at Apex Staffing. We have decided to move forward with other candidates.\n\nApex Staffing Careers',
    ],
  ])('%s', (_what, from, text) => {
    expect(extract(mail(from, 'Your application', text)).agency).toBeNull();
  });
});

// Recruiters relay their clients' answers without saying "my client": the subject and the body
// name the client as the one who decided, and the signature the agency on the sender's own domain.
describe('agency: relays that never say "client"', () => {
  it.each([
    [
      'Quarry Hill Dairies – Shift Manager',
      "Bad news from Quarry Hill Dairies, I'm afraid: they have filled the Shift Manager role.",
    ],
    [
      'Quarry Hill Dairies – quick one',
      'Quarry Hill Dairies passed on you for the Shift Manager role; they wanted more dairy experience.',
    ],
    [
      'Shift Manager – update',
      'Quarry Hill Dairies have now completed their interviews and appointed someone internal.',
    ],
    [
      'Shift Manager – update',
      'I am writing on behalf of the Board of Directors of Quarry Hill Dairies: another candidate was chosen.',
    ],
  ])('“%s” / “%s”: the client is the company', (subject, said) => {
    const m = mail(
      { name: 'Lorna Vesey', address: 'lorna@tarnside-search.example' },
      subject,
      `Hi Sam,\n\n${said}\n\nI'll be in touch about other roles.\n\nKind regards,\nLorna Vesey\nConsultant, Tarnside Executive Search`,
    );
    expect(pick(m)).toEqual({
      company: 'Quarry Hill Dairies',
      agency: 'Tarnside Executive Search',
      contact: 'Lorna Vesey',
    });
  });

  it('takes a company’s own "Talent Team" for the company, not an agency', () => {
    const m = mail(
      { name: 'Fenwick & Roe Careers', address: 'no-reply@careers.fenwickroe.example' },
      'Update: Store Supervisor – Bath Milsom Street',
      'Hi Sam,\n\nThank you for applying for Store Supervisor at Fenwick & Roe. Your application has not been progressed.\n\nBest wishes,\nThe Fenwick & Roe Talent Team',
    );
    expect(pick(m)).toMatchObject({ company: 'Fenwick & Roe', agency: null });
  });

  it('does not read "on behalf of the panel" as an agency writing for a client', () => {
    const m = mail(
      { name: 'Ines Carrow', address: 'i.carrow@westmere.ac.example' },
      'Lecturer in Law – outcome',
      'Dear Sam,\n\nOn behalf of the selection panel, thank you for your interview. The post has been offered to another candidate.\n\nWith best wishes,\n\nInes Carrow\nHead of School\nUniversity of Westmere',
    );
    expect(pick(m)).toMatchObject({ company: 'University of Westmere', agency: null });
  });
});
