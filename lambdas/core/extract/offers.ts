// What a rejection offers for the future, in the recruiter's own sentence: feedback, a talk, a
// named other opening, word if the role comes back, a place in a talent pool, an invitation to
// apply again, or to stay in touch. The letter answers each offer the email made and no other:
// an offer read where none was made would put words in the recruiter's mouth.
//
// Read sentence by sentence. Each kind needs its own words together in one sentence (a feedback
// offer needs "feedback" and a willingness or a way to ask for it), and a sentence that refuses
// ("we cannot keep your details", "you may not reapply") or sits in a question the candidate is
// asked to answer about something else offers nothing.

import { anyOf } from '../text/index.ts';

// Patterns with \p{…} are built once, here: esbuild (and tsx) write each such literal as
// `new RegExp(…)` for Node 20 and 22, so one written inside a function is built on every call.
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=["'(]?\p{Lu})|\n/u;

type OfferKind =
  /** Feedback on the candidacy: "happy to share more detailed feedback", "feedback can be requested". */
  | 'feedback'
  /** A talk or a call: "happy to talk it through", "grab 20 minutes on my calendar". */
  | 'talk'
  /** Another opening offered to this candidate: "I'd like to put you forward for …". */
  | 'other-opening'
  /** Word if this role comes back: "if the role is re-opened we'll contact you first". */
  | 'role-reopens'
  /** Word of a future role: "I'll keep you in mind", "we'll reach out if something opens". */
  | 'future-role'
  /** The candidate's details kept: "we will keep your CV on file", "added to our talent pool". */
  | 'talent-pool'
  /** Welcome to apply again: "feel free to apply again", "explore other openings on our site". */
  | 'apply-again'
  /** "I'd love to stay in touch". */
  | 'stay-in-touch';

export interface Offer {
  kind: OfferKind;
  /** The sentence that makes the offer, as the email writes it (normalised spaces). */
  said: string;
  /**
   * For another opening: its title, exactly as the email writes it ("Assistant Front Office
   * Manager"), when the sentence names one; null otherwise.
   */
  opening: string | null;
}

const I = String.raw`(?:i|we|i'd|we'd|i'll|we'll|i've|we've|i'm|we're)`;
const WILLING = String.raw`(?:happy|glad|pleased|delighted|willing|keen|more than happy)`;

/** Each kind, in the order the letter answers them; the first that matches a sentence names it. */
const KINDS: readonly [OfferKind, RegExp][] = [
  [
    'feedback',
    new RegExp(
      [
        String.raw`\bfeedback\b[^.!?]*\b(?:can be|may be|is available|on request|request|requested|contact|reply|let (?:me|us) know|get in touch|please ask|ask for|attached|happy|glad|call)\b`,
        String.raw`\b${WILLING}\s+to\s+(?:look at|read) (?:a|an|your)\b`,
        String.raw`\b(?:would you like|if you(?:'d| would)? (?:like|want|wish)|should you (?:wish|like|want)|if useful|${WILLING}\s+to\s+(?:share|give|provide|offer|send|arrange|pass on|write|go through|walk you through))\b[^.!?]*\b(?:feedback|notes|pointers|comments|how your application was assessed)\b`,
        String.raw`\b(?:feedback|notes|comments|feedback report)\b[^.!?]*\b(?:is|are)\s+attached\b|\bi've attached\b[^.!?]*\b(?:comments|notes|feedback)\b`,
        String.raw`\bpush them for\b[^.!?]*\bfeedback\b|\bresults\b[^.!?]*\bon request\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'other-opening',
    new RegExp(
      [
        String.raw`(?<!\b(?:i|we) |letting me )\b(?:put you forward|submit you|send you in|put you in touch|intro(?:duce)? you|pass(?:ed)? your details|shared your details|pass your details)\b`,
        String.raw`\b(?:like|love|glad|happy|keen) to consider you for\b`,
        String.raw`\b${I}\s+(?:have\s+|'ve\s+)?got\s+(?:a|an|two|three|another|some)\b[^.!?]{0,80}\b(?:role|roles|position|positions|opening|contract|vacancy|vacancies)\b`,
        String.raw`\bwe have an?\s+(?:\d+-\w+\s+)?contract\b|\b(?:ring|call) you\b[^.!?]*\broles?\b`,
        String.raw`\b(?:role|position|opening)\s+like the one\b[^.!?]*\bsuit you\b`,
        String.raw`\bmay contact you directly about other vacancies\b|\bsometimes has extra capacity\b|\bmay hear from (?:her|him|them)\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'role-reopens',
    /\bif (?:the|this) (?:role|position|vacancy|opening|post|job) (?:is |were |gets |comes |becomes )?(?:re-?opened|reopens|comes back|back|opens (?:up )?again|available again)\b|\bwe'll shout if that changes\b/i,
  ],
  [
    'talent-pool',
    new RegExp(
      [
        String.raw`\b(?:keep|kept|keeping|retain|retained|hold onto|hold on to|remain|remains|stay|store|held|added|add)\b[^.!?]{0,50}\b(?:details|cv|resume|résumé|profile|application|information|you)\b[^.!?]{0,60}\b(?:on file|talent (?:pool|community|network|bank)|database|panel|live|records)\b`,
        String.raw`\b(?:keep|retain|hold onto|hold on to)\s+your\s+(?:details|cv|resume|résumé|profile|application)\b[^.!?]{0,30}\b(?:in case|should|if|for future|when)\b`,
        String.raw`\b(?:added|add|join)\b[^.!?]{0,40}\btalent (?:pool|community|network)\b|\btalent (?:pool|community|network)\b[^.!?]{0,40}\b(?:added|kept|remain)\b|\breceive alerts for similar roles\b`,
        String.raw`\bbanco de talentos\b|\bbase de candidats\b|\bconservons\b[^.!?]*\b(?:cv|coordonnées)\b|\bmantendremos tus antecedentes\b|\bpermanecerán en nuestra base\b|\brimarrà nel nostro archivio\b|\bop de hoogte\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'future-role',
    new RegExp(
      [
        String.raw`\b(?:keep|bear|have) you in mind\b|\bconsider you for (?:an?other|other|future)\b|\bthinking of you for\b|\bcome (?:find|to) you\b|\bsend it your way\b|\bgive you a (?:bell|ring|call)\b|\bkeep you posted\b|\bmake sure you hear about it\b|\bmelde ich mich\b`,
        String.raw`(?:\b(?:will|shall|would|may)|'ll)\s+(?:\w+\s+)?(?:reach out|reach back out|contact you|be in touch|get in touch|let you know|hear from us|message|come back to you|talk again)\b[^.!?]*\b(?:role|roles|position|opening|opportunit\w*|vacanc\w*|something|anything|requirement|mandate|project|hire|hiring|opens|comes up|arise|pops up|changes|happens|spots?)\b`,
        String.raw`\b(?:if|when|should|once|as soon as)\b[^.!?]*\b(?:role|position|opening|opportunit\w*|vacanc\w*|something|anything|spot|spots|project)\b[^.!?]*\b(?:reach out|contact you|be in touch|get in touch|let you know|hear from|come find you|send it your way|reach back out)\b`,
        String.raw`\b(?:love|like|keen) to talk again\b|\bme reaching out\b|\bkeep (?:my|your) details live\b|\bremain keen to represent you\b|\bshortlist for\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'apply-again',
    new RegExp(
      [
        String.raw`\bwelcome to (?:re-?)?apply\b|\bnext opportunity\b|\bencourage\w* you to\b[^.!?]*\broles\b|\b(?:re-?apply|apply again|applying again|try again|re-?sit|retake|re-take|get back in touch|check back|send an updated)\b`,
        String.raw`\b(?:welcome|encourage\w*|invite\w*|free|eligible|hope|discourage|hesitate|pleased to receive|can always|may)\b[^.!?]*\b(?:apply|applying|application)\b[^.!?]*\b(?:future|other|again|next|any|later)\b`,
        String.raw`\b(?:apply|applying|application)\b[^.!?]*\b(?:future|other|next) (?:roles?|positions?|openings?|opportunit\w*|vacanc\w*|cycle|intake|campaign|season|year)\b`,
        String.raw`\bconsider(?:ing)? (?:other|future|us for)\b`,
        String.raw`\b(?:look at|looking at|explore|exploring|visit|check|review|browse|keep an eye on|look out for|watch)\b[^.!?]*\b(?:openings|opportunit\w*|vacanc\w*|roles|positions|careers? (?:page|site|portal)|jobs page|insta|competition)\b`,
        String.raw`\bjob alerts?\b|\bnew (?:\w+ )?roles are posted\b|\btext.?alerts?\b|\bseguir revisando nuestras vacantes\b`,
      ].join('|'),
      'i',
    ),
  ],
  ['stay-in-touch', /\b(?:stay|keep) in touch\b/i],
  [
    'talk',
    new RegExp(
      String.raw`\b(?:${WILLING}|free)\s+to\s+(?:talk|chat|have a (?:chat|call|kōrero|word)|arrange a (?:short )?call|answer any questions|call you|set up)\b|\b(?:talk|chat) (?:it |this )?(?:through|over)(?: it| this)?\b|\bgrab \d+ minutes\b|\bproper chat\b|\bgive you a ring\b|\bcan i give you a ring\b|\bis happy to call you\b|\bset up \d+ minutes\b|\binformal discussion\b|\bup for a coffee\b`,
      'i',
    ),
  ],
];

/**
 * Every kind's pattern at once: a sentence none of them matches offers nothing, whatever else it
 * says, so most sentences are passed over with one search instead of one per kind.
 */
const ANY_KIND = anyOf(KINDS.map(([, re]) => re));

/** Cheap gate: a rejection without any of these words offers nothing the kinds above could read. */
const ANY =
  /feedback|notes|comments|forward|submit|touch|details|intro|consider|got|contract|suit|contact|capacity|hear|again|reopen|re-open|back|changes|file|talent|keep|retain|hold|remain|profile|cv|mind|thinking|find|your way|ring|bell|posted|reach|let you know|apply|retake|re-sit|openings|opportunit|vacanc|careers|jobs|alert|talk|chat|call|coffee|discussion|minutes|banco|base|conservons|mantendremos|archivio|hoogte|melde|vacante/i;

/** A sentence that refuses what the kinds would read as an offer: "we are unable to keep your details". */
const REFUSES =
  /\b(?:not|n't|unable to|cannot|can't|won't|no longer)\s+(?:(?:be\s+)?able\s+to\s+)?(?:(?:re-?)?apply|keep|retain|consider|hold|contact|reach|offer|provide|give|share)\b|\bnot (?:able|in a position) to (?:provide|offer|give|share) (?:individual |personal |detailed )?feedback\b|\bdue to the (?:high )?volume\b[^.!?]*\bfeedback\b/i;

/**
 * What the candidate already did, not what they may do: "thank you for exploring opportunities
 * with us", "the status of other positions you applied for", "you may have applied to others".
 */
const LOOKS_BACK =
  /\b(?:thank|appreciat)\w*\b[^.!?]*\bexplor\w*\b|\bstatus of\b|\b(?:have|has) applied\b|\bfor which you applied\b/i;

/** "Feedback" said of the decision itself ("the feedback from the panel was …") is no offer. */
const TOLD_NOT_OFFERED = /^(?:the|their|her|his|our) (?:feedback|panel)\b/i;

/** A role title inside the offer: "the Assistant Front Office Manager opening", "(Network Support Engineer)". */
const OPENING_TITLE =
  /\b(?:the|our|a|an)\s+((?:[A-Z][\w&'’-]*\s+){0,5}[A-Z][\w&'’-]*)\s+(?:opening|role|position|vacancy|post)\b|\(([A-Z][\w&'’ -]{2,60})\)/;

function openingTitle(sentence: string): string | null {
  const m = OPENING_TITLE.exec(sentence);
  const title = (m?.[1] ?? m?.[2] ?? '').trim();
  // "the Leeds office", "our Band 7": a place or a grade is not a title the letter can repeat.
  if (!title || title.split(/\s+/).length < 2 || /\b(?:office|team|site|Band|Grade)\b/.test(title)) return null;
  return title;
}

/** Sentences of the flat text: split at sentence ends and line ends. */
function sentences(flat: string): string[] {
  return flat
    .split(SENTENCE_BREAK)
    .map((s) => s.trim())
    .filter((s) => s.length > 8);
}

/** The offers the email makes, one per sentence, in the email's order. */
export function findOffers(flat: string): Offer[] {
  if (!ANY.test(flat)) return [];
  const out: Offer[] = [];
  for (const said of sentences(flat)) {
    if (!ANY_KIND.test(said) || REFUSES.test(said) || TOLD_NOT_OFFERED.test(said)) continue;
    const kind = KINDS.find(([, re]) => re.test(said))?.[0];
    if (!kind || (kind === 'apply-again' && LOOKS_BACK.test(said))) continue;
    out.push({ kind, said, opening: kind === 'other-opening' ? openingTitle(said) : null });
  }
  return out;
}
