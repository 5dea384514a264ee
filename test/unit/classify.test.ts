import { describe, expect, it } from 'vitest';
import { classify } from '../../lambdas/core/classify/index.ts';
import { verdictPhrase } from '../../lambdas/core/case/index.ts';
import type { OriginalMail } from '../../lambdas/core/mail/index.ts';
import { readRejection } from '../../lambdas/core/reading/index.ts';
import { directMail, figures } from '../../scripts/eval.ts';
import { extract } from '../../lambdas/core/extract/index.ts';
import { fileURLToPath } from 'node:url';
import { SHIPPED } from '../../lambdas/core/classify/model.ts';
import { fitModel, sampleOf } from '../../scripts/train.ts';
import { CORPUS_FILES, type CorpusRecord, corpusRecords, describeOnEmails, readRecords } from '../support/corpus.ts';

function mail(
  text: string,
  subject = 'Your application',
  from: { name: string | null; address: string } = {
    name: 'Northwind Talent Team',
    address: 'careers@northwind.example',
  },
): OriginalMail {
  return { style: 'direct', from, replyTo: [], cc: [], subject, date: null, messageId: null, references: null, text };
}

/** A labelled record as the recruiter sent it. */
function directOriginal(r: CorpusRecord): OriginalMail {
  return mail(r.body, r.subject, { name: r.from_name, address: r.from_email ?? 'unknown@example.com' });
}

/** Read as production reads it (classify, extract, and what happened before the decision). */
function read(m: OriginalMail) {
  const parsed = { ...m, from: m.from ? [m.from] : [], to: [], inReplyTo: null, headers: [], attached: null };
  return readRejection(parsed, []).classification;
}

describe('classify: rejections', () => {
  it('reads "unable to offer you" as a rejection, not an offer', () => {
    const c = classify(
      mail(
        'Hi Priya,\n\nThank you for your interest in Northwind. Unfortunately, we are unable to offer you a position at this time.\n\nBest,\nNorthwind Talent Team',
      ),
    );
    expect(c.verdict).toBe('rejection');
    expect(c.reasons.join(' ')).toMatch(/unable to offer you a position/);
  });

  it('explains itself with the quoted phrase that decided it', () => {
    const c = classify(
      mail(
        'Dear Sam,\n\nAfter careful review we have decided not to move forward with your application for the Buyer role.\n\nRegards,\nHiring Team',
      ),
    );
    expect(c.verdict).toBe('rejection');
    expect(c.confidence).toBeGreaterThanOrEqual(0.8);
    expect(c.reasons[0]).toMatch(/^a decision not to go on with you: “.*decided not to move forward/);
  });

  it('tells a rejection after an interview from one after only an application', () => {
    const after = read(
      mail(
        'Hi Lena,\n\nThank you for taking the time to speak with us last week about the Store Manager role. We enjoyed meeting you, but we have decided to move forward with another candidate.\n\nAll the best,\nOmar Haddad',
      ),
    );
    const before = read(
      mail(
        'Hi Lena,\n\nThank you for applying for the Store Manager role. After reviewing your application, we will not be moving forward with your candidacy.\n\nRegards,\nRecruiting',
      ),
    );
    expect(after).toMatchObject({ verdict: 'rejection', kind: 'rejection-after-interview' });
    expect(before).toMatchObject({ verdict: 'rejection', kind: 'rejection-after-application' });
  });

  it('counts a filled or cancelled position as a rejection', () => {
    const filled = classify(
      mail(
        'Thank you for your interest in the Line Cook opening. We wanted to let you know that the position has now been filled.\n\nKind regards,\nHarbor Grill',
      ),
    );
    const cancelled = classify(
      mail(
        'Dear Tom,\n\nThank you for applying. Due to budget changes, the Field Technician requisition has been cancelled and we are no longer recruiting for it.\n\nSincerely,\nHR',
      ),
    );
    expect(filled).toMatchObject({ verdict: 'rejection', kind: 'position-filled' });
    expect(cancelled).toMatchObject({ verdict: 'rejection', kind: 'position-cancelled' });
  });

  it('keeps a rejection that merely invites applying to other roles a rejection', () => {
    const c = classify(
      mail(
        'Hi Ana,\n\nThank you for your interest in the Payroll Analyst role. Unfortunately you were not selected for this position. We encourage you to apply for other roles on our careers site.\n\nBest,\nTalent Team',
      ),
    );
    expect(c.verdict).toBe('rejection');
  });

  it('reads British "unsuccessful on this occasion" as a rejection', () => {
    const c = classify(
      mail(
        'Dear Rhys,\n\nThank you for applying for the Graduate Surveyor post. I am sorry to tell you that your application has been unsuccessful on this occasion.\n\nYours sincerely,\nRecruitment Team',
      ),
    );
    expect(c.verdict).toBe('rejection');
  });

  it.each([
    'We have reviewed your application carefully and regret that on this occasion we will not be progressing it further.',
    'We regret to inform you that we will not be taking your application further.',
    'Unfortunately we won’t be progressing your application any further on this occasion.',
    // Someone else got the job, said plainly.
    'After much deliberation we have decided to offer the position to another candidate.',
    'We have decided to go in a different direction for this role.',
    'The hiring manager has decided to pursue a candidate whose background is a closer match.',
    "We've offered the role to someone else, who has accepted.",
    "I'm afraid we won't be progressing your application to the next stage.",
    'We have decided to hire someone with more direct experience.',
    'Unfortunately we will not be offering you the position.',
    "We've decided not to extend an offer.",
    'We have chosen another candidate for the Data Engineer role.',
    'The team has selected someone else for this position.',
    "We've decided to pursue candidates whose experience more closely aligns with the role's requirements.",
    'We are unable to offer you an interview for this role.',
    // Everyday wordings, no stock phrase among them.
    'The team has decided to go a different direction and offer the role to someone whose background lines up more closely.',
    'We ended up hiring an internal candidate for this one.',
    'After a lot of back and forth we chose a candidate with more fintech experience.',
    "I'm afraid it's a no from us this time.",
    "We're going with someone who has a bit more hands-on Kubernetes experience.",
    'Unfortunately we will not be extending an offer.',
    'You were our second choice and it was extremely close.',
    "We're not going to be moving ahead with your application.",
    "We've gone with another person for the role.",
    "We've made the difficult decision to fill the role with a candidate who has more agency experience.",
    "We won't be inviting you to the next stage.",
    "This time we'll pass, but please apply again in the future.",
    'We have concluded our search and selected a finalist.',
    "We've decided to progress with another candidate.",
    // The job filled or given to someone named, in other words again.
    'We ended up filling the Marketing Coordinator role internally.',
    'The panel has decided to appoint another candidate.',
    'Unfortunately we are unable to take your candidature forward at this point of time.',
    "The client let me know they're going to pass on this one.",
    'Based on your results we will not be progressing your application to the interview stage.',
    'The hiring team has chosen to move on with other candidates.',
    "I'm afraid the team went with another finalist.",
    "We've decided to keep looking.",
    'We have decided not to offer you the Brand Manager position.',
    'The role has gone to an internal candidate, so we will be closing your application.',
    "We've had a think and gone with someone who's worked our sites before, so we won't be offering you the Site Supervisor job.",
    "After reviewing everyone's portfolios we've offered the role to another artist.",
  ])('reads a plainly stated decision as a rejection: %s', (text) => {
    expect(classify(mail(`Dear Sam,\n\n${text}\n\nKind regards,\nRecruitment Team`)).verdict).toBe('rejection');
  });
});

describe('classify: what happened before the decision', () => {
  const reject = 'Unfortunately, we will not be moving forward with your candidacy at this time.';
  it.each([
    [
      'time you spent interviewing',
      'Thank you for your interest in the Buyer position and for the time you spent interviewing with our team.',
    ],
    ['for interviewing with us', 'Thanks again for interviewing with us for the Buyer role.'],
    ['meeting with our team', 'Thank you for meeting with our team on Tuesday.'],
    ['speaking with us', 'We appreciate you speaking with us about the Buyer role.'],
    ['your interviews with', 'Thank you for your interviews with Dana and Lee.'],
    ['the interview process', 'Thank you for participating in the interview process for the Buyer role.'],
    ['after interviewing', 'After interviewing with several members of the team, you impressed us.'],
  ])('recognises a past interview phrased "%s"', (_name, first) => {
    const m = mail(`Hi Sam,\n\n${first}\n\n${reject}\n\nBest,\nRecruiting`);
    const c = read(m);
    expect(c).toMatchObject({ verdict: 'rejection', kind: 'rejection-after-interview' });
    expect(c.reasons.join(' ')).toMatch(/came after an interview/);
    expect(extract(m).interviewed).toBe(true);
  });

  it.each([
    ['we would like to interview you', 'We would like to interview you again when the team grows next spring.'],
    [
      'if selected for an interview',
      'If you are selected for an interview with the team, a recruiter will contact you.',
    ],
    ['an interview to come', 'Should you be invited to interview with us in the future, we will send details.'],
  ])('is not fooled by a future or conditional interview ("%s")', (_name, first) => {
    const m = mail(`Hi Sam,\n\n${reject} ${first}\n\nBest,\nRecruiting`);
    const c = classify(m);
    expect(c.verdict).toBe('rejection');
    expect(c.kind).toBe('rejection');
    expect(extract(m).interviewed).toBeNull();
  });

  it('says plain "rejection" when the email does not say whether there was an interview', () => {
    const m = mail(`Hi Sam,\n\nThank you for your interest in Northwind. ${reject}\n\nBest,\nRecruiting`);
    expect(classify(m).kind).toBe('rejection');
    expect(extract(m).interviewed).toBeNull();
  });

  it('says "after application" only when the email says it judged the application', () => {
    const m = mail(`Hi Sam,\n\nAfter reviewing your resume, ${reject.toLowerCase()}\n\nBest,\nRecruiting`);
    const c = read(m);
    expect(c.kind).toBe('rejection-after-application');
    expect(c.reasons.join(' ')).toMatch(/came after the application alone/);
    expect(extract(m).interviewed).toBe(false);
  });

  it('quotes each piece of evidence once, overlapping rule matches merged', () => {
    const c = classify(
      mail(
        'Dear Sam,\n\nThank you for taking the time to interview with us. After careful consideration, we have decided to move forward with another candidate whose experience more closely matches our needs.\n\nBest,\nRecruiting',
      ),
    );
    expect(c.verdict).toBe('rejection');
    // The sentence that decided, once, though several frames found it.
    expect(c.reasons).toEqual([
      'someone else was chosen: “After careful consideration, we have decided to move forward with another candidate whose experience more closely matches our needs”',
    ]);
  });
});

describe('classify: traps that are not rejections', () => {
  it('does not take a company "moving in a new direction" for a rejection', () => {
    expect(
      classify(
        mail(
          'Hi Sam,\n\nBig news: Northwind is moving in a new direction this year, and we are hiring for ten new roles. See our openings.\n\nThe Northwind Team',
        ),
      ).verdict,
    ).not.toBe('rejection');
  });

  it('does not take "unfortunately" alone as a rejection', () => {
    const c = classify(
      mail(
        'Hi Jo,\n\nUnfortunately our hiring manager is out sick tomorrow, so we need to reschedule your interview. Could you share your availability for next week?\n\nThanks,\nMaya Chen',
        'Interview reschedule',
      ),
    );
    expect(c.verdict).toBe('not_rejection');
    expect(c.kind).toBe('reschedule');
  });

  it('does not take "we will keep your résumé on file" in an acknowledgement as a rejection', () => {
    const c = classify(
      mail(
        'Thank you for applying to Northwind! We have received your application for the Data Analyst position. Our team will review it and contact you if your experience matches our needs; otherwise we will keep your résumé on file for future openings.\n\nNorthwind Careers',
        'Application received',
      ),
    );
    expect(c.verdict).toBe('not_rejection');
    expect(c.kind).toBe('acknowledgement');
  });

  it('ignores a decision stated as a condition ("if you are not selected")', () => {
    const c = classify(
      mail(
        'Thanks for applying. Applicants who are not selected for an interview will not be contacted. If you are not selected for this position, keep an eye on our jobs page.\n\nThe Team',
      ),
    );
    expect(c.verdict).toBe('not_rejection');
    expect(c.reasons.join(' ')).toMatch(/set aside \(a condition\): “If you are not selected/);
  });

  it('treats "not selected for this role, but we would like to consider you for another" with an active next step as not a plain rejection', () => {
    const c = classify(
      mail(
        'Hi Dev,\n\nThank you for interviewing for the Senior Designer role. While you were not selected for this position, we would love to interview you for another role on our Growth team. Are you available for a call on Thursday?\n\nBest,\nKim Lee',
      ),
    );
    expect(c.verdict).toBe('not_rejection');
    expect(c.kind).toBe('other-role-invitation');
    expect(c.reasons.join(' ')).toMatch(/another/);
  });

  it('does not treat a position on hold as a rejection, unless the candidacy is closed', () => {
    const hold = classify(
      mail(
        'Hi Ravi,\n\nWe wanted to give you an update: the Backend Engineer position has been put on hold while we revisit our plans for next quarter. We will reach out as soon as hiring resumes.\n\nThanks,\nRecruiting',
      ),
    );
    const closed = classify(
      mail(
        'Hi Ravi,\n\nThe Backend Engineer position has been put on hold, and as a result we will not be moving forward with your application.\n\nThanks,\nRecruiting',
      ),
    );
    expect(hold).toMatchObject({ verdict: 'not_rejection', kind: 'on-hold' });
    expect(closed.verdict).toBe('rejection');
  });

  // Each moves the candidate on: a thank-you for being rejected would answer the wrong email.
  it.each([
    [
      "Great news - the panel loved you and we've decided to move forward with you to the offer stage. We've let the other finalists know we won't be moving forward with them.",
      'not_rejection',
    ],
    [
      "Although we won't be moving forward with other candidates, we'd like to invite you to a final interview.",
      'not_rejection',
    ],
    [
      "Last month we told you we had decided to move forward with another candidate. That hire didn't work out, and we'd love to talk to you again about the role. Are you free Tuesday?",
      'unsure',
    ],
    [
      "We regret that we can't move forward with you, but we'd love to interview you for our Platform team instead. Are you free next week?",
      'not_rejection',
    ],
  ])('does not draft a thank-you for being rejected when the email moves the candidate on: %s', (text, verdict) => {
    expect(classify(mail(`Hi Sam,\n\n${text}\n\nBest,\nDana Holt`)).verdict).toBe(verdict);
  });

  // A question, a quotation, someone else's application or a step of the process is not the
  // candidate's rejection.
  it.each([
    [
      'a job alert asking a question',
      'New jobs for you: Data Analyst at Brightwater. Not quite the right fit? Update your alert preferences.',
    ],
    [
      'a newsletter quoting an example',
      'Got an email saying “Unfortunately, we have decided to move forward with other candidates.”? Here is how to reply. Read the newsletter.',
    ],
    [
      'a referral’s outcome',
      "Thanks so much for referring Jamie Lee. After interviews we won't be moving forward with Jamie's application.",
    ],
    [
      'a change of process',
      "We've decided not to proceed with the in-person onsite and will do the final round by video instead. You're still very much in the running.",
    ],
  ])('does not draft a letter for %s', (_name, text) => {
    expect(classify(mail(`Hi Sam,\n\n${text}\n\nBest,\nDana`)).verdict).not.toBe('rejection');
  });

  // A call offered for feedback, or some later role, is no next step in this hiring.
  it.each([
    "If you'd like feedback, I'm happy to set up a quick call.",
    'Happy to book a chat to share feedback.',
    'Are you free for a call to discuss feedback?',
    'Please share your availability if you want a feedback call.',
    "We'll keep your CV on file and would love to talk with you again.",
    "We'd love to interview you again when a similar role opens.",
  ])('keeps a rejection that offers a feedback call or a later chance a rejection: %s', (text) => {
    expect(
      classify(
        mail(
          `Hi Sam,\n\nUnfortunately, we have decided not to move forward with your application. ${text}\n\nBest,\nDana Holt`,
        ),
      ).verdict,
    ).toBe('rejection');
  });

  it('confirms a withdrawal without calling it a rejection', () => {
    const c = classify(
      mail(
        'Dear Ines,\n\nWe are sorry to hear that you have decided to withdraw your application for the Nurse Practitioner role. We wish you all the best in your career.\n\nTalent Acquisition',
      ),
    );
    expect(c).toMatchObject({ verdict: 'not_rejection', kind: 'withdrawal' });
  });

  const notRejections: [string, string, string, string][] = [
    [
      'assessment',
      'Complete your online assessment',
      'Hi Kai,\n\nAs the next step for the Support Engineer role, please complete the online coding assessment within 5 days using the link below.\n\nGood luck!\nRecruiting',
      'assessment',
    ],
    [
      'scheduling',
      'Interview availability',
      'Hi Kai,\n\nThanks for your application. We would like to schedule a phone interview with you. Please send your availability for this week.\n\nBest,\nLuis Ortega',
      'interview-invite',
    ],
    [
      'reminder',
      'Reminder: provide your interview availability',
      'Dear Kai,\n\nThis is a reminder to provide availability for your interview. Our system will keep sending reminders until you respond.\n\nRecruitment Office',
      'interview-invite',
    ],
    [
      'interview invitation',
      'Next steps',
      "Hi Kai,\n\nThanks for applying to the Field Planner role. We'd love to invite you to a 45-minute on-site interview with our operations leads.\n\nBest,\nRosa Diaz",
      'interview-invite',
    ],
    [
      'acknowledgement',
      'We got it',
      'Hi Kai,\n\nThank you for applying to Pinecrest. Your application will be carefully reviewed by our hiring team.\n\nPinecrest Careers',
      'acknowledgement',
    ],
    [
      'withdrawal',
      'Withdrawal confirmed',
      'Hi Kai,\n\nThis confirms your request to withdraw from consideration for the Planner role.\n\nRecruiting',
      'withdrawal',
    ],
    [
      'offer',
      'Offer of employment',
      'Dear Kai,\n\nWe are delighted to extend an offer for the position of Logistics Coordinator. Your offer letter is attached; please sign it by Friday.\n\nWarm regards,\nNadia Brooks',
      'offer',
    ],
    [
      'onboarding',
      'Welcome aboard',
      'Hi Kai,\n\nWelcome to the team! Your start date is March 3. Before then, please complete your onboarding paperwork and background check.\n\nPeople Ops',
      'offer',
    ],
    [
      'job alert',
      'New jobs for Accountant near Leeds',
      'Accountant jobs near Leeds\nSenior Accountant - Brightwater Ltd - Leeds\nPosted 3 days ago\nView all jobs',
      'job-alert',
    ],
    [
      'recruiter outreach',
      'Opportunity',
      "Hi Kai,\n\nI'm a technical recruiter and I have an immediate opening with one of our clients that could be a great fit for you. Please send me your updated resume.\n\nThanks,\nRaj",
      'outreach',
    ],
    [
      'marketing',
      'Join our webinar',
      'Join our career webinar next Tuesday to learn how to ace your next interview! Save the date.',
      'marketing',
    ],
    [
      'account',
      'Verify your email',
      'Please verify your email address to finish creating your candidate account. Your verification code is 442190.',
      'account',
    ],
  ];
  it.each(notRejections)('does not call a %s a rejection, and quotes what it is', (_name, subject, text, kind) => {
    const c = classify(mail(text, subject));
    expect(c.verdict).toBe('not_rejection');
    expect(c.kind).toBe(kind);
    // Evidence, not a bare label: "<what it does>: “<the words>”".
    expect(c.reasons[0]).toMatch(/^[a-z][\w ]+: “.+”$/);
  });

  it('names an interview invitation for what it is, with the words that show it', () => {
    const m = mail(
      'Hi Sam,\n\nThank you for your interest in the Route Planner role. We would like to invite you to a 30-minute video interview with the team.\n\nCould you share a few times that work for you next week?\n\nBest,\nIrene Vos',
      'Next steps: Route Planner interview',
    );
    const c = classify(m);
    expect(c).toMatchObject({ verdict: 'not_rejection', kind: 'interview-invite' });
    expect(c.reasons[0]).toBe(
      'invites you to a conversation or interview: “We would like to invite you to a 30-minute video interview with the team”',
    );
    // An invitation is not an interview that happened — nor proof that none did.
    expect(extract(m).interviewed).toBeNull();
  });

  it('reads a rejection template with blanks to fill as a template, not a rejection', () => {
    const c = classify(
      mail(
        'Hey Mo,\n\nCan you check the tone of our new decline email?\n\nDear [First Name],\nThank you for interviewing for the [Job Title] role. We have decided not to move forward with your application.\n[Recruiter Name]\n\nThanks!\nPriti',
        'Fwd: new decline template',
      ),
    );
    expect(c).toMatchObject({ verdict: 'not_rejection', kind: 'template' });
    expect(verdictPhrase(c)).toBe(
      'not a rejection, a template shared, not a decision sent to you (onward is fairly sure)',
    );
    expect(c.reasons[0]).toContain('[First Name], [Job Title], [Recruiter Name]');
    expect(
      classify(
        mail(
          'Draft for review:\n\nHi <name>, thanks for the care you put into the exercise. We are going to go in a different direction for the <role> role.',
        ),
      ).kind,
    ).toBe('template');
    expect(
      classify(
        mail(
          'Can you load this for the intern batch?\n\nThank you for applying. We had over 400 applications and, sadly, we will not be able to offer you a place this year.',
          'Fwd: template for the intern batch',
        ),
      ).kind,
    ).toBe('template');
    // Buttons rendered as text and HTML left in a plain part are no blanks, nor a footer's
    // word for the software's own template.
    expect(
      classify(mail('We will not be progressing your application further.\n\nSent with the Decline template, v2'))
        .verdict,
    ).toBe('rejection');
    const buttons = classify(
      mail(
        'Dear Sam,<br><div>We will not be progressing your application further.</div>\n\n[View job] [Manage alerts] [Unsubscribe]',
      ),
    );
    expect(buttons.verdict).toBe('rejection');
    // Merge fields the recruiting software failed to fill: it still sent the no.
    const unfilled = classify(
      mail(
        'Dear {{first_name}},\n\nThank you for applying for {{job_title}}. We will not be progressing your application further.\n\n{{recruiter_name}}',
      ),
    );
    expect(unfilled.verdict).toBe('rejection');
  });

  it('reads an offer taken back as a rejection, and a warning about an offer as an offer', () => {
    const rescinded = classify(
      mail(
        'Dear Kofi,\n\nWe are writing about your conditional offer of employment as Fleet Technician.\n\nAs the pre-employment checks could not be completed, we regret that we must withdraw the conditional offer.\n\nFairmont HR',
        'Conditional offer - Fleet Technician',
      ),
    );
    expect(rescinded.verdict).toBe('rejection');
    const warned = classify(
      mail(
        'Dear Kofi,\n\nWe are delighted to make you a conditional offer as Fleet Technician. Please book your drug screen this week: failure to attend will result in the conditional offer being withdrawn.\n\nFairmont HR',
        'Conditional offer - Fleet Technician',
      ),
    );
    expect(warned).toMatchObject({ verdict: 'not_rejection', kind: 'offer' });
  });

  it('does not read "after reviewing your application" in an invitation as "no interview"', () => {
    const m = mail(
      'Hi Sam,\n\nAfter reviewing your application, we would like to invite you to a phone interview.\n\nBest,\nIrene Vos',
    );
    expect(extract(m).interviewed).toBeNull();
  });
});

describe('classify: languages it does not read', () => {
  it.each([
    [
      'German',
      'Sehr geehrte Frau Weber,\n\nvielen Dank für Ihre Bewerbung und Ihr Interesse an unserem Unternehmen. Leider müssen wir Ihnen mitteilen, dass wir uns für eine andere Kandidatin entschieden haben. Wir wünschen Ihnen für Ihre berufliche Zukunft alles Gute.\n\nMit freundlichen Grüßen\nPersonalabteilung',
    ],
    [
      'French',
      'Madame,\n\nNous vous remercions pour votre candidature au poste de comptable. Malheureusement, nous ne sommes pas en mesure de donner une suite favorable à votre demande. Nous vous souhaitons pleine réussite dans vos recherches.\n\nCordialement,\nLe service des ressources humaines',
    ],
    [
      'Spanish',
      'Estimada Lucía,\n\nGracias por su interés en el puesto de analista y por el tiempo dedicado al proceso. Lamentablemente, hemos decidido continuar con otros candidatos para esta posición. Le deseamos mucho éxito.\n\nSaludos cordiales,\nEquipo de selección',
    ],
  ])('answers unsure for a %s rejection', (lang, text) => {
    const c = classify(mail(text, 'Ihre Bewerbung'));
    expect(c).toMatchObject({ verdict: 'unsure', kind: 'unknown-language' });
    expect(c.reasons[0]).toContain(`the text looks ${lang}, not English`);
  });
});

// On the corpus, the targets are held on the file the classifier was tuned on; emails-2.jsonl is
// mail it was not tuned on, scored by `npm run eval` and not held to them here.
describeOnEmails(
  'classify: labelled emails',
  (records) => {
    const outcomes = records
      .filter((r) => !r.ambiguous)
      .map((record) => {
        const { classification: c, extraction: x } = readRejection(directMail(record), []);
        return { record, c, x };
      });
    const f = figures(outcomes);

    it('meets rejection precision ≥ 0.98 and recall ≥ 0.95', () => {
      expect(f.precision).toBeGreaterThanOrEqual(0.98);
      expect(f.recall).toBeGreaterThanOrEqual(0.95);
    });

    it('is unsure about at most 5 % of the emails', () => {
      expect(f.unsureRate).toBeLessThanOrEqual(0.05);
    });
  },
  { corpus: ['emails.jsonl'] },
);

// The development sets (test/fixtures/dev) were written for onward by helpers who read neither the
// reader nor the corpus; the reader was improved on their mistakes, so these are floors that catch
// a change undoing an idea it had learned — not a measure of mail nobody has seen (that is the
// held-out set's, scored by `npm run eval`).
describe.each(['emails-1.jsonl', 'emails-2.jsonl'])('classify: development set %s', (file) => {
  const records = readRecords(fileURLToPath(new URL(`../fixtures/dev/${file}`, import.meta.url))).filter(
    (r) => !r.ambiguous,
  ) as (CorpusRecord & { language: string })[];
  const outcomes = records.map((record) => ({ record, c: read(directOriginal(record)) }));

  it('keeps English precision ≥ 0.97 and recall ≥ 0.88', () => {
    const english = outcomes.filter((o) => o.record.language === 'en');
    const f = figures(english.map((o) => ({ ...o, x: extract(directOriginal(o.record)) })));
    expect(english.length).toBeGreaterThan(150);
    expect(f.precision).toBeGreaterThanOrEqual(0.97);
    expect(f.recall).toBeGreaterThanOrEqual(0.88);
  });

  it('answers "unsure, a language onward does not read" for every email not in English', () => {
    const others = outcomes.filter((o) => o.record.language !== 'en');
    expect(others.length).toBeGreaterThan(5);
    for (const o of others) expect(o.c, o.record.id).toMatchObject({ verdict: 'unsure', kind: 'unknown-language' });
  });
});

describe('classify: the shipped weights', () => {
  const found = corpusRecords(CORPUS_FILES);
  it.skipIf(!('records' in found))('are what `npm run train` makes of the corpus (rebuilt, not edited)', () => {
    if (!('records' in found)) return;
    const model = fitModel(found.records.filter((r) => !r.ambiguous).map(sampleOf));
    expect(model).toEqual(SHIPPED);
  });
});

describe('classify: kept on a list', () => {
  it('is unsure when the post went to someone else but the reader is kept on a reserve list', () => {
    const c = classify(
      mail(
        'Dear Ana,\n\nThank you for attending the interview. On this occasion the post has been offered to another candidate. We would like to place you on our reserve list for six months, should a similar post arise.\n\nHR Services',
      ),
    );
    expect(c).toMatchObject({ verdict: 'unsure', kind: 'conflicting' });
    expect(c.reasons).toContain('a decision, but you are kept on a list');
  });
});

describe('classify: a portal status', () => {
  it('reads "status … has changed. New status: Not selected" as a rejection, not a moved interview', () => {
    const c = classify(
      mail(
        'Hi Sam,\n\nThe status of your application for Support Analyst (R-1182) has changed.\n\nNew status: Not selected\n\nLog in to view details.\n\nOrbit Careers',
        'Application status update',
      ),
    );
    expect(c.verdict).toBe('rejection');
  });
});

describe('classify: a decision beside someone the reader referred', () => {
  it('is unsure: the no may be for the friend, not the reader', () => {
    const c = classify(
      mail(
        'Hi Sam,\n\nThanks again for referring Jamie. The team decided to go with another candidate, but we were impressed.\n\nDana',
        'Update on Jamie',
      ),
    );
    expect(c).toMatchObject({ verdict: 'unsure', kind: 'conflicting' });
    expect(c.reasons).toContain('a decision, but perhaps about someone you referred');
  });
});
