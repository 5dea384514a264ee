// The words of each move, several ways each, for what happened: an interview, a test, the
// application alone, a position filled or closed, an agency writing for its client. A letter
// picks one way per move from its case's id, so two letters rarely read alike and the same case
// always reads the same. Every phrasing says only what is true in every case it is used for:
// the facts (names, company, role, what was offered) come from the email, never from here.
import type { Offer } from '../extract/index.ts';

/** What the letter is answering: what happened before the decision, and whose decision it was. */
export interface Situation {
  /** How far the candidacy got; null when the email does not say. */
  stage: 'interview' | 'test' | 'application' | null;
  /** The position was filled, closed or cancelled: nobody was preferred over the owner. */
  closed: boolean;
  /** An agency wrote for its client: the recruiter is thanked, the client named. */
  agency: boolean;
}

/** The named parts a phrasing may use; each was read from the email or is null. */
export interface Parts {
  /** "the Data Engineer role" or "the position". */
  role: string;
  /** " at Orbital", " in your Sales Department", or "". */
  where: string;
  /** "Orbital", or null. */
  company: string | null;
}

type Say = (p: Parts) => string;

/** Move 1: thanks for considering me, naming the role. */
export const CONSIDERED: readonly Say[] = [
  (p) => `Thank you for considering me for ${p.role}${p.where}.`,
  (p) => `Thank you for taking the time to consider me for ${p.role}${p.where}.`,
  (p) => `I am grateful that you considered me for ${p.role}${p.where}.`,
  (p) => `Thank you for the opportunity to be considered for ${p.role}${p.where}.`,
];

/** Move 1 for an agency's letter: the recruiter passed on their client's decision. */
export const CONSIDERED_AGENCY: readonly Say[] = [
  (p) => `Thank you for letting me know how things went with ${p.role}${p.where}.`,
  (p) => `Thank you for passing on the decision about ${p.role}${p.where}.`,
  (p) => `Thank you for keeping me informed about ${p.role}${p.where}.`,
  (p) => `I appreciate you letting me know the outcome for ${p.role}${p.where}.`,
];

/** Move 2: the decision taken gracefully, and thanks for what the candidate was given. */
const ACCEPTED: Record<'interview' | 'test' | 'application' | 'unknown', readonly string[]> = {
  interview: [
    'I am sorry it did not work out this time, and I am grateful for the interview and the time you gave me.',
    'I understand your decision, and I want to thank you for the interview and the time you spent with me.',
    'Although I had hoped for different news, I appreciated the chance to interview and to learn more about the role.',
    'I respect your decision, and I am thankful for the interview and for everything I learned about the role.',
  ],
  test: [
    'I understand your decision, and I appreciated the chance to complete your assessment.',
    'Although I had hoped for different news, I am grateful for the opportunity to work through your exercise.',
    'I respect your decision, and I am thankful for the chance to show you my work through the assessment.',
    'I am sorry it did not work out this time, and I appreciated the time your team gave to reviewing my work.',
  ],
  application: [
    'I understand your decision, and I appreciate that you took the time to review my application.',
    'I appreciate the time you took to read my application and to get back to me.',
    'I respect your decision, and I am grateful that you considered my application.',
    'I am glad to have heard back, and I appreciate the attention you gave my application.',
  ],
  unknown: [
    'I understand your decision, and I appreciate your time and your reply.',
    'I am grateful for your time and for letting me know.',
    'I respect your decision, and I appreciate you taking the time to write to me.',
    'Although I had hoped for different news, I appreciate the courtesy of your reply.',
  ],
};

/** Move 2 when the position was filled, closed or cancelled: nobody chose someone else over the owner. */
const CLOSED: readonly string[] = [
  'I appreciate you letting me know where things stand with the position.',
  'I understand, and I am grateful that you took the time to tell me.',
  'I appreciate you keeping me informed about the position.',
  'I understand, and I appreciate the update.',
];

/** Move 2 for an agency: the recruiter's part, then the client's (the interview, the test). */
const AGENCY: readonly string[] = [
  'I am grateful for everything you did to put my application forward.',
  'I am grateful for your help with my application.',
  'Thank you as well for your support throughout the process.',
  'I appreciate your work on my behalf.',
];

/** After a closed position or an agency's note: thanks for what the candidate did have. */
const ALSO: Record<'interview' | 'test', readonly string[]> = {
  interview: [
    'I am grateful, too, for the interview and the time given to me.',
    'Thank you, too, for the interview: I appreciated the time given to me.',
    'I also appreciated the chance to interview.',
    'I appreciated the interview as well.',
  ],
  test: [
    'I am grateful, too, for the chance to complete the assessment.',
    'I also appreciated the chance to work through the assessment.',
    'Thank you, too, for the opportunity to show my work through the assessment.',
    'I appreciated the assessment as well.',
  ],
};

export function accepted(s: Situation, pick: (list: readonly string[], move: string) => string): string {
  const also = s.stage === 'interview' || s.stage === 'test' ? ` ${pick(ALSO[s.stage], 'also')}` : '';
  if (s.agency) return `${pick(AGENCY, 'agency')}${also}`;
  if (s.closed) return `${pick(CLOSED, 'closed')}${also}`;
  return pick(ACCEPTED[s.stage ?? 'unknown'], 'accepted');
}

/** Move 4, first half: still interested. */
export const INTERESTED: readonly Say[] = [
  (p) =>
    p.company
      ? `I am still very interested in working at ${p.company}.`
      : 'I am still very interested in working with your team.',
  (p) =>
    p.company ? `My interest in ${p.company} is as strong as ever.` : 'My interest in your team is as strong as ever.',
  (p) =>
    p.company
      ? `I would still very much like to work at ${p.company}.`
      : 'I would still very much like to work with your team.',
  (p) => (p.company ? `I remain very interested in ${p.company}.` : 'I remain very interested in joining your team.'),
];

/** Move 4, second half, when the email offered nothing: the owner's own request. */
export const KEEP_IN_MIND: readonly string[] = [
  'Please keep me in mind for other positions that may open.',
  'If another suitable role opens, I would be glad to be considered.',
  'I hope you will keep me in mind for future openings.',
  'I would welcome the chance to be considered for a future opening.',
];

/** Move 4 for an agency: other roles the recruiter may be working on. */
export const KEEP_IN_MIND_AGENCY: readonly string[] = [
  'Please keep me in mind for other roles you are working on.',
  'I would be glad to hear about other roles that might suit me.',
  'If another suitable role comes your way, I would be glad to hear from you.',
  'I hope we can keep working together on other opportunities.',
];

/** Move 4 for a closed position: it may open again. */
export const KEEP_IN_MIND_CLOSED: readonly string[] = [
  'If the position opens again, or another one does, I would be glad to be considered.',
  'Should the role come back, or a similar one open, please keep me in mind.',
  'I hope you will think of me if the role returns or another one opens.',
  'If hiring resumes, I would welcome the chance to be considered again.',
];

/** The answer to each offer the email made, in the email's own terms. */
const ANSWER: Record<Offer['kind'], readonly ((o: Offer) => string)[]> = {
  feedback: [
    () => 'I would gladly take you up on your offer of feedback.',
    () => 'I would be grateful for the feedback you offered.',
    () => 'Thank you for offering feedback; I would very much welcome it.',
    () => 'I would appreciate hearing the feedback you mentioned.',
  ],
  talk: [
    () => 'I would be glad to take you up on your offer to talk.',
    () => 'I would welcome the chance to talk, as you suggested.',
    () => 'Thank you for offering to talk it through; I would like that.',
    () => 'I would appreciate the conversation you offered.',
  ],
  'other-opening': [
    (o) =>
      o.opening
        ? `I would welcome being considered for the ${o.opening} role you mentioned.`
        : 'I would welcome hearing more about the other opportunity you mentioned.',
    (o) =>
      o.opening
        ? `I would be very glad to be considered for the ${o.opening} role.`
        : 'I would be very glad to hear more about the opportunity you mentioned.',
    (o) =>
      o.opening
        ? `Thank you for thinking of me for the ${o.opening} role; I would like that very much.`
        : 'Thank you for thinking of me for another opportunity; I would like that very much.',
    (o) =>
      o.opening
        ? `I would be glad to be put forward for the ${o.opening} role you mentioned.`
        : 'I would be glad to hear about the other opportunity you mentioned.',
  ],
  'role-reopens': [
    () => 'If the role opens again, I would be very glad to hear from you.',
    () => 'I would welcome hearing from you if the position comes back.',
    () => 'Should the role return, I would be glad to be considered again.',
    () => 'Thank you for offering to get in touch if the role comes back; I would like that.',
  ],
  'future-role': [
    () => 'Thank you for offering to keep me in mind; I would be glad to hear from you about future roles.',
    () => 'I would be glad to hear from you when something suitable opens, as you kindly offered.',
    () => 'I appreciate your offer to get in touch about future roles, and I would welcome it.',
    () => 'I would be very glad to hear from you about a future role.',
  ],
  'talent-pool': [
    () => 'Thank you for keeping my details on file; I would be glad to be considered for future openings.',
    () => 'I am glad you will keep my details, and I would welcome hearing about future roles.',
    () => 'I appreciate you keeping my details for future openings.',
    () => 'I am glad to stay on your list, and I would welcome the chance to be considered again.',
  ],
  'apply-again': [
    () => 'I will keep an eye on your openings and would be glad to apply again.',
    () => 'Thank you for the invitation to apply again; I will watch for future openings.',
    () => 'I will certainly look out for future openings and apply again.',
    () => 'I appreciate the encouragement to apply again, and I intend to.',
  ],
  'stay-in-touch': [
    () => 'I would be glad to stay in touch.',
    () => 'I would like to stay in touch as well.',
    () => 'Staying in touch would be a pleasure.',
    () => 'I would very much like to keep in touch.',
  ],
};

/** The kinds that speak of a future role (one is answered) and the kinds that offer a conversation (one more). */
const ROLE_KINDS: readonly Offer['kind'][] = [
  'other-opening',
  'role-reopens',
  'future-role',
  'talent-pool',
  'apply-again',
  'stay-in-touch',
];
const TALK_KINDS: readonly Offer['kind'][] = ['feedback', 'talk'];

/**
 * The sentences that take up what the email offered: its most specific offer of a role, and an
 * offer of feedback or a talk — each only when the email made it.
 */
export function answers(
  offers: readonly Offer[],
  pick: <T>(list: readonly T[], move: string) => T,
): { role: string | null; talk: string | null } {
  const say = (kinds: readonly Offer['kind'][]) => {
    const offer = kinds.map((k) => offers.find((o) => o.kind === k)).find((o) => o !== undefined);
    return offer ? pick(ANSWER[offer.kind], `offer-${offer.kind}`)(offer) : null;
  };
  return { role: say(ROLE_KINDS), talk: say(TALK_KINDS) };
}
