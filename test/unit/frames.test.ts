// The reader's building blocks, one idea at a time: stems that meet, phrases found with their
// gaps, and each frame found — or set aside — whatever words fill it.
import { describe, expect, it } from 'vitest';
import { readFrames } from '../../lambdas/core/classify/frames.ts';
import { findIdeas } from '../../lambdas/core/classify/matcher.ts';
import { stem, tokenize } from '../../lambdas/core/classify/tokens.ts';

const framesOf = (text: string) => new Set(readFrames(tokenize(text)).findings.map((f) => f.frame));
const setAside = (text: string) => readFrames(tokenize(text)).ignored.map((i) => `${i.finding.frame}: ${i.why}`);

describe('stems', () => {
  it.each([
    ['moving', 'moved', 'move'],
    ['proceeding', 'proceeded', 'proceed'],
    ['made', 'making', 'make'],
    ['chosen', 'chose', 'choose'],
    ['went', 'gone', 'go'],
    ['has', 'had', 'have'],
    ['shortlisted', 'shortlisting', 'shortlist'],
  ])('%s, %s and %s are one word to the lexicon', (a, b, c) => {
    expect(stem(a)).toBe(stem(c));
    expect(stem(b)).toBe(stem(c));
  });

  it('keeps words apart whose stems would collide with the words frames read', () => {
    expect(stem('note')).not.toBe(stem('not'));
    expect(stem('none')).not.toBe(stem('no'));
    expect(stem('here')).not.toBe(stem('her'));
  });
});

describe('tokens', () => {
  it('tells an opening quotation mark from a closing one, and an apostrophe from both', () => {
    const marks = (text: string) =>
      tokenize(text)
        .filter((t) => t.mark)
        .map((t) => t.stem)
        .join(' ');
    expect(marks('a "no" and «non» and “nein”')).toBe('“ ” “ ” “ ”');
    expect(marks("a 'no thanks' email, the candidates' time, o'brien's")).toBe('“ ” , ” ,');
    // A quote as the text's last character (the property test of hostile MIME found it throwing).
    expect(marks("\r\n\r\n'")).toBe('\n \n');
    expect(marks("that's it, 'no")).toBe(', “');
  });

  it('spells out contractions, so "won\'t" is negated as "will not" is', () => {
    expect(tokenize("We won't, can't, didn't").map((t) => t.word)).toEqual([
      'we',
      'will',
      'not',
      ',',
      'can',
      'not',
      ',',
      'did',
      'not',
    ]);
  });

  it("keeps a possessive as a mark of its own: Jamie's application is not yours", () => {
    expect(tokenize("Jamie's application").map((t) => t.word)).toEqual(['jamie', "'s", 'application']);
  });
});

describe('phrases', () => {
  it('finds a phrase with a wildcard word in it ("your * application")', () => {
    const tags = findIdeas(tokenize('your Data Analyst application'));
    expect(tags.some((t) => t.idea === 'self' && t.start === 0 && t.end === 4)).toBe(true);
  });

  it('never lets a wildcard cross a mark', () => {
    const tags = findIdeas(tokenize('your. application'));
    expect(tags.some((t) => t.idea === 'self' && t.end === 3)).toBe(false);
  });
});

describe('decision frames, in words no rule was written for', () => {
  it.each([
    ['declined', "We're not able to take your candidature any further."],
    ['declined', 'Unfortunately you have not been shortlisted for the next round.'],
    ['declined', 'On this occasion your application has not been progressed.'],
    ['declined', 'We will not be extending an offer.'],
    ['refused', 'Your application was unsuccessful.'],
    ['refused', 'Application status: Not selected. Outcome: Rejected.'],
    ['refused', "We're gonna pass for now."],
    ['others-chosen', 'The panel has appointed another applicant.'],
    ['others-chosen', 'We went a different way with this hire.'],
    ['others-chosen', 'After a lot of thought we offered the role to Priya.'],
    ['others-chosen', 'We have decided to consider other applicants whose profiles better match the brief.'],
    ['filled', 'The position has now been filled.'],
    ['cancelled', 'Funding for the role fell through.'],
    ['cancelled', 'We have made the decision not to fill the vacancy.'],
    ['not-fit', "Honestly your background doesn't line up closely enough with what the team needs."],
    ['not-fit', 'You were great, but we need someone with deeper B2B experience.'],
  ])('%s: %s', (frame, text) => {
    expect(framesOf(text)).toContain(frame);
  });
});

describe('decisions that are not this email’s decision', () => {
  it('sets aside a condition, before or after the decision', () => {
    expect(setAside('If you are not selected for an interview, we will keep your CV.')).toContain(
      'declined: a condition',
    );
    expect(setAside('We cannot consider your application until we receive your transcript.')).toContain(
      'declined: a condition',
    );
  });

  it('sets aside what is said of candidates in general — but a job filled is filled whoever is told', () => {
    expect(setAside('Applicants who are not selected will not be contacted.')).toContain(
      'declined: about candidates in general',
    );
    expect(framesOf('We are writing to let all applicants know that this post has been filled.')).toContain('filled');
  });

  it('sets aside a question and a quotation', () => {
    expect(setAside('Are we not moving forward with your application? We are!')).toContain('declined: a question');
    expect(
      setAside('Recruiters most often write "we have decided not to move forward with your application".'),
    ).toContain('declined: quoted');
  });

  it('sets aside a rejection quoted over several sentences, in single or curly quotes', () => {
    expect(
      setAside(
        'Template 2: "Hi [Name], thanks for your time. After careful thought we have decided not to move forward with your application." Copy it today.',
      ),
    ).toContain('declined: quoted');
    expect(setAside("How to answer a 'we have decided not to move forward with your application' email")).toContain(
      'declined: quoted',
    );
    expect(setAside('Then came the email: “Sadly, we will not be progressing your candidacy.”')).toContain(
      'declined: quoted',
    );
  });

  it("reads the reader's own choice of another job as theirs, not the employer's", () => {
    expect(framesOf('Thanks for telling us you have chosen another company.')).not.toContain('others-chosen');
    expect(framesOf('I understand you selected another opportunity.')).not.toContain('others-chosen');
    expect(framesOf('Thanks for letting me know you have taken another offer.')).toContain('withdrawal');
    expect(framesOf('We have chosen another candidate.')).toContain('others-chosen');
  });

  it('reads no decision in a certainty denied or in a choice not yet made', () => {
    expect(framesOf('Being found suitable does not guarantee an offer of employment.')).not.toContain('declined');
    expect(framesOf('A place on the list is no promise of an interview.')).not.toContain('declined');
    expect(framesOf('The team will make a decision (advance or reject) by Friday.')).not.toContain('refused');
    // The same words as a decision.
    expect(framesOf('We are not able to offer you the position.')).toContain('declined');
    expect(framesOf('Your application was rejected.')).toContain('refused');
  });

  it('reads a decision after a quotation mark nothing closes, or a bracket nothing closes, as said', () => {
    expect(
      framesOf(
        "We have been hiring since '19 and unfortunately we have decided not to move forward with your application.",
      ),
    ).toContain('declined');
    expect(
      framesOf('Hi Sam, sadly :( we will not be moving forward with your application, but we wish you well.'),
    ).toContain('declined');
  });

  it('reads what follows a closed quotation, or a new paragraph, as said again', () => {
    expect(framesOf('Your "take-home" was good. We have decided not to move forward with your application.')).toContain(
      'declined',
    );
    expect(
      framesOf("The candidates' time matters. We have decided not to move forward with your application."),
    ).toContain('declined');
    expect(framesOf('He wrote "see you soon\nWe have decided not to move forward with your application.')).toContain(
      'declined',
    );
  });

  it.each([
    "After interviews we won't be moving forward with Jamie's application.",
    'We wanted to let you know that Tom was not selected to move forward this time.',
    "Just a heads up - we're not going ahead with Marta for the designer role.",
    "We won't be moving forward with other candidates.",
    'We decided not to proceed with the in-person onsite and will meet by video instead.',
    'You have decided not to continue with your application.',
    "They've decided not to proceed with the two internal applicants and want to see you again.",
    "We're going to pass on Jordan Pike for the ops role.",
    "Thank you for letting me know that I wasn't successful.",
    'Early in my career I turned down a candidate by replying to all.',
    'Please select a disposition for each profile (Advance, Not Selected - Qualifications, Not Selected - Other).',
  ])('finds no decision against the reader in: %s', (text) => {
    const frames = framesOf(text);
    expect(frames).not.toContain('declined');
    expect(frames).not.toContain('refused');
    expect(frames).not.toContain('others-chosen');
  });

  it('reads a job the reader saved or watched, closed or filled, as no decision about them', () => {
    const watched = readFrames(
      tokenize('Your saved job has expired.\nThis job has closed and is no longer accepting applications.'),
    );
    expect(watched.findings.map((f) => f.frame)).not.toContain('closed');
    expect(watched.ignored.map((i) => i.why)).toContain('a job you watched, not one you applied for');
    expect(framesOf('This job has closed and is no longer accepting applications.')).toContain('closed');
    // A footer's "saved jobs" is no job the reader watched.
    expect(framesOf('Unfortunately, the position has been filled.\nManage your saved jobs | Unsubscribe')).toContain(
      'filled',
    );
  });

  it('reads terms that will not move, a third person and candidates in general as no decision', () => {
    expect(framesOf('Unfortunately we can not move on base salary.')).not.toContain('declined');
    expect(framesOf('Unfortunately we will not be moving on to the final round.')).toContain('declined');
    expect(framesOf("We didn't go ahead with her for the engineer opening.")).not.toContain('cancelled');
    expect(framesOf("We didn't go ahead with the engineer opening.")).toContain('cancelled');
    expect(setAside('They do not give feedback to candidates they do not shortlist.')).toContain(
      'declined: about candidates in general',
    );
  });

  it('reads a decision however far the candidacy named stands from "further", or as "that one"', () => {
    expect(
      framesOf("We have concluded that we won't take your application for the Data Analyst role further."),
    ).toContain('declined');
    expect(framesOf('Sorry Ellis, we filled that one last week!')).toContain('filled');
  });

  it('reads no step forward in an invitation to look on your own, and a warning as a condition', () => {
    expect(framesOf('We invite you to review our current openings.')).not.toContain('advance-self');
    expect(framesOf('We invite you to the final round.')).toContain('advance-self');
    expect(setAside('Failure to attend will result in your application being withdrawn.')).toContain(
      'refused: a condition',
    );
  });

  it('still reads the writer deciding about the reader', () => {
    expect(framesOf("I'm afraid I won't be putting you forward for this one.")).toContain('declined');
  });

  it.each([
    "We're looking to hire someone with five years' experience.",
    'A job you saved is no longer available.',
    'We are currently interviewing other candidates and will be in touch next week.',
  ])('finds no one chosen and nothing closed in: %s', (text) => {
    const frames = framesOf(text);
    for (const f of ['others-chosen', 'filled', 'cancelled', 'closed']) expect(frames).not.toContain(f);
  });
});

describe('other purposes', () => {
  it.each([
    ['invite', 'We would love to grab 20 minutes this week - does Thursday work?'],
    ['invite', 'Your interview is confirmed for Friday at 11:00.'],
    ['offer', 'We are pleased to make you a conditional offer for the position.'],
    ['withdrawal', 'This confirms your request to withdraw from the process.'],
    ['received', 'Your application will be carefully reviewed by our team.'],
    ['assessment', 'Please complete the coding challenge within five days using the link below.'],
    ['other-role', "We'd love to interview you for our Platform team instead."],
  ])('%s: %s', (frame, text) => {
    expect(framesOf(text)).toContain(frame);
  });

  it('reads thanks for a meeting, or for a test done, as no invitation and no assessment to do', () => {
    const frames = framesOf('Thank you for the conversation on Friday and for completing the assessment.');
    expect(frames).not.toContain('invite');
    expect(frames).not.toContain('assessment');
  });
});

describe('frames learned from hard look-alikes (test/fixtures/dev/emails-3.jsonl)', () => {
  it.each([
    ['declined', 'Unfortunately they have decided not to move you to the final round.'],
    ['declined', "I'm afraid we won't need you for the March shifts after all."],
    ['declined', 'I am not able to offer you a placement in the lab this summer.'],
    ['declined', 'We have met all of the shortlisted candidates and will not be offering you the role.'],
    ['refused', 'Your score fell below the threshold for the next stage, so your application will close here.'],
    ['refused', 'The panel met yesterday. The decision is no for the Staff Engineer role.'],
    ['refused', 'We are having to withdraw the offer we made to you for the Consultant role.'],
    ['withdrawal', 'I was sorry to read that you have decided to decline our offer of the Fellow position.'],
    ['withdrawal', "Thanks for letting me know you're withdrawing from the Buyer role."],
    ['reserve', 'We would like to place you on our reserve list for six months.'],
    ['withdrawal', 'Congratulations on the new job! I have closed your file.'],
    ['withdrawal', 'Re: Withdrawing my application'],
    ['withdrawal', "We're gutted that you've said no, but we understand."],
    ['reschedule', 'Our interviewer is ill. Could we move it to Monday at 2pm?'],
    ['refused', "We've had a think and it's not going to work out this time."],
    ['refused', 'Sam - not this time, sorry.'],
    ['declined', 'The status of your application has changed. New status: Not selected'],
    ['advance-self', "The panel wanted more depth on testing, but you're still in the process."],
    ['advance-self', "This is not a reflection on you. You're still our preferred candidate."],
    ['advance-self', 'You remain our top choice for the role.'],
    ['advance-self', 'Your application has moved across to the Senior Analyst role automatically.'],
    ['referral', 'Thanks again for referring Jamie.'],
    ['refused', "The panel has made its selection. I'm sorry it wasn't you this time."],
    ['filled', 'The role has now been offered and accepted.'],
    ['not-fit', "Unfortunately it didn't quite hit the bar we set for this level."],
    ['refused', "So we'll stop the process here."],
  ])('%s: %s', (frame, text) => {
    expect(framesOf(text)).toContain(frame);
  });

  it.each([
    "Please bring photo ID; we won't need you to bring anything else.",
    'The others have been informed that they were not successful.',
    'The following job you saved is no longer accepting applications.',
    'The Liaison role is currently frozen while the company reorganises.',
    'Rather than close your application, I have moved you into our priority pipeline.',
    'We have got the team we need for the season.',
    'Based on the panel feedback we have decided not to move forward with this candidate.',
    "Our hiring manager is ill, so we can't go ahead with tomorrow's interview.",
    "We spoke last spring, and although it didn't work out then, the team has remembered you.",
  ])('no decision about the reader: %s', (text) => {
    const found = framesOf(text);
    for (const d of ['declined', 'refused', 'others-chosen', 'filled', 'cancelled', 'closed', 'not-fit'])
      expect(found, d).not.toContain(d);
  });
});
