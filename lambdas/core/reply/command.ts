// What the owner's reply to a draft email asks for. Its first visible line decides; quoted text
// and signatures never count, and anything that is neither a clear command nor a letter does nothing.
import EmailReplyParser from 'email-reply-parser';
import { looksLikePersonName, ROLE_WORD } from '../names/index.ts';

export type ReplyCommand =
  | { kind: 'send' }
  | { kind: 'discard' }
  | { kind: 'revise'; body: string }
  /** The email is no rejection: the owner's label, and a waiting draft discarded. */
  | { kind: 'not-rejection' }
  /** To a notice: draft a thank-you anyway. */
  | { kind: 'draft' }
  | { kind: 'empty' }
  /** Short, and neither a clear "send", a clear "discard", nor a letter: nothing is done. */
  | { kind: 'unclear'; said: string };

// A command is a short first line made only of these words, with at least one that decides.
const SEND_WORDS = new Set(
  'send it yes yep yeah ok okay please approve approved go ahead sure thanks thank you now looks good lgtm great perfect the letter'.split(
    ' ',
  ),
);
const SEND_DECIDES = new Set('send yes yep yeah ok okay approve approved go lgtm sure'.split(' '));
const DISCARD_WORDS = new Set(
  "discard it no nope thanks thank you please cancel delete scrap the letter draft don't dont do not send".split(' '),
);
const DISCARD_DECIDES = /\b(?:discard|cancel|delete|scrap|no|nope|don't send|dont send|do not send)\b/;
/**
 * The whole first line says the email is no rejection — "Not a rejection", "No, this isn't a
 * rejection" — and nothing else: "not a rejection?" asks, and "not a rejection, but …" or "it's a
 * rejection, not an offer" are not it.
 */
const NOT_REJECTION =
  /^(?:(?:no|nope) )?(?:(?:this|that|it)(?: is|'s| was)? )?(?:not|isn't|isnt|wasn't|wasnt) (?:a |an )?rejection(?: at all)?(?: thanks| thank you)?$/;
/** The whole first line asks for a letter: "draft", "Yes, draft it anyway", "draft a thank-you please". */
const DRAFT =
  /^(?:(?:yes|ok|okay|sure|please) )*draft(?: (?:it|one|the letter|a letter|a thank you(?: letter| note)?))?(?: anyway)?(?: please| thanks| thank you)?$/;
/** A revised letter is a letter: a greeting, a sentence, a name — a few lines and words at least. */
const MIN_LETTER_WORDS = 8;
const GREETING_LINE = /^(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening))\b/i;
/** Words that make what follows a command a condition or an edit ("send, but change …"), not a signature. */
const INSTRUCTION =
  /\b(?:but|change|instead|wait|hold|until|except|first|before|after|unless|don't|dont|not|tomorrow|later|edit|fix|replace|remove|add|fill|actually|should|wrong)\b/i;
/** What a signature's lines look like: a sign-off, "Sent from …", a phone, an address or link, a job title. */
const SIGNATURE_LINE = [
  /^(?:thanks|thank you|many thanks|cheers|best|regards|kind regards|best regards|warm regards|sincerely|thx|ty)\b/i,
  /^(?:sent from|get outlook for)\b/i,
  /(?:\+?\d[\d\s().-]{6,}\d)|@|https?:\/\/|www\./i,
];

function wordsOf(text: string): string[] {
  // Stryker disable next-line MethodExpression,Regex: a reply and the letter it is compared with fold case alike; empty words are dropped below.
  const words = text.toLowerCase().split(/[^\p{L}\p{N}']+/u);
  return words.filter(Boolean);
}

/**
 * A letter: it opens with a greeting, or most of its words are the current letter's (the owner
 * edited the draft). A signature, a phone number or a footer is not one.
 */
function letterLike(lines: readonly string[], current: string | undefined): boolean {
  const words = wordsOf(lines.join(' '));
  if (lines.length < 2 || words.length < MIN_LETTER_WORDS) return false;
  if (lines.slice(0, 3).some((l) => GREETING_LINE.test(l))) return true;
  if (current === undefined) return false;
  const mine = new Set(wordsOf(current));
  return words.filter((w) => mine.has(w)).length / words.length >= 0.5;
}

/**
 * Lines that only sign a command: a name, a title, a phone number, "Sent from my iPhone", a
 * thank-you. Each must look like one — "hold off until Monday" or "in a week or so" does not.
 */
function signsOnly(lines: readonly string[]): boolean {
  return (
    lines.length <= 6 &&
    lines.every((l) => {
      if (l.split(/\s+/).length > 8 || INSTRUCTION.test(l) || l.includes('?')) return false;
      const bare = l.replace(/[,.!]+$/, '');
      return looksLikePersonName(bare) || ROLE_WORD.test(l) || SIGNATURE_LINE.some((re) => re.test(l));
    })
  );
}

/**
 * What the owner's reply asks for. Quoted text and signatures never count. `current` is the
 * letter as it stands, to tell an edited letter from other text.
 */
export function replyCommand(text: string, current?: string): ReplyCommand {
  const visible = new EmailReplyParser().read(text.replace(/\r\n/g, '\n')).getVisibleText().trim();
  if (!visible) return { kind: 'empty' };
  const lines = visible
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const firstLine = lines[0]!;
  // Typographic apostrophes and single quotes read as the plain one.
  // Stryker disable next-line StringLiteral: dropped instead, they change no listed word ("dont" is listed too).
  const plain = firstLine.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  // Words and spaces only — quote marks around a word ('send it', ‘OK’) are not part of it, an
  // apostrophe inside one is; every use below splits on spaces or matches whole words.
  const first = plain
    .replace(/[^\p{L}\p{N}' ]|'(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])'/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = first.split(' ').filter(Boolean);
  // Each decides only with a deciding word, so a line with no words decides nothing.
  const discard = words.every((w) => DISCARD_WORDS.has(w)) && DISCARD_DECIDES.test(first);
  // "Don't send" decides nothing for sending; "Don't discard it, send it" decides both ways: unclear.
  // Stryker disable next-line StringLiteral: what is cut out stands between spaces already.
  const sendWords = first.replace(/\b(?:don't|dont|do not) send\b/g, ' ').split(' ');
  const send =
    words.every((w) => SEND_WORDS.has(w) || DISCARD_WORDS.has(w)) && sendWords.some((w) => SEND_DECIDES.has(w));
  // "Send it?" asks, it does not tell.
  const asks = firstLine.endsWith('?');
  const command: ReplyCommand | null = asks
    ? null
    : NOT_REJECTION.test(first)
      ? { kind: 'not-rejection' }
      : DRAFT.test(first)
        ? { kind: 'draft' }
        : discard && !send
          ? { kind: 'discard' }
          : send && !DISCARD_DECIDES.test(first)
            ? { kind: 'send' }
            : null;
  const rest = lines.slice(1);
  if (command?.kind === 'not-rejection' || command?.kind === 'draft') {
    // Said alone or signed; a letter or anything else under it contradicts or conditions it.
    if (signsOnly(rest) && !letterLike(rest, current)) return command;
  } else if (command) {
    // "Yes,\n\nDear Olivia, …": the letter that follows the word is the answer.
    if (letterLike(rest, current))
      return { kind: 'revise', body: visible.slice(visible.indexOf(firstLine) + firstLine.length).trim() };
    // A command stands alone or signed ("Send it!\n\nSam Rivera\nOffice Manager"); "Yes\nbut
    // change the name first" is neither a command nor a letter.
    if (signsOnly(rest)) return command;
  } else if (letterLike(lines, current)) {
    return { kind: 'revise', body: visible };
  }
  return { kind: 'unclear', said: firstLine.slice(0, 80) };
}

/** To a follow-up's draft email, besides the thank-you's commands: "not now" and "stop". */
type FollowUpCommand = ReplyCommand | { kind: 'snooze' } | { kind: 'stop' };

const SNOOZE = /^(?:not now|not yet|later|snooze(?: it)?|maybe later)(?: please| thanks| thank you)?$/;
const STOP =
  /^(?:stop|stop it|stop them|stop (?:the )?follow ?ups?|stop following up|no more follow ?ups?|no follow ?ups?)(?: please| thanks| thank you)?$/;

/**
 * What the owner's reply to a follow-up's draft email asks for: "not now" (ask again later) and
 * "stop" (no follow-up on this case) said alone on the first line, else what a reply to a draft
 * email asks for.
 */
export function followUpCommand(text: string, current?: string): FollowUpCommand {
  const visible = new EmailReplyParser().read(text.replace(/\r\n/g, '\n')).getVisibleText().trim();
  const lines = visible
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const first = (lines[0] ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (signsOnly(lines.slice(1)) && !letterLike(lines.slice(1), current)) {
    if (SNOOZE.test(first)) return { kind: 'snooze' };
    if (STOP.test(first)) return { kind: 'stop' };
  }
  return replyCommand(text, current);
}
