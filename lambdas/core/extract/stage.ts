// How far the candidacy got before the rejection: an interview (any call, screen, conversation,
// onsite or visit with the company), a test (an assessment, coding challenge, take-home or case
// study, and no interview shown), or the application alone. Null when the email does not say: a
// letter that thanks for an interview nobody had rings false, so each answer needs words for it.
//
// Recruiters say it in endless wordings, so the rules are built from word classes, not sentences:
// a kind of meeting or of test (interview, phone screen, video call, onsite; assessment, coding
// challenge, take-home), each in a frame that puts it in the past — thanked for ("thank you for
// the call"), come after ("following our conversation"), done ("completing the case study",
// "the people you met"), enjoyed ("a pleasure speaking with you"), looked back on ("feedback from
// the panel"). A frame preceded in its sentence by a condition or a future ("if you are invited
// to interview", "once you complete the assessment") or a negation says nothing.

import { anyOf, eachMatch } from '../text/index.ts';

export type Stage = 'application' | 'test' | 'interview';

const words = (list: string): string => list.trim().split(/\s+/).join('|');

/** A meeting with the company, as a noun: "interview", "phone screen", "chat", "onsite". */
const MEETING = String.raw`(?:${words(String.raw`
  interviews? interview\s+(?:process|loop|day|stage|round)s? (?:phone|video|initial|recruiter|technical|first)\s+screen(?:ing)?s?
  screening\s+calls? calls? conversations? chats? meetings? onsites? on-sites? (?:site|office|campus|onsite|on-site)\s+visits?
  panels? superdays? discussions? coffee presentations? phone(?:\s+calls?)? visits?(?=\s+to\s+(?:our|the)\s+(?:[^\s.,;:!?()\[\]]+\s+)?(?:office|offices|campus|studio|store|headquarters|hq|facility|lab|plant|warehouse)\b)
  (?:final|second|third|fourth|last|later|first|technical|panel|onsite|phone|video|culture|behaviou?ral|hr)\s+(?:round|stage)s?
  gespr[äa]ch vorstellungsgespr[äa]ch bewerbungsgespr[äa]ch entretiens? [ée]changes? entrevistas? conversaci[óo]n
  conversa gesprek(?:ken)? sollicitatiegesprek(?:ken)? kennismakingsgesprek
`)})`;
/** A test set by the company: "assessment", "coding challenge", "take-home", "case study". */
const TEST = String.raw`(?:${words(String.raw`
  assessments? tests? (?:coding|technical|programming|design|data|online|engineering)\s+challenges? take-?homes?
  take\s+homes? exercises? case\s+stud(?:y|ies) assignments? tasks? homework work\s+samples? trial\s+(?:task|day|shift)s?
  code coding hackerrank codility codesignal
`)})(?!\s+of\b)`;
/** Words between a determiner and the noun: "your [recent video] interview", "the [technical] assessment". */
const MODIFIERS = String.raw`(?:[^\s.,;:!?()\[\]]+\s+){0,3}?`;
/** A meeting as a verb: "to speak", "for meeting", "taking the time to chat". */
const MEETING_VERB = String.raw`(?:interview(?:ing)?|speak(?:ing)?|talk(?:ing)?|meet(?:ing)?|chat(?:ting)?|connect(?:ing)?|visit(?:ing)?|sit(?:ting)? down|hang(?:ing)? out|pair(?:ing)?|present(?:ing)?)`;
/** A meeting that took place, as a past verb: "you met", "we spoke". */
const MET = String.raw`(?:interviewed|spoke|spoken|talked|met|chatted|visited|connected|sat down)`;
/** What says a meeting or test was done: "completing", "submitted", "the effort you put into". */
const DONE = String.raw`(?:participation in|attendance at|completion of|involvement in|complet(?:ed|ing)|finish(?:ed|ing)|submitt(?:ed|ing)|attend(?:ed|ing)|participat(?:ed|ing) in|t(?:ook|aking) part in|t(?:ook|aking)|did|doing|went through|going through|sat|sent (?:us |in )?|turned in|work(?:ed|ing) on|put into|putting into|invested in|spent on|made it (?:to|through))`;
const OWNER = String.raw`(?:your|the|our|this|all|both|each|every|several|two|three|four|five|multiple|[^\s.,;:!?()\[\]]+'s)`;
const THANKS = String.raw`(?:thank(?:s| you)|many thanks|grateful|appreciat(?:e|ed|ion)|danke|vielen dank|merci|gracias|bedankt|dank (?:je|u)|obrigad[oa])`;
const FOR = String.raw`(?:for|f[üu]r|pour|por|voor|pela|pelo)`;
const FOREIGN_OWNER = String.raw`(?:das|die|den|ihr\w*|unser\w*|l'|le|la|les|votre|vos|notre|nos|el|su|sus|nuestr[ao]s?|het|de|ons|onze|uw|je|a|o|as|os|nossa|sua)`;

// No 'u' flag: it makes V8 search several times slower, and the frames need no Unicode classes
// (a word is a run of anything but spaces and punctuation).
const frame = (source: string): RegExp => new RegExp(source, 'gi');

/** A meeting noun that only describes the next noun: "interview dates", "the video interview programme". */
const NOUN_AFTER = String.raw`(?!\s+(?:dates?|slots?|times?|availability|invitations?|requests?|programm?e?s?)\b)`;

/** Frames that put a noun of `kind` in the past. */
function pastFrames(kind: string): RegExp[] {
  return [
    // "Thank you for your time and for the interview", "thanks for Friday's call", "merci pour
    // l'entretien"
    frame(
      String.raw`\b${THANKS}\b[^.!?\n]{0,40}?\b${FOR}\s+(?:(?:taking|making)\s+the\s+time\s+for\s+)?(?:${OWNER}|${FOREIGN_OWNER})\s*${MODIFIERS}${kind}\b${NOUN_AFTER}`,
    ),
    // Thanks for several things, the meeting last among them: "thanks for your application …
    // and for the phone chat on Monday". Further on, at most one word may stand before the noun:
    // "and for your flexibility around interview dates" thanks for no meeting.
    frame(
      String.raw`\b${THANKS}\b[^.!?\n]{0,160}?\band\s+(?:also\s+)?for\s+${OWNER}\s+(?:[^\s.,;:!?()\[\]]+\s+)?${kind}\b${NOUN_AFTER}`,
    ),
    // "after our conversation", "following your interviews with the team", "since the onsite"
    frame(
      String.raw`\b(?:after|following|further\s+to|since|during|throughout|from|at)\s+${OWNER}\s+${MODIFIERS}${kind}\b`,
    ),
    // "so much of your time across two interviews" — not "our process runs across two interviews"
    frame(String.raw`\btime\s+(?:across|over)\s+${OWNER}\s+${MODIFIERS}${kind}\b`),
    // "completing the coding challenge", "took part in the interview process", "the effort you put into the case study"
    frame(String.raw`\b${DONE}\s+(?:in\s+|on\s+)?(?:${OWNER}|an?)\s+${MODIFIERS}${kind}\b`),
    // "your interview feedback", "the assessment results": the noun's own feedback
    frame(String.raw`\b(?:your|the)\s+${kind}\s+(?:feedback|notes|results?|scores?|performance|outcome)\b`),
    // "your energy in the second interview", "how you did in your technical assessment"
    frame(
      String.raw`\bin\s+(?:your|the)\s+(?:first|second|third|fourth|final|last|recent|earlier|technical|phone|video|panel|onsite)\s+${kind}\b`,
    ),
    // "feedback from the panel", "the results of your assessment", "based on your take-home"
    frame(
      String.raw`\b(?:feedback|notes|results?|scores?|impressions?|outcome|performance|based)\s+(?:from|of|on|in)\s+${OWNER}\s+${MODIFIERS}${kind}\b`,
    ),
    // "your interview with Dana", "the assessment you completed", "your interviews last week"
    frame(
      String.raw`\b(?:your|the)\s+${MODIFIERS}${kind}\s+(?:with\s+(?!us\s+(?:in|at)\b)|last\s|yesterday|earlier|went\b|you\s+(?:had|did|took|completed|submitted|sent|attended)\b)`,
    ),
    // "after reviewing your take-home", "we reviewed your application and coding assessment"
    frame(
      String.raw`\b(?:review(?:ed|ing)?|evaluat(?:ed|ing)|assess(?:ed|ing)|look(?:ed|ing) (?:at|over|through))\s+(?:of\s+)?(?:your|the)\s+(?:[^\s.,;:!?()\[\]]+\s+){0,4}?${kind}\b`,
    ),
  ];
}

const INTERVIEW_FRAMES: readonly RegExp[] = [
  ...pastFrames(MEETING),
  // "Thank you so much for speaking with me", "after meeting with the team", "for taking the time to chat with us"
  frame(
    // ("… selected other candidates for interview." is the noun, not a meeting had: before a full
    // stop only a meeting verb's "-ing" form counts — "for interviewing.", not "for interview.".
    // The lookahead asks for "-ing"; MEETING_VERB says which verbs.)
    String.raw`\b(?:for|after)\s+(?:(?:taking|making)\s+(?:the\s+)?time\s+to\s+)?(?:${MEETING_VERB}\s+(?:with|to|for|you|your|the|us|me)\b|(?=\w+ing\b)${MEETING_VERB}\s*[.,!])|\bappreciat\w*\s+you\s+(?:taking\s+the\s+time\s+to\s+)?${MEETING_VERB}\b`,
  ),
  frame(String.raw`\b(?:took|taking)\s+the\s+time\s+to\s+${MEETING_VERB}\b`),
  // "I've heard back from Acme regarding your interview", "Acme have come back on Tuesday's final interview"
  frame(
    String.raw`\b(?:heard|come|came)\s+back\b[^.!?\n]{0,40}?\b(?:about|regarding|on|after|following)\s+${OWNER}\s+${MODIFIERS}${MEETING}\b`,
  ),
  // "the verbal offer I made to you", "the offer we extended": an offer follows interviews.
  frame(String.raw`\boffer\s+(?:that\s+)?(?:I|we)\s+(?:had\s+)?(?:made|extended|gave)\s+(?:to\s+)?you\b`),
  // "Thank you for the opportunity to interview", "thanks again for the chance to speak with you"
  frame(String.raw`\b${THANKS}\b[^.!?\n]{0,40}?\b(?:opportunity|chance)\s+to\s+${MEETING_VERB}\b`),
  // "Thank you for your time yesterday", "thanks for your time on Tuesday": time given on a day is a meeting.
  frame(
    String.raw`\b${THANKS}\b[^.!?\n]{0,20}?\bfor\s+(?:your|the)\s+time\s+(?:yesterday|today|earlier|this\s+(?:morning|afternoon|week)|last\s+\w+|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`,
  ),
  // "the people you met", "when we spoke", "you interviewed with", "everyone who interviewed you"
  frame(String.raw`\byou\s+(?:have\s+|had\s+|recently\s+|all\s+|both\s+)?${MET}\b`),
  frame(
    String.raw`\b(?:we|I)\s+(?:have\s+|had\s+|recently\s+)?${MET}\b(?!\s+(?:with\s+)?(?:the|our|internally|many|several|a number of|other|lots of|some|all)\b)`,
  ),
  frame(String.raw`\b${MET}\s+(?:with\s+)?you\b`),
  // "It was a pleasure meeting you", "I enjoyed our conversation", "great to meet you"
  frame(
    String.raw`\b(?:enjoyed|pleasure|nice|great|lovely|wonderful|good)\s+(?:to\s+)?(?:${MEETING_VERB}|getting to know)\b`,
  ),
  frame(String.raw`\benjoyed\s+${OWNER}\s+${MODIFIERS}${MEETING}\b`),
  // "the time you spent interviewing", "the time you took to speak with us", "your time chatting with"
  frame(
    String.raw`\btime\s+(?:that\s+)?(?:you\s+)?(?:have\s+)?(?:spent|invested|took|taken|dedicated|gave|given)\s+(?:\w+\s+){0,2}?${MEETING_VERB}\b|\btime\s+you\s+(?:gave|spent\s+with)\s+us\s+(?:across|in|on|during)\s+${OWNER}\s+${MODIFIERS}${MEETING}\b|\bfor\s+spending\s+(?:the|a|your)\s+(?:day|morning|afternoon|evening|time)\s+with\s+us\b|\b(?:your|the)\s+time\s+${MEETING_VERB}\s+(?:with|for|to)\b|\btime\s+(?:you\s+)?spent\s+with\s+(?:us|me|(?:our|the)\s+(?:team|panel))\b`,
  ),
  // "the time you spent with Jordan", "with Paul and me": someone named, so a capital letter — the
  // one frame that minds case ("the time you spent with this application" is no meeting).
  /\b[Tt]ime\s+you\s+spent\s+with\s+[A-Z][a-z]+\b/g,
  // "for coming in", "for joining us on the office tour", "for visiting us"
  frame(
    String.raw`\b(?:for|after|appreciate\s+you)\s+(?:coming|stopping)\s+(?:in|by|into|along|to\s+(?:our|the|see|meet))\b|\b(?:for|after)\s+(?:joining|visiting)\s+us\b|\bthe\s+trip\s+in\s+to\s+(?:meet|see)\b`,
  ),
  // "the interviewers", "the interview panel"
  frame(String.raw`\b(?:the|your|our|all)\s+interview(?:ers|\s+panel|\s+team)\b`),
];

const TEST_FRAMES: readonly RegExp[] = pastFrames(TEST);

const PAPER = String.raw`(?:application|resum[eé]|cv|background|profile|qualifications|materials|submission|candidacy|portfolio|cover\s+letter)s?`;
/** Said when the candidate was judged on paper. */
const REVIEW_FRAMES: readonly RegExp[] = [
  frame(
    String.raw`\b(?:after|upon|following|on|having|with)\s+(?:a\s+|the\s+)?(?:careful(?:ly)?\s+|thorough(?:ly)?\s+|further\s+|closer\s+|close\s+|full\s+|initial\s+)?(?:review(?:ing|ed)?(?:\s+of)?|consideration\s+of|considering|looking\s+(?:at|over|through)|assessing|evaluating|reading)\s+(?:your|the)\s+(?:[^\s.,;:!?()\[\]]+\s+){0,2}?${PAPER}\b`,
  ),
  frame(
    String.raw`\b(?:we|I|team|recruiters|manager)\s+(?:have\s+|has\s+|had\s+)?(?:carefully\s+|thoroughly\s+)?(?:reviewed|considered|looked\s+(?:at|over|through)|read)\s+(?:your|the)\s+(?:[^\s.,;:!?()\[\]]+\s+){0,2}?${PAPER}\b`,
  ),
  frame(
    String.raw`\b(?:application|resum[eé]|cv|profile)\s+(?:was|has\s+been|had\s+been|were|have\s+been)\s+(?:carefully\s+|thoroughly\s+)?(?:reviewed|considered)\b`,
  ),
];
/** An interview expressly not given: "unable to offer you an interview", "won't be scheduling an interview". */
const NO_INTERVIEW: readonly RegExp[] = [
  frame(
    String.raw`(?:n't|\bnot|\bcannot|\bunable to)\s+(?:be(?:en)?\s+)?(?:offer(?:ing)?|extend(?:ing)?|schedul(?:e|ing)|arrang(?:e|ing)|invit(?:e|ing)|invited|selected|progress(?:ing)?|advanc(?:e|ing)|mov(?:e|ing))\s+(?:you\s+|your\s+(?:application|candidacy)\s+)?(?:forward\s+)?(?:(?:to|for|into|with)\s+)?(?:an?\s+|any\s+|the\s+)?(?:invitation\s+to\s+(?:an?\s+)?)?interviews?\b(?!\s+(?:with|for)\s+(?:an?other|other|a different))`,
  ),
];

/**
 * In the sentence before a frame: a condition, a request or what would have been ("if you are
 * invited to", "please complete", "you'd have met the team at the onsite").
 */
const CONDITION =
  /\b(?:if|once|should|unless|until|before|whether|when you|when we|invit\w*|schedul\w*|upcoming|please|prepare|hope|hoping|look(?:ing)? forward|in advance)\b|\?|(?:\b(?:would|could|might)|'d)\s+have\s/i;
/** Just before a frame or inside it: a future, a possibility, a negation ("will", "next", "didn't"). */
const NEAR =
  /n't\b|\b(?:not|never|without|will|would|could|shall|going to|can|may|might|need to|asked to|required to|must|ready to|next|future|potential|possible|additional)\b|'(?:ll|d)\b/i;
/** "you'd already completed two interviews": 'd right before a past participle is "had", not "would". */
const HAD = /'d\s+(?:already\s+|just\s+)?$/i;
const PARTICIPLE = /^(?:\w+ed|met|done|spoken|taken|sat|been|had)\b/i;
/**
 * After a frame: "your interview with us is scheduled for …", "the interview panel will reach
 * out", "a call next week".
 */
const STILL_TO_COME =
  /^[^.!?\n]{0,40}?\b(?:is|are|will|would|shall|has been|have been)\s+(?:be\s+)?(?:scheduled|confirmed|booked|arranged|set up|reach(?:ing)? out|contact|in touch|sent)\b|^[^.!?\n]{0,40}?'ll\b|^\s+(?:next\s+(?:week|month)|tomorrow|later\s+this)\b/i;

const THANKED = new RegExp(`^${THANKS}`, 'i');

/**
 * Whether one of `frames` is said of the past. `own`: the frames carry their own negation (an
 * interview not given), so only a condition before them sets them aside.
 */
function said(frames: readonly RegExp[], text: string, own = false): boolean {
  // Most mail matches none of the frames: one search with all of them at once tells.
  const gate = GATES.get(frames);
  if (gate !== undefined && !gate.test(text)) return false;
  let found = false;
  for (const re of frames) {
    eachMatch(re, text, (m) => {
      if (found) return;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const clause = before.slice(
        Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf('!')) + 1,
      );
      if (CONDITION.test(clause)) return;
      if (!own) {
        // Thanks are for what happened, whatever comes before: "we would like to thank you for the call".
        const before = HAD.test(clause) && PARTICIPLE.test(m[0]) ? clause.replace(HAD, '') : clause;
        if (!THANKED.test(m[0]) && NEAR.test(before.slice(-15))) return;
        if (NEAR.test(m[0]) || CONDITION.test(m[0])) return;
      }
      if (STILL_TO_COME.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return;
      found = true;
    });
    if (found) return true;
  }
  return false;
}

/** Each list of several frames as one search (every frame starts with \b and a letter). */
const GATES = new Map<readonly RegExp[], RegExp>(
  [INTERVIEW_FRAMES, TEST_FRAMES, REVIEW_FRAMES].map((frames) => [frames, anyOf(frames)]),
);

/** An invitation still open: then "after reviewing your application" is what led to it, not the end. */
const INVITATION = new RegExp(
  String.raw`\b(?:invite|inviting|invitation|schedule|scheduling|book|set up|arrange)\s+(?:you\s+)?(?:to\s+|for\s+)?(?:an?\s+|the\s+|your\s+|a\s+time\s+for\s+)?(?:[^\s.,;:!?()\[\]]+\s+){0,2}?(?:${MEETING}|${TEST})\b|\b(?:like|love|want)\s+to\s+(?:[^\s.,;:!?()\[\]]+\s+){0,4}?${MEETING_VERB}\b|\blook(?:ing)?\s+forward\s+to\s+${MEETING_VERB}|\byour\s+availability\b`,
  'i',
);

/**
 * The words every frame of a kind holds, searched once: most mail names no meeting and no test,
 * and a frame costs a search of the whole text, so mail without them skips the frames.
 */
const MEETING_WORD =
  /interview|screen|\bcalls?\b|conversa|\bchat|\bmeet|\bmet\b|on-?site|visit|panel|superday|discussion|coffee|present|\bpair|hanging out|spending the|spent with|phone|\bround|\bstage|\bspeak|\bspok|\btalk|connect|sat down|getting to know|\bcoming\b|joining us|stopping by|\btime\s+(?:yesterday|today|earlier|this|last|on)\b|gespr|entretien|[ée]change|entrevista|gesprek/i;
const TEST_WORD =
  /assess|\btests?\b|challenge|take[- ]?home|exercise|case stud|assignment|\btasks?\b|homework|work sample|\btrial|\bcod(?:e|ing)\b|hackerrank|codility|codesignal/i;
const PAPER_WORD = /review|consider|look|read|assess|evaluat/i;

/**
 * A subject that names the meeting ("Practice Nurse interview", "Final round – Engineering
 * Manager", "Re: your onsite"): a decision under it came after the meeting — unless the subject
 * still asks for one ("Interview invitation", "Scheduling your interview").
 */
const MEETING_SUBJECT =
  /\b(?:interviews?|(?:final|second|third|last)\s+(?:round|stage)|on-?sites?|panel|superday|chat|call|conversation)\b/i;
const ASKING_SUBJECT =
  /invit|schedul|\bbook|availab|confirm|request|upcoming|reminder|next\s+steps?|prepar|tomorrow|\?/i;

/** `text`: the subject and the body, normalised (one kind of quote and dash); `subject` alone. */
export function findStage(text: string, subject = ''): Stage | null {
  const meeting = MEETING_WORD.test(text);
  if (meeting && said(INTERVIEW_FRAMES, text)) return 'interview';
  if (MEETING_SUBJECT.test(subject) && !ASKING_SUBJECT.test(subject)) return 'interview';
  if (TEST_WORD.test(text) && said(TEST_FRAMES, text)) return 'test';
  // The negation is the frame's own: only a condition sets it aside.
  if (meeting && said(NO_INTERVIEW, text, true)) return 'application';
  if (PAPER_WORD.test(text) && said(REVIEW_FRAMES, text, true) && !INVITATION.test(text)) return 'application';
  return null;
}
