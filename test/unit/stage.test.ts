// How far the candidacy got, read from emails written for these tests: each wording is one of a
// family (a kind of meeting or test × a frame that puts it in the past), and the look-alikes
// that ask for one, promise one or name one in passing say nothing.
import { describe, expect, it } from 'vitest';
import { extract } from '../../lambdas/core/extract/index.ts';
import { original } from '../support/fakes.ts';

const NO = 'We have decided to move forward with other candidates.';

function stageOf(body: string, subject = 'Your application'): ReturnType<typeof extract>['stage'] {
  const mail = original({
    from: { name: 'Marisol Okafor', address: 'marisol@brindlewood.example' },
    subject,
    text: `Hi Sam,\n\n${body}\n\nBest,\nMarisol Okafor`,
  });
  return extract(mail).stage;
}

describe('stage: an interview happened', () => {
  it.each([
    // thanked for a meeting
    `Thank you for the phone screen on Tuesday. ${NO}`,
    // heard back about one, or four rounds of them; an offer made follows interviews
    `I have heard back from Halden Energy regarding your interview for the Analyst position. ${NO}`,
    `Orsolya Tech have come back on Tuesday's final interview. ${NO}`,
    `I know you were about to hand in your notice after four rounds of interviews with us. ${NO}`,
    'I am sorry to confirm that we are not able to proceed with the verbal offer I made to you on the phone.',
    `Thanks so much for your time and for the video interview with our team. ${NO}`,
    `Many thanks for Thursday's conversation with Priya. ${NO}`,
    `We would like to thank you for the onsite last week. ${NO}`,
    `While we won't be moving forward, thank you for the calls with the team.`,
    `Thank you for interviewing with us for the Planner role. ${NO}`,
    `Thanks for taking the time to chat with me about the role. ${NO}`,
    `I appreciate you speaking with our hiring manager. ${NO}`,
    // after one
    `Following our conversation last week, ${NO.toLowerCase()}`,
    `After your final round interviews, the panel chose another finalist.`,
    `Since the recruiter screen, we have met other applicants. ${NO}`,
    // done one
    `Thank you for participating in the interview process. ${NO}`,
    `Everyone you met enjoyed your questions. ${NO}`,
    `As we discussed when we spoke on Friday, the team is small. ${NO}`,
    `The team who interviewed you was impressed. ${NO}`,
    `It was a pleasure meeting you in Leeds. ${NO}`,
    `I enjoyed our chat about warehouse routing. ${NO}`,
    `We appreciate the time you spent talking with the engineers. ${NO}`,
    `Thanks for coming in to see us on Monday. ${NO}`,
    `Thank you for your time on the phone yesterday. ${NO}`,
    `Thank you for your time on Tuesday. ${NO}`,
    `Thank you for the opportunity to interview for the Planner role. ${NO}`,
    `We appreciate your participation in our interview process. ${NO}`,
    `After meeting you, the panel felt another applicant was closer to the brief.`,
    `Although you made it to the final round, ${NO.toLowerCase()}`,
    `Thank you for your presentation to the leadership team. ${NO}`,
    `Following your visit to our Leeds office, ${NO.toLowerCase()}`,
    // looked back on
    `The feedback from your interviews was positive, but ${NO.toLowerCase()}`,
    `Your interview with Dana went well. ${NO}`,
    `The interviewers valued your answers. ${NO}`,
    // more wordings of a meeting had
    `Further to your interview for the Nurse role, ${NO.toLowerCase()}`,
    `Thank you for attending the technical round last week. ${NO}`,
    `Thank you for attending an interview with the selection panel. ${NO}`,
    `Thanks for pairing with Dimitri and me yesterday. ${NO}`,
    `Thank you for presenting your category plan to us. ${NO}`,
    `Thank you for meeting the team on Friday. ${NO}`,
    `Really appreciated the time you gave us across both calls. ${NO}`,
    `Thanks for spending the day with us at the studio. ${NO}`,
    `Many thanks for coming along to meet us at the brewery. ${NO}`,
    `Appreciate you coming in Friday. ${NO}`,
    `They liked your energy in the second interview, but ${NO.toLowerCase()}`,
    `Your interview feedback was positive, but ${NO.toLowerCase()}`,
    // thanks for several things, the meeting last; "'d" before a participle is "had"; time given
    // over several meetings; a casual meeting; time spent with people named
    `Many thanks for applying to the Warehouse Lead vacancy at our Preston depot and for the video call on Wednesday. ${NO}`,
    `I realise you'd already attended two interviews with us, so I'm sorry to tell you the post has been withdrawn.`,
    `I'm grateful for all the time across three conversations with the team. ${NO}`,
    `Thanks for hanging out with the founders on Zoom. ${NO}`,
    `Thank you for the time you spent with Ayodele and Chris on Thursday. ${NO}`,
    // other languages
    'Vielen Dank für das Gespräch am Montag. Leider haben wir uns für jemand anderen entschieden.',
    "Merci pour l'entretien de mardi. Nous avons retenu un autre profil.",
    'Muchas gracias por la entrevista. Hemos elegido a otra persona.',
    'Bedankt voor het gesprek van vorige week. We hebben voor iemand anders gekozen.',
  ])('“%s”', (body) => {
    expect(stageOf(body)).toBe('interview');
  });
});

describe('stage: frames that overlap', () => {
  // A frame set aside (a future or a negation in its words: "will not … for the interview") must
  // not hide another that starts inside it and is said of the past ("the interview … with you"):
  // each frame is searched on its own today, and a search of all of them at once would have to
  // keep this.
  it('reads a frame that starts inside one set aside', () => {
    expect(stageOf(`Thanks, and we will not forget, for the interview yesterday with you. ${NO}`)).toBe('interview');
  });
});

describe('stage: a subject that names the meeting', () => {
  it.each(['Practice Nurse interview', 'Final round – Engineering Manager', 'Re: design eng chat', 'Your onsite'])(
    'a decision under “%s” came after it',
    (subject) => {
      expect(stageOf(NO, subject)).toBe('interview');
    },
  );

  it.each(['Interview invitation – Analyst', 'Scheduling your interview', 'Chat next week?', 'Your application'])(
    '“%s” does not say a meeting happened',
    (subject) => {
      expect(stageOf(NO, subject)).toBeNull();
    },
  );
});

describe('stage: a test, and no interview', () => {
  it.each([
    `Thank you for completing the coding challenge. ${NO}`,
    `Thanks for the take-home assignment you sent us. ${NO}`,
    `We reviewed your application and technical assessment carefully. ${NO}`,
    `After reviewing your case study, ${NO.toLowerCase()}`,
    `The results of your online assessment did not meet the bar for this role.`,
    `We appreciate the effort you put into the written exercise. ${NO}`,
    `Based on your HackerRank test, ${NO.toLowerCase()}`,
    `We appreciated the chance to review your code. ${NO}`,
  ])('“%s”', (body) => {
    expect(stageOf(body)).toBe('test');
  });

  it('says interview when both happened', () => {
    expect(stageOf(`Thank you for completing the take-home and for the call with Ines. ${NO}`)).toBe('interview');
  });
});

describe('stage: the application alone', () => {
  it.each([
    `After careful review of your application, ${NO.toLowerCase()}`,
    `Our hiring team reviewed your resume and did not select it for further consideration.`,
    `We have carefully reviewed your background and qualifications. ${NO}`,
    `Your application was reviewed by the hiring manager. ${NO}`,
    `At this time we are unable to offer you an interview.`,
    `We won't be scheduling an interview for this role.`,
    `You have not been selected for an interview.`,
  ])('“%s”', (body) => {
    expect(stageOf(body)).toBe('application');
  });
});

describe('stage: not said', () => {
  it.each([
    // nothing about it
    `Thank you for applying. ${NO}`,
    // others chosen for one: no meeting had
    'Thank you for your application. The search committee has selected other candidates for interview.',
    'After reviewing, we decided not to invite you for an interview.',
    `Thank you for your interest in Brindlewood. ${NO}`,
    // asked for, promised or conditional
    `If you are selected for an interview, a recruiter will contact you.`,
    `Once you complete the assessment, we will review your results.`,
    `Please complete the coding challenge by Friday.`,
    `Let me know a good time to chat next week.`,
    `We would like to invite you to a video interview with the team.`,
    `After reviewing your application, we would like to schedule a phone screen.`,
    `Your interview with us is scheduled for Monday at 10am.`,
    `Thank you in advance for completing the assessment.`,
    `Our interview panel will reach out with times.`,
    // named in passing, not done by the candidate
    `We interviewed many strong candidates for this role. ${NO}`,
    `We met with the hiring team to discuss every application. ${NO}`,
    `Thank you for your patience during these challenging times. ${NO}`,
    `Based on our assessment of your background, ${NO.toLowerCase()}`,
    `Thank you for your visit to our careers site. ${NO}`,
    `Unfortunately you did not complete the assessment in time.`,
    `We would welcome the chance to speak with you about future roles.`,
    `Thank you for your time. ${NO}`,
    `We have now completed the assessment of all applications. ${NO}`,
    // "'d" as "would", before a participle or not; a meeting still to come, however far along
    `You'd have met the wider team at the final round, but ${NO.toLowerCase()}`,
    `We'd hoped to schedule interviews next month, but the role has been withdrawn.`,
    `Thank you for applying and for your interest in a call next week. ${NO}`,
    `The time you spent with your application shows, but ${NO.toLowerCase()}`,
    // a meeting named, but none had by the candidate: not chosen for it, a process described, time
    // spent on paper, thanks for something about a meeting
    'Unfortunately, you have not been selected to take part in our final interviews.',
    'Our process runs across two interviews and a short task, and we will not be progressing your application.',
    `Thank you for the time you spent with the application form. ${NO}`,
    `Thank you for the time you spent with our online assessment. ${NO}`,
    'Thank you for applying for the Planner role, and for your flexibility around interview dates; we have decided not to proceed.',
    `Thank you for applying for the Planner role and for your interest in our video interview programme. ${NO}`,
  ])('“%s”', (body) => {
    expect(stageOf(body)).toBeNull();
  });
});
