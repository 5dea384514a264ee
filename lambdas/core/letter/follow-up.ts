// The follow-up: a short check-in weeks after the thank-you, to the same person in the same
// thread — still interested, one line the owner writes about what they have done since, and a
// request to be kept in mind for openings. Brief like the thank-you, and as honest: the line
// about the owner is theirs to write (a marked blank, refused until filled or deleted).
import type { Letter } from '../case/index.ts';
import type { Extraction } from '../extract/index.ts';
import { greetingLine } from './greeting.ts';
import type { Voice } from './draft.ts';

/** Marks the line only the owner can write. Sending is refused while it is in the body. */
export const SINCE_PLACEHOLDER =
  '[Since then: one line about what you have done — a course, a project, a new skill — or delete this line.]';

/** Ending a check-in with "Again, thank you!" thanks for nothing said before it: the default closing gives way. */
const DEFAULT_CLOSING = 'Again, thank you!';
const FOLLOW_UP_CLOSING = 'Best wishes,';

export interface FollowUpInput {
  /** The thank-you as it left: its greeting (as the owner approved it), recipient and thread. */
  sent: Letter;
  extraction: Extraction | undefined;
  voice: Voice;
}

/** The greeting the owner approved in the thank-you; one drafted anew if its first line is none. */
function greeting(sent: Letter, x: Extraction | undefined, voice: Voice): string {
  const first = sent.body.split('\n', 1)[0]!.trim();
  if (/^(?:dear|hi|hello)\b.*,$/i.test(first)) return first;
  return x ? greetingLine(x, voice.greeting) : 'Dear Hiring Team,';
}

export function draftFollowUp({ sent, extraction: x, voice }: FollowUpInput): Letter {
  const company = x?.company?.replace(/\.$/, '') ?? null;
  const role = x?.role?.replace(/[\s,:;–—-]+$/, '') || null;
  const about = role
    ? `the ${role} role${company ? ` at ${company}` : ''}`
    : company
      ? `a role at ${company}`
      : 'the role';
  const closing =
    voice.closing.trim() && voice.closing.trim() !== DEFAULT_CLOSING ? voice.closing.trim() : FOLLOW_UP_CLOSING;
  const paragraphs = [
    greeting(sent, x, voice),
    `I hope you are well. Some weeks ago you let me know about ${about}, and I wanted to check in: I am still very interested in ${company ? `working at ${company}` : 'working with you'}.`,
    SINCE_PLACEHOLDER,
    'If an opening comes up that could suit me, I would be grateful if you kept me in mind.',
    closing,
    [voice.signOff, ...voice.signature].filter(Boolean).join('\n'),
  ];
  return {
    to: sent.to,
    toName: sent.toName,
    subject: sent.subject,
    body: paragraphs.join('\n\n'),
    // The thank-you's thread: the interviewer's email and everything before it.
    inReplyTo: sent.inReplyTo,
    references: sent.references,
  };
}
