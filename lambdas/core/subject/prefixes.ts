// Clients prefix the subject of a forward; the original subject is what the letter replies to.
const FORWARD_WORDS = 'fwd?|fw|tr|wg|rv|i';
const FORWARD_PREFIX = new RegExp(`^\\s*((${FORWARD_WORDS})\\s*:\\s*)+`, 'i');

export function stripForwardPrefix(subject: string): string {
  return subject.replace(FORWARD_PREFIX, '').trim();
}

// Every reply and forward prefix, in the languages clients write them ("AW:", "RE[2]:"), and the
// "[External]" tags mail gateways add: none is part of what the email is about.
const ANY_PREFIX = new RegExp(
  `^\\s*(?:(?:re|aw|sv|vs|antw|${FORWARD_WORDS})(?:\\[\\d+\\])?\\s*:\\s*|\\[(?:external|ext|extern|external email|external sender|caution)\\]\\s*)+`,
  'i',
);

/** "Re: FW: [External] Your application" → "Your application". */
export function bareSubject(subject: string): string {
  return subject.replace(ANY_PREFIX, '').trim();
}
