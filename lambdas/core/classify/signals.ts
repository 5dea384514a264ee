// The phrases the classifier looks for, grouped by what they say about the email. Each entry is
// a readable rule: a person can see which phrase fired and why. Phrases describe *kinds* of
// recruiting mail (ATS templates, recruiters' own words), never one particular email.

/** What a phrase is evidence of. */
export type Cue =
  | 'rejection' // the candidacy for this role is over
  | 'filled' // … because the position was filled
  | 'cancelled' // … because the position was cancelled or closed
  | 'soft-rejection' // rejection-flavoured words that alone do not decide ("unfortunately")
  | 'interview-held' // an interview or conversation already happened
  | 'withdrawal' // the candidate withdrew
  | 'on-hold' // the position is paused, candidacy not closed
  | 'other-role-invite' // actively invited to interview / proceed for a different role
  | 'acknowledgement'
  | 'status-update'
  | 'interview-invite'
  | 'scheduling'
  | 'offer'
  | 'assessment'
  | 'info-request'
  | 'job-alert'
  | 'outreach'
  | 'marketing'
  | 'account';

/**
 * How a match is checked against the words before it in the same sentence:
 * - 'assertion': a decision stated as fact; ignored inside a condition ("if you are not selected").
 * - 'positive': good news or a next step; ignored when negated ("unable to extend an offer").
 * - 'plain': taken as written.
 */
type Guard = 'assertion' | 'positive' | 'plain';

export interface Signal {
  cue: Cue;
  re: RegExp;
  weight: number;
  guard: Guard;
}

const APPLICATION = String.raw`(?:your|the) (?:application|candidacy|candidature|profile|resume|résumé|cv)`;
const OTHERS = String.raw`(?:other|another|a different|different|alternative|more qualified|stronger|the other|a few other|several other|other,? more)`;
const CANDIDATES = String.raw`(?:candidates?|applicants?|individuals?|people|profiles?|talent)`;
const ROLE_NOUN = String.raw`(?:position|role|opening|vacancy|job|opportunity|requisition|internship|post)`;
const FORWARD = String.raw`(?:forward|further|ahead)`;

function s(cue: Cue, weight: number, guard: Guard, source: string): Signal {
  return { cue, weight, guard, re: new RegExp(source, 'gi') };
}

export const SIGNALS: readonly Signal[] = [
  // — The decision, stated: the candidacy ends. —
  // … but not when what stops is a step of the process: "decided not to proceed with the in-person onsite".
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:decided|decision|chosen|elected|opted|determined)(?: that we will)? (?:not to|to not) (?:move|proceed|progress|pursue|continue|go|take|advance|moving|proceeding)\b(?! with (?:the|an?|this) (?:in-person |on-?site |onsite |final |panel |second |third )*(?:onsite|on-site|interview|visit|assessment|test|exercise|presentation|call)\b)(?: (?:forward|further|ahead|with))?`,
  ),
  // … but not about other people: "we won't be moving forward with them / with other candidates".
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:(?:will|would|are|shall|could|can) not|won't|wouldn't|aren't|can't|cannot)(?: be)?(?: able to)? (?:moving|proceeding|progressing|going|taking|advancing|move|proceed|progress|go) ${FORWARD}(?: further)?(?: with (?:${APPLICATION}|you\b))?(?! with (?:them|those|other|the other|another|any other|all other|the remaining|the rest|[a-z]+'s (?:application|candidacy|profile))\b)`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\bnot (?:to )?(?:move|proceed|progress|advance|take|moving|proceeding|progressing) (?:forward |further |ahead )?with (?:${APPLICATION}|you\b)`,
  ),
  // "we will not be progressing it further", "we won't be taking your application any further".
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:(?:will|would|are|shall|could|can) not|won't|wouldn't|aren't|can't|cannot)(?: be)?(?: able to)? (?:moving|proceeding|progressing|taking|advancing|move|proceed|progress|take|advance) (?:it|this|them|you|${APPLICATION})(?: any)? (?:forward|further)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\bnot (?:to )?(?:move|progress|advance|take) ${APPLICATION} (?:forward|further)`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:decided|chosen|elected|opted|made the decision|determined) to (?:move|go|proceed|continue) (?:forward |ahead )?with (?:${OTHERS} )?${CANDIDATES}`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:moving|move|moved|go|going|proceed|proceeding|continue|continuing|progress|progressing) (?:forward |ahead )?with (?:${OTHERS} ${CANDIDATES}|others)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:pursue|pursuing|consider|considering|select|selected|go with|going with|hire|hired|offered the (?:position|role) to) ${OTHERS} ${CANDIDATES}`,
  ),
  // Found missing by an exploratory run: everyday ways of saying someone else got the job.
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:chosen|chose|picked|appointed|identified) (?:another|a different|an? other|the other) (?:candidate|applicant|person|individual)\b`,
  ),
  // "… offered the role to another artist": whoever it was, it was someone else.
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:offer|offered|offering|extend|extended|give|gave|given) (?:the|this|that|our) (?:${ROLE_NOUN}|offer) to (?:(?:another|a different|one of the other|other) (?:${CANDIDATES}|[a-z]+(?:er|or|ist|ian|ant|ent)s?)|(?:someone|somebody) else)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:hire|hired|hiring|select|selected|selecting|choose|chosen|chose|pick|picked|appoint|appointed|go with|going with|gone with|went with|offer it to) (?:someone|somebody) else\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:pursue|pursuing|hire|hired|hiring|go with|going with|gone with|went with|move forward with|moving forward with|proceed with|proceeding with) (?:a|another|one) (?:\w+ )?(?:candidate|applicant|person|individual)s? (?:whose|who|with|that)\b|\b(?:hire|hired|hiring) (?:someone|somebody) (?:with|whose|who)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:go|going|gone|went|move|moving|moved) (?:in )?(?:a different|another) direction\b`,
  ),
  // Found missing by a second exploratory run.
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:hire|hired|hiring|chose|chosen|selected|gone with|went with|going with|offered (?:the|this) (?:role|position|job) to) an internal candidate\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:chose|chosen|selected|picked|gone with|went with|going with|go with) (?:a|another|one|an) (?:\w+ )?(?:candidate|applicant|person|individual) (?:whose|who|with|that)\b|\b(?:gone|went|going) with (?:another|a different) (?:candidate|applicant|person|individual)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:going|gone|went|go) with (?:someone|somebody) (?:else|who|whose|with)\b|\b(?:offer|offered|offering|give|gave|given) (?:the|this|that) (?:${ROLE_NOUN}) to (?:someone|somebody) (?:who|whose|with)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\bfill(?:ed|ing)? (?:the|this|that) (?:${ROLE_NOUN}) with (?:a|another|an|one) (?:\w+ )?(?:candidate|applicant|person|individual)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:it's|it is) a no from (?:us|me|the team|our side)\b|\b(?:we'll|we will|we're going to|we are going to|I'll|I will) pass(?: on (?:you|your (?:application|candidacy)))?(?=[.,;!]| this time| for now| at this time| on this)`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:you were|you're|you are) our (?:second|runner-up|next|close second) (?:choice|pick)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\bnot going to (?:be )?(?:moving|move|proceeding|proceed|progressing|progress|taking|take) (?:forward|ahead|further)\b|\b(?:(?:will|would|are) not|won't|aren't) be extending (?:you )?an offer\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:selected|chosen|chose|hired) (?:a|our|the) (?:finalist|successful candidate)\b`,
  ),
  // Found missing by a third exploratory run.
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:fill|filled|filling) (?:the|this|that|our) (?:[\w-]+ ){0,4}?(?:${ROLE_NOUN}) internally\b|\b(?:${ROLE_NOUN}|it) (?:has )?gone to (?:an internal|another|a different) (?:candidate|applicant|person)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:decided|chosen|elected|opted) to (?:appoint|hire|select|offer the (?:${ROLE_NOUN}) to) (?:another|a different|an internal|one of the other) (?:candidate|applicant|person|finalist)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:unable|not able|cannot|can't) to take ${APPLICATION} (?:forward|further)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:they're|they are|they'll|they will|the client is|the client will|the team is|the team will)(?: going to)? pass(?: on (?:you|your (?:application|candidacy)|this one))?(?=[.,;!]| this time| for now| at this time)`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:decided|chosen|elected|opted) to move on with (?:${OTHERS} )?${CANDIDATES}\b|\b(?:gone|went|going) with (?:another|a different) finalist\b|\bdecided to keep looking\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:(?:will|would|are|shall) not|won't|aren't) (?:be )?(?:offering|extending) you (?:the|this|a|an) (?:[\w-]+ ){1,4}(?:${ROLE_NOUN})\b|\bdecided not to (?:extend|make|offer) (?:you )?(?:an?|the) (?:[\w-]+ ){1,4}(?:offer|${ROLE_NOUN})\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:(?:will|would|are|shall|could|can) not|won't|wouldn't|aren't|can't|cannot|not) (?:be )?(?:progressing|moving|taking|advancing|progress|move|take|advance) (?:you|it|${APPLICATION}) (?:on )?(?:to|into|through to) (?:the )?(?:interview|final|following|assessment) (?:stage|step|round)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:pursue|pursuing|interview|interviewing|proceed with|proceeding with) (?:other )?(?:candidates|applicants) (?:whose|who|with)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:(?:will|would|are|shall|could|can) not|won't|wouldn't|aren't|can't|cannot|unable to|not able to)(?: be)? (?:offer|offering|extend|extending|schedule|scheduling|arrange|arranging) (?:you )?(?:an|any|a further) interview\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:(?:will|would|are|shall|could|can) not|won't|wouldn't|aren't|can't|cannot|not) (?:be )?(?:progressing|moving|taking|advancing|progress|move|take|advance) (?:you|it|${APPLICATION}) (?:on )?(?:to|into|through to) (?:the )?next (?:stage|step|round)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:(?:will|would|are|shall|could|can) not|won't|wouldn't|aren't|can't|cannot|unable to|not able to) (?:be )?(?:offering|offer|extending|extend) you (?:the|this|a|an) (?:${ROLE_NOUN}|offer|job offer)\b|\bdecided not to (?:extend|make|offer) (?:you )?(?:an?|the) (?:offer|job offer|${ROLE_NOUN})\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b${OTHERS} ${CANDIDATES} (?:who|whose|that|with) (?:\w+ ){0,6}(?:more closely|better|best|most closely|closer)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:was|were|have|has|had|are|is|you've|you're)(?: been)? not (?:been )?(?:selected|chosen|shortlisted|successful|progressed)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:haven't|hasn't|weren't|wasn't) (?:been )?(?:selected|chosen|shortlisted|successful)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:did not|didn't|do not|will not|won't) (?:select|shortlist|choose) (?:you|${APPLICATION}|it)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:unable|not able|cannot|can't|could not|couldn't) to (?:offer|extend) (?:you )?(?:a |an |the )?(?:position|role|employment|job|place|internship|offer|opportunity|invitation)`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:unable|not able|cannot|can't) (?:to )?(?:further )?(?:consider|progress|proceed with|move forward with|take forward) (?:you|${APPLICATION})`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:cannot|can't|will not|won't|unable to|not able to) (?:extend|offer) you an? (?:invitation|invite) to (?:an? )?interview`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b${APPLICATION} (?:was|has been|is|were) (?:unsuccessful|declined|rejected|not successful|not selected)`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:you (?:have|'ve) been|you were|(?:application|candidacy) (?:was|has been)) unsuccessful\b|\bunsuccessful (?:on this occasion|at this time)`,
  ),
  s('rejection', 3, 'assertion', String.raw`\bnot (?:been )?(?:chosen|selected) for (?:further|the next)`),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:you|${APPLICATION}) (?:are |is |will |were |was |have |has )?(?:no longer|not) (?:be )?(?:being |been )?consider(?:ed|ing)\b|\bno longer (?:be )?consider(?:ing)? (?:you|your)\b`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:aren't|isn't|(?:are|is|were|was|you're|we're|they're) not) (?:quite )?(?:a|the)(?: \w+)?(?: mutual)? (?:match|fit)\b`,
  ),
  s('rejection', 3, 'assertion', String.raw`\bnot (?:quite )?(?:a|the) (?:\w+ )?(?:mutual )?(?:match|fit)\b`),
  s('rejection', 3, 'assertion', String.raw`\b(?:don't|do not) see a (?:\w+ )?(?:mutual )?(?:match|fit)\b`),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:do not|don't) have (?:a|any) (?:position|role|opening)(?: available)? (?:that|which) (?:is a )?(?:\w+ )?(?:match|matches|fits|aligns)`,
  ),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:do|does) not (?:align|match|meet) (?:with )?(?:our|the) (?:\w+ ){0,2}(?:needs|requirements|criteria)`,
  ),
  s('rejection', 3, 'assertion', String.raw`\bthis declination\b|\b(?:must|have to|decided to) decline ${APPLICATION}`),
  s('rejection', 2, 'assertion', String.raw`\bregret to (?:inform|advise|tell|let you know|say|share)\b`),
  s(
    'rejection',
    3,
    'assertion',
    String.raw`\b(?:will not|won't|not) be (?:inviting|invited) (?:you )?(?:to|for) (?:an? |the )?(?:interview|next)`,
  ),
  // — The position itself is gone. —
  s(
    'filled',
    3,
    'assertion',
    String.raw`\b(?:${ROLE_NOUN}|it)\b[^.\n]{0,40}?\b(?:has|had|have) (?:now |recently |already |just )?been (?:filled|offered to|accepted by)`,
  ),
  s('filled', 3, 'assertion', String.raw`\b(?:${ROLE_NOUN}) (?:was|is) (?:now |recently |already )?filled\b`),
  s(
    'filled',
    3,
    'assertion',
    String.raw`\b(?:have|we've|I've|they've|has) (?:now |just |recently |already )*filled (?:the|this|that|our|your) (?:${ROLE_NOUN})`,
  ),
  s(
    'filled',
    3,
    'assertion',
    String.raw`\bextended an offer to (?:another|a different|other|an?)(?: \w+)? (?:candidate|applicant)`,
  ),
  s(
    'cancelled',
    3,
    'assertion',
    String.raw`\b(?:${ROLE_NOUN}|requisition|search) (?:has|have|had) (?:now )?been (?:cancel+ed|closed|withdrawn|eliminated|discontinued)`,
  ),
  s(
    'cancelled',
    3,
    'assertion',
    String.raw`\b(?:${ROLE_NOUN}) (?:is|was) (?:now )?(?:no longer (?:available|open|being filled)|cancel+ed|closed)\b`,
  ),
  s(
    'cancelled',
    3,
    'assertion',
    String.raw`\b(?:role|position) will not be (?:moving ahead|going ahead|filled|proceeding)`,
  ),
  s(
    'cancelled',
    3,
    'assertion',
    String.raw`\b(?:no longer|not be) (?:recruiting|hiring) for\b|\bdecided not to fill\b`,
  ),
  s(
    'cancelled',
    3,
    'assertion',
    String.raw`\b(?:decided|decision) to (?:cancel|close|withdraw) (?:this|the|our) (?:${ROLE_NOUN}|search|requisition)\b`,
  ),
  // — Words that lean towards a rejection but also appear in kind mail of other sorts. —
  s('soft-rejection', 1, 'plain', String.raw`\bunfortunately\b`),
  s('soft-rejection', 1, 'plain', String.raw`\b(?:we are|we're|I am|I'm) sorry\b`),
  s(
    'soft-rejection',
    1,
    'plain',
    String.raw`\bwish(?:ing)? you (?:all )?(?:the )?(?:very )?(?:best|success|luck|well)\b[^.\n]{0,40}\b(?:search|endeavou?rs|career|future|pursuits)`,
  ),
  s(
    'soft-rejection',
    1,
    'plain',
    String.raw`\b(?:keep|kept|retain|hang on to)\b[^.\n]{0,30}\b(?:resume|résumé|cv|information|details|application|profile) (?:on file|on record|in our (?:system|database)|active|for future)`,
  ),
  s('soft-rejection', 1, 'plain', String.raw`\b(?:at capacity|difficult decision|tough decisions?|this decision)\b`),
  // — What happened before the decision: an interview or a conversation, in the past tense. A
  //   condition in the sentence ("if selected for an interview with the team") sets it aside. —
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:for|after) (?:taking the time to |the time to )?(?:interviewing|speaking|talking|meeting|chatting) (?:with|to) (?:us|me|our|the|you|my)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\bafter (?:interviewing|speaking|meeting)(?: with)? you\b|\bafter (?:interviewing|speaking|meeting) with\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:appreciate|appreciated|thank) you (?:for )?(?:taking the time (?:to )?)?(?:speaking|talking|meeting|chatting|interviewing) (?:with|to)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:took|taking|take) the time to (?:interview|speak|talk|meet|chat|visit)\b`,
  ),
  // "Thank you for interviewing for the Data Analyst position", "Thanks for interviewing with us".
  s('interview-held', 2, 'assertion', String.raw`\bthank(?:s| you) for interviewing (?:for|with)\b`),
  // "Thank you for coming in to meet the team", "for coming to our Kraków office", "for Friday's video call".
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:for|after) (?:coming|stopping) (?:in|by|into|to (?:our|the|see))\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:for|after|following) (?:our|your|the|\w+'s) (?:recent )?(?:video|phone|zoom|teams|virtual) (?:call|chat|interview|conversation|screen|meeting)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:the )?time (?:that )?(?:you )?(?:have )?(?:spent|invested|took|dedicated|gave us) (?:\w+ ){0,2}?(?:interviewing|speaking|talking|meeting|chatting)\b|\btime (?:you )?spent with (?:us|me|our|the)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:completed|concluded|finished) (?:our|the|all|your) (?:\w+ )?interview`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\bthank(?:s| you) for (?:your|the) (?:recent )?(?:[\w-]+ )?(?:interview|onsite|on-site|visit|conversations?|calls?)\b|\b(?:attending|completing|doing) (?:the |your |our )?(?:[\w-]+ )?interview|\bfinal[- ]stage interview`,
  ),
  // "Thank you for your time interviewing for …", "the final panel with Oleg and Desmond", "for joining us on the office tour".
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:your|the) time (?:interviewing|speaking|meeting|talking|chatting) (?:with|for|to)\b|\b(?:the|your|our) (?:final |onsite |on-site |technical |virtual )?(?:panel|interview loop|onsite|on-site)(?: interviews?)? with\b|\b(?:for|after) joining us (?:on|for|at|in)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:after|following|during|since|throughout) (?:your|our|the) (?:recent )?(?:\w+ )?(?:interviews?|conversations?|calls?|phone screen|on-?site|visit|interview process)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:participat\w+|taking part|took part) in (?:the|our) (?:\w+ )?(?:interviews?|interview process|interview day)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:enjoyed|pleasure|appreciated) (?:meeting|speaking|talking|chatting|getting to know|interviewing)\b`,
  ),
  s(
    'interview-held',
    2,
    'assertion',
    String.raw`\b(?:your|the) interviews? (?:with|on|last)\b|\bfeedback from (?:the|your) interview`,
  ),
  // — The candidate withdrew: confirmations of their own decision. —
  s(
    'withdrawal',
    4,
    'plain',
    String.raw`\byou(?: have|'ve)? (?:decided|chosen|elected|asked|requested) (?:not to (?:continue|proceed|pursue)|to withdraw)`,
  ),
  s(
    'withdrawal',
    4,
    'plain',
    String.raw`\b(?:your|the) (?:request to withdraw|withdrawal)\b|\bwithdrawn (?:at your request|as requested)`,
  ),
  s(
    'withdrawal',
    4,
    'plain',
    String.raw`\byou(?:'ve| have)? (?:decided|chosen) to (?:decline|turn down) (?:our|the|this) (?:offer|${ROLE_NOUN})\b`,
  ),
  // — The position is paused. —
  s(
    'on-hold',
    3,
    'plain',
    String.raw`\b(?:put|placed|putting|placing|be|been|is|are) (?:this |the |our )?(?:\w+ )?(?:position|role|search|requisition|hiring|recruitment|process)? ?on hold\b`,
  ),
  s(
    'on-hold',
    3,
    'plain',
    String.raw`\bhiring freeze\b|\bpaus(?:ed|ing) (?:all |our )?(?:hiring|recruitment|the search|this (?:search|role|position))`,
  ),
  // — A different role, actively offered: not a plain rejection. —
  s(
    'other-role-invite',
    4,
    'positive',
    String.raw`\b(?:like|love|want|happy|pleased|keen) to (?:consider|interview|speak with|talk (?:to|with)|discuss|move forward with|invite) you (?:to (?:interview|apply) )?(?:for|about|regarding) (?:an?other|a different|our other|other|one of our other|an alternative) (?:${ROLE_NOUN}|team)s?\b(?![^.\n]{0,40}\bfuture\b)`,
  ),
  s(
    'other-role-invite',
    4,
    'positive',
    String.raw`\b(?:shared|forwarded|passed|referred) ${APPLICATION} (?:on )?(?:to|with) (?:another|a different|the|our) (?:\w+ ){0,3}(?:team|hiring manager|recruiter)`,
  ),
  s(
    'other-role-invite',
    4,
    'positive',
    String.raw`\b(?:would|are) you (?:be )?(?:interested|open) (?:in|to) (?:being considered|interviewing|speaking|a call) (?:for|about) (?:an?other|a different|this other|our other)`,
  ),
  // "… but we'd love to interview you for our Platform team instead."
  s(
    'other-role-invite',
    4,
    'positive',
    String.raw`\b(?:interview|consider|talk to|speak with|speak to|meet) you for (?:our|the|a|an|another) (?:[\w-]+ ){0,3}(?:team|${ROLE_NOUN})s? instead\b`,
  ),
  // — Not a rejection: acknowledgements and status. —
  s(
    'acknowledgement',
    3,
    'positive',
    String.raw`\b(?:(?:we|I) (?:have |'ve )?(?:successfully )?received|we are (?:in )?receipt of) (?:your|the) (?:\w+ )?(?:application|submission|resume|résumé|cv)`,
  ),
  s(
    'acknowledgement',
    3,
    'positive',
    String.raw`\b(?:your|the) (?:application|submission|resume|résumé|cv|responses) (?:has|have) been (?:successfully )?(?:received|submitted)`,
  ),
  s(
    'acknowledgement',
    3,
    'positive',
    String.raw`\b(?:application|submission) (?:received|submitted|confirmation)\b|\bsuccessfully (?:received|submitted)\b`,
  ),
  s(
    'acknowledgement',
    2,
    'positive',
    String.raw`\b(?:will|we'll|are going to) (?:now )?(?:carefully |thoroughly )?(?:review|evaluate|assess|consider|be reviewing|be evaluating) (?:your|all|the|each|applications)\b`,
  ),
  s(
    'acknowledgement',
    2,
    'positive',
    String.raw`\b(?:is|are) (?:currently |now )?(?:being|under) (?:reviewed|review|considered)\b`,
  ),
  s(
    'acknowledgement',
    2,
    'positive',
    String.raw`\b(?:application|submission|resume|résumé|cv|profile) will (?:now )?be (?:carefully |thoroughly )?(?:reviewed|considered|evaluated|assessed)\b|\b(?:will|we'll) get back to you (?:with|about|regarding|once|as soon)\b`,
  ),
  s(
    'acknowledgement',
    2,
    'plain',
    String.raw`\bif (?:your|you|we|there|the|our)\b[^.\n]{0,100}\b(?:(?:will|we'll|we will) (?:be in touch|contact|reach out|get in touch|get back|notify|be contacting)|be in touch)`,
  ),
  s(
    'acknowledgement',
    2,
    'plain',
    String.raw`\b(?:will|we'll) (?:be in touch|contact you|reach out|get back to you)\b[^.\n]{0,40}\bif\b`,
  ),
  s(
    'acknowledgement',
    2,
    'plain',
    String.raw`\bif you are (?:not )?selected\b|\bin the event (?:that )?(?:you are not|none of)`,
  ),
  s(
    'status-update',
    2,
    'positive',
    String.raw`\b(?:(?:currently|still) (?:reviewing|evaluating|considering)|final stages|will (?:provide|send|give) you (?:with )?an update|update you (?:on|about|with)|still (?:very )?interested in)\b`,
  ),
  s('status-update', 2, 'positive', String.raw`\bconfirm your (?:continued )?interest\b`),
  // — Next steps. —
  s(
    'interview-invite',
    3,
    'positive',
    String.raw`\b(?:(?:would|we'd|I'd) (?:like|love) to |(?:are |am )?(?:pleased|happy|excited|delighted) to )?(?:invite|inviting|invitation) (?:you )?(?:to|for) (?:an? |the |your |our )?(?:[\w-]+ ){0,3}?(?:interview|phone screen|call|conversation|chat|meeting|next (?:round|stage|step))`,
  ),
  s(
    'interview-invite',
    3,
    'positive',
    String.raw`\b(?:interview (?:invitation|details|confirmation)|next (?:stage|round) of (?:our|the))\b`,
  ),
  s(
    'interview-invite',
    3,
    'positive',
    String.raw`\b(?:(?:would|we'd|I'd) (?:like|love) to|want to) (?:interview you|meet you|have you (?:in|come in))\b`,
  ),
  s(
    'interview-invite',
    3,
    'positive',
    String.raw`\b(?:pleased|happy|excited|delighted) to (?:invite|inform you that you (?:have )?(?:been selected|passed|advanced|moved))|\bcongratulations\b[^\n]{0,80}\b(?:next|interview|passed|advanc)`,
  ),
  s(
    'scheduling',
    3,
    'positive',
    String.raw`\b(?:schedule|scheduling|book|set up|arrange|reschedule) (?:an? |the |your |a time for (?:an? |the )?)?(?:[\w-]+ )?(?:interview|phone screen|call|chat|meeting)\b`,
  ),
  s(
    'scheduling',
    3,
    'positive',
    String.raw`\b(?:your|provide (?:me|us) (?:with )?your|provide) availability\b|\bavailable for (?:an? )?(?:quick |short |brief )?(?:call|interview|chat)\b|\bconnect with you by phone\b`,
  ),
  s(
    'scheduling',
    3,
    'positive',
    String.raw`\b(?:share|send|suggest|propose|give (?:me|us)|let (?:me|us) know) (?:a few |some |two or three |2-3 |your |any )?(?:times|time slots|slots|dates)(?: (?:that|which) (?:work|suit)| you(?:'re| are) (?:free|available))`,
  ),
  s(
    'scheduling',
    3,
    'positive',
    String.raw`\binterview (?:reminder|schedule|time|slot)\b|\bare you (?:free|available) (?:on |this |next |for |to )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|week|a call|a chat|to (?:talk|chat|meet))`,
  ),
  s(
    'offer',
    4,
    'positive',
    String.raw`\b(?:pleased|happy|delighted|excited|thrilled) to (?:extend|offer|make)(?: you)? (?:an? |the )?(?:formal |verbal |conditional |written )?(?:[\w-]+ ){0,4}?(?:offer|position|role)\b`,
  ),
  s(
    'offer',
    4,
    'positive',
    String.raw`\b(?:offer of employment|offer letter|(?:job|employment|formal) offer|accept (?:the|this|our) offer|would like to offer you (?:the|a|an))\b`,
  ),
  s(
    'offer',
    3,
    'positive',
    String.raw`\b(?:welcome (?:you )?(?:aboard|to the team)|your (?:first day|start date)|onboarding|background check)\b`,
  ),
  s(
    'assessment',
    3,
    'positive',
    String.raw`\b(?:complete|completing|take|completed|invited to complete|invitation to complete|results of|score of)\b[^.\n]{0,40}\b(?:assessment|coding (?:challenge|test|exercise)|test|questionnaire|challenge|assignment|exercise)\b`,
  ),
  s(
    'assessment',
    2,
    'positive',
    String.raw`\b(?:online|coding|technical|cognitive|skills?|personality|aptitude|mock) (?:assessment|test|challenge)\b`,
  ),
  s(
    'info-request',
    3,
    'positive',
    String.raw`\b(?:additional|more|further) information (?:is )?(?:needed|required|from you)|\bneed (?:some )?(?:additional|more|further) information\b|\b(?:action required|complete your application|in order for your application to be considered)\b`,
  ),
  // — Not about an application at all. —
  s(
    'job-alert',
    3,
    'plain',
    String.raw`\b(?:job alerts?|jobs? (?:for you|near|matching)|new jobs? (?:for|in|near|that)|recommended jobs?|jobs? recommendations?|a (?:new )?job that (?:lines up|matches)|posted \d+ (?:days?|hours?|weeks?) ago|view (?:all )?(?:jobs|details))\b`,
  ),
  s(
    'outreach',
    3,
    'plain',
    String.raw`\b(?:I (?:am|'m) (?:an? )?(?:\w+ )?recruiter|immediate (?:opening|need)|(?:with|for) (?:one of )?our clients?|(?:great|good|perfect|strong) (?:match|fit) for you|send me your (?:\w+ ){0,4}resume|detailed job description|interested in hearing more|jobs? that (?:could|might|may) (?:match|fit|suit) your)\b`,
  ),
  s(
    'marketing',
    2,
    'plain',
    String.raw`\b(?:newsletter|webinar|info(?:rmation)? session|career fair|save the date|salary calculator|survey|ask (?:\w+ )?your (?:career )?questions|subscriber agreement|membership|chance to win|giveaway|exclusive (?:goodies|offers?|deals?))\b`,
  ),
  s(
    'account',
    3,
    'plain',
    String.raw`\b(?:pass ?code|one-time|verification code|verify your (?:email|account|identity)|confirm your (?:email|identity)|(?:create|reset) (?:a new |your )?password|new profile|account (?:verification|created|activation))\b`,
  ),
];
