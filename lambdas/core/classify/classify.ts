// Is this email a rejection? Rules over phrases (classify-signals.ts), so the owner can see the
// exact words that decided it. Three outcomes: a rejection, not a rejection, and unsure — unsure
// mail still reaches the owner with a "Draft anyway" link, so doubt costs a click, not a letter.

import type { OriginalMail } from '../mail/index.ts';
import { SIGNALS, type Cue, type Signal } from './signals.ts';
import { gate, indexWords, matchAll, type GatedRegex } from './gate.ts';
import { guessLanguage, languageName } from './language.ts';
import { normalizeText, quote } from '../text/index.ts';

type Verdict = 'rejection' | 'not_rejection' | 'unsure';

export interface Classification {
  verdict: Verdict;
  /** 0..1, confidence in this verdict. */
  confidence: number;
  /** Finer kind, e.g. 'rejection-after-interview', 'position-filled', 'acknowledgement', 'offer'. */
  kind: string;
  /** Evidence a person can read: the quoted phrases or signals that decided it. */
  reasons: string[];
}

export interface Hit {
  cue: Cue;
  weight: number;
  text: string;
  /** Where the matched words start and end in the scanned text. */
  at: number;
  end: number;
}

/** Words before a match, in its sentence, that make a stated decision hypothetical or generic. */
const CONDITIONAL =
  /\b(?:if|in the event|should|unless|whether|in case)\b|\b(?:candidates|applicants|those|anyone|individuals|people) (?:who|that|whose)\b/i;
/** Words that make a condition only in their own clause: "once / until / before we decide …", not "… our sites before, so we won't …". */
const CONDITIONAL_IN_CLAUSE = /\b(?:once|until|before|otherwise)\b/i;
const NEGATION = /\b(?:not|cannot|unable|no longer|never|nor|neither)\b|n't\b/i;

/** The start of the sentence that contains position `at` (bounded, so work stays linear). */
function sentenceBefore(text: string, at: number, max: number): string {
  const from = Math.max(0, at - max);
  const window = text.slice(from, at);
  let cut = -1;
  for (let i = window.length - 1; i >= 0; i--) {
    const c = window[i];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(window[i + 1] ?? ' '))) {
      cut = i;
      break;
    }
  }
  return window.slice(cut + 1);
}

interface Scan {
  hits: Hit[];
  /** Matches set aside because of a condition or a negation, with the reason. */
  ignored: string[];
}

// Each signal's sticky twin and the words its matches can begin with (classify-gate.ts). Worked
// out on the first scan, not at import: reading ~80 regexes costs ~10 ms that a cold start
// should not pay before it has mail to classify.
let GATED: GatedRegex[] | null = null;

interface FullScan {
  text: string;
  hits: (Hit & { signal: number })[];
  ignored: { cue: Cue; note: string }[];
}

function scan(text: string, only?: readonly Cue[]): FullScan {
  GATED ??= SIGNALS.map((signal) => gate(signal.re));
  const gated = GATED;
  const index = indexWords(text);
  const hits: FullScan['hits'] = [];
  const ignored: FullScan['ignored'] = [];
  SIGNALS.forEach((signal, i) => {
    if (only && !only.includes(signal.cue)) return;
    matchAll(signal.re, gated[i]!, text, index, (m) => {
      const why = guardFails(signal, text, m.index);
      if (why) ignored.push({ cue: signal.cue, note: `ignored ${quote(m[0])} (${why})` });
      else
        hits.push({
          cue: signal.cue,
          weight: signal.weight,
          text: m[0],
          at: m.index,
          end: m.index + m[0].length,
          signal: i,
        });
    });
  });
  return { text, hits, ignored };
}

// classify and extract scan the same subject and body one after the other: the last full scan
// is kept, so the second asks for nothing new.
let lastScan: FullScan | null = null;

/** Runs the signals (all, or those of some cues) over the text; extraction reuses interview evidence. */
function scanSignals(text: string, only?: readonly Cue[]): Scan {
  let full = lastScan !== null && lastScan.text === text ? lastScan : null;
  if (!full && !only) full = lastScan = scan(text);
  const found = full ?? scan(text, only);
  const wanted = (cue: Cue) => !only || only.includes(cue);
  return {
    hits: found.hits
      .filter((h) => wanted(h.cue))
      .map(({ cue, weight, text: t, at, end }) => ({ cue, weight, text: t, at, end })),
    ignored: found.ignored.filter((x) => wanted(x.cue)).map((x) => x.note),
  };
}

function guardFails(signal: Signal, text: string, at: number): string | null {
  if (signal.guard === 'assertion') {
    const before = sentenceBefore(text, at, 160);
    const cond = CONDITIONAL.exec(before) ?? CONDITIONAL_IN_CLAUSE.exec(before.split(/[,;:]/).at(-1) ?? '');
    if (cond) return `conditional: “${cond[0]}”`;
    // Quoted words are someone's example, not this email's decision ("… emails like
    // “Unfortunately, we have decided to move forward with other candidates.”").
    if (insideQuotes(before)) return 'quoted';
    // A question decides nothing: "Not quite the right fit? Update your alert preferences."
    if (endsAsQuestion(text, at)) return 'a question';
  } else if (signal.guard === 'positive') {
    // Only the clause counts: "While you were not selected, we would love to interview you …".
    const before =
      sentenceBefore(text, at, 60)
        .split(/[,;:]| - /)
        .at(-1) ?? '';
    const neg = NEGATION.exec(before);
    if (neg) return `negated: “${neg[0]}”`;
  }
  return null;
}

/** An opening quotation mark before, in the same sentence, that nothing closes. */
function insideQuotes(before: string): boolean {
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  const straight = (before.match(/"/g)?.length ?? 0) % 2;
  return curly > 0 || straight === 1;
}

/** Where the sentence going on at `from` ends (its . ! ? or line break), within `max` characters; -1 if not there. */
function sentenceEnd(text: string, from: number, max: number): number {
  const stop = text.slice(from, from + max).search(/[.!?\n]/);
  return stop < 0 ? -1 : from + stop;
}

/** The sentence holding position `at` ends with a question mark. */
function endsAsQuestion(text: string, at: number): boolean {
  const end = sentenceEnd(text, at, 200);
  return end >= 0 && text[end] === '?';
}

/** The sentence around the words at `at`…`end` (bounded). */
function sentenceAround(text: string, at: number, end: number, max = 160): string {
  const stop = sentenceEnd(text, end, max);
  return `${sentenceBefore(text, at, max)}${text.slice(at, stop < 0 ? end + max : stop)}`;
}

/**
 * A call or an interview that is no next step in this hiring: feedback on the decision ("happy to
 * set up a call to share feedback"), an offer left to the candidate ("if you'd like …"), or some
 * later role ("… again when the team grows", "when a similar role opens", "on file").
 */
const NO_STEP_NOW =
  /\b(?:feedback|debrief|if you(?:'d| would)? (?:like|want|wish)|feel free|happy to|future|on file|when the team grows|once the team grows|again when|when (?:a|another|the next|similar|new) [\w ]{0,30}opens?|next (?:spring|summer|fall|autumn|winter|year)|later this year|down the road|someday)\b/i;

/** Not-a-rejection kinds, strongest claim first, used to name the kind when weights tie. */
const NEGATIVE_KINDS: readonly Cue[] = [
  'withdrawal',
  'offer',
  'other-role-invite',
  'interview-invite',
  'scheduling',
  'assessment',
  'on-hold',
  'info-request',
  'status-update',
  'acknowledgement',
  'job-alert',
  'outreach',
  'account',
  'marketing',
];

/** What a phrase of each kind shows, as the owner reads it: `invites you to interview: “…”`. */
const KIND_EVIDENCE: Partial<Record<Cue, string>> = {
  withdrawal: 'confirms your withdrawal',
  offer: 'makes an offer or starts onboarding',
  'other-role-invite': 'invites you onward for another role',
  'interview-invite': 'invites you to interview',
  scheduling: 'asks to schedule a conversation',
  assessment: 'asks you to take an assessment',
  'on-hold': 'puts the position on hold',
  'info-request': 'asks for more information',
  'status-update': 'gives a status update without a decision',
  acknowledgement: 'acknowledges your application',
  'job-alert': 'is a job alert',
  outreach: 'is recruiter outreach',
  account: 'is an account notice',
  marketing: 'is marketing',
};

const JOB_CONTEXT =
  /\b(?:applica\w*|applied|candida\w*|position|role|interview\w*|resume|résumé|hiring|recruit\w*|job)\b/i;

function sum(hits: readonly Hit[], cue: Cue): number {
  return hits.reduce((n, h) => (h.cue === cue ? n + h.weight : n), 0);
}

/**
 * The distinct pieces of evidence among the hits of some cues, in reading order: matches that
 * overlap (one phrase caught by several rules) are merged into one span of the text, so each
 * piece of evidence is quoted once.
 */
function evidence(text: string, hits: readonly Hit[], cues: readonly Cue[], max = 3): string[] {
  const spans = hits.filter((h) => cues.includes(h.cue)).map((h) => [h.at, h.end] as [number, number]);
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [at, end] of spans) {
    const last = merged.at(-1);
    if (last && at < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([at, end]);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [at, end] of merged) {
    const words = quote(text.slice(at, end));
    if (seen.has(words.toLowerCase())) continue;
    seen.add(words.toLowerCase());
    out.push(words);
    if (out.length === max) break;
  }
  return out;
}

function said(text: string, hits: readonly Hit[], cues: readonly Cue[], max = 3): string[] {
  return evidence(text, hits, cues, max).map((q) => `said ${q}`);
}

/** Evidence that the candidate only applied: reviewed on paper, or an interview expressly not offered. */
const APPLICATION_ONLY =
  /\b(?:(?:after|upon|following) (?:a )?(?:careful(?:ly)? |thorough(?:ly)? )?(?:reviewing|review of|reviewed|consideration of|considering) (?:your|the) (?:application|resume|résumé|cv|background|profile|qualifications|materials)|(?:cannot|can't|unable to|not able to) (?:extend|offer) you an? (?:invitation|invite) to (?:an? )?interview|(?:(?:will|would|are) not|won't|aren't|cannot|can't|unable to|not able to)(?: be)? (?:offer|offering|extend|extending|schedule|scheduling|arrange|arranging) (?:you )?(?:an|any) interview)/i;

/**
 * Whether an interview (or a conversation) already happened: true on a past-tense phrase
 * ("the time you spent interviewing with our team"); false only when the email says the
 * candidate was judged on paper; null otherwise — an invitation to interview is not an interview.
 */
export function findInterviewed(text: string, hits?: readonly Hit[]): boolean | null {
  // classify and extract ask about the same text one after the other.
  if (lastInterviewed !== null && lastInterviewed.text === text) return lastInterviewed.answer;
  const found = hits ?? scanSignals(text, INTERVIEW_CUES).hits;
  let answer: boolean | null;
  if (found.some((h) => h.cue === 'interview-held')) answer = true;
  // "After reviewing your application, we would like to invite you to interview": the
  // interview is still to come, so nothing is known about one having happened.
  else if (found.some((h) => h.cue === 'interview-invite' || h.cue === 'scheduling')) answer = null;
  else answer = APPLICATION_ONLY.test(text) ? false : null;
  lastInterviewed = { text, answer };
  return answer;
}
let lastInterviewed: { text: string; answer: boolean | null } | null = null;

/** The cues findInterviewed reads. */
const INTERVIEW_CUES: readonly Cue[] = ['interview-held', 'interview-invite', 'scheduling'];

const round = (x: number): number => Math.round(x * 100) / 100;

export function classify(mail: OriginalMail): Classification {
  const { flat } = normalizeText(mail.text);
  const text = `${mail.subject.replace(/\s+/g, ' ').trim()}\n${flat}`;

  const lang = guessLanguage(text);
  if (lang.language !== null && lang.language !== 'en') {
    return {
      verdict: 'unsure',
      confidence: 0.5,
      kind: 'unknown-language',
      reasons: [
        `the text looks ${languageName(lang.language)}, not English (${lang.otherWords} ${languageName(lang.language)} vs ${lang.englishWords} English function words); its phrases cannot be judged`,
      ],
    };
  }

  const { hits, ignored } = scanSignals(text);
  const decisive = hits.filter(
    (h) => (h.cue === 'rejection' || h.cue === 'filled' || h.cue === 'cancelled') && h.weight >= 3,
  );
  const rejectionWeight = sum(hits, 'rejection') + sum(hits, 'filled') + sum(hits, 'cancelled');
  const soft = sum(hits, 'soft-rejection');
  const interviewed = findInterviewed(text, hits);
  const negatives = NEGATIVE_KINDS.map((cue) => ({ cue, weight: sum(hits, cue) })).filter((n) => n.weight > 0);
  const topNegative = negatives.reduce<{ cue: Cue; weight: number } | null>(
    (best, n) => (best && best.weight >= n.weight ? best : n),
    null,
  );
  const notes = ignored.slice(0, 3);

  // The candidate's own withdrawal, confirmed: whatever else it says, nobody rejected them.
  if (sum(hits, 'withdrawal') > 0) {
    return {
      verdict: 'not_rejection',
      confidence: 0.9,
      kind: 'withdrawal',
      reasons: [
        ...evidence(text, hits, ['withdrawal']).map((q) => `${KIND_EVIDENCE.withdrawal}: ${q}`),
        'the candidate withdrew; this is not a rejection',
        ...notes,
      ],
    };
  }

  if (decisive.length > 0) {
    // Turned down for this role but actively invited onward for another: not a plain rejection,
    // and a thank-you letter would answer the wrong question.
    if (sum(hits, 'other-role-invite') > 0) {
      return {
        verdict: 'not_rejection',
        confidence: 0.7,
        kind: 'other-role-invitation',
        reasons: [
          ...said(text, hits, ['rejection', 'filled', 'cancelled'], 1),
          ...said(text, hits, ['other-role-invite']),
          'not selected for this role, but actively invited to proceed for another',
          ...notes,
        ],
      };
    }
    const offer = sum(hits, 'offer');
    // "… told you we had decided to move forward with another candidate. That hire didn't work
    // out — are you free Tuesday?": a rejection and a next step; the owner decides.
    const nextStep = hits
      .filter(
        (h) =>
          (h.cue === 'interview-invite' || h.cue === 'scheduling') &&
          !NO_STEP_NOW.test(sentenceAround(text, h.at, h.end)),
      )
      .reduce((n, h) => n + h.weight, 0);
    if (offer >= 4 || nextStep >= 3) {
      return {
        verdict: 'unsure',
        confidence: 0.5,
        kind: 'conflicting',
        reasons: [
          ...said(text, hits, ['rejection', 'filled', 'cancelled'], 2),
          ...said(text, hits, offer >= 4 ? ['offer'] : ['interview-invite', 'scheduling'], 2),
          offer >= 4
            ? 'it reads both as an offer and as a rejection'
            : 'it reads both as a next step and as a rejection',
          ...notes,
        ],
      };
    }
    const kind =
      sum(hits, 'filled') > 0
        ? 'position-filled'
        : sum(hits, 'cancelled') > 0
          ? 'position-cancelled'
          : interviewed === true
            ? 'rejection-after-interview'
            : interviewed === false
              ? 'rejection-after-application'
              : 'rejection';
    const doubts = negatives.filter((n) => n.cue !== 'acknowledgement' && n.cue !== 'marketing').length;
    const confidence = Math.max(0.6, Math.min(0.99, 0.88 + 0.04 * (decisive.length - 1) + 0.02 * soft - 0.1 * doubts));
    return {
      verdict: 'rejection',
      confidence: round(confidence),
      kind,
      reasons: [
        ...said(text, hits, ['filled', 'cancelled', 'rejection']),
        ...(interviewed === true
          ? evidence(text, hits, ['interview-held'], 1).map((q) => `an interview happened: ${q}`)
          : []),
        ...(interviewed === false
          ? [`judged on the application only: ${quote(APPLICATION_ONLY.exec(text)?.[0] ?? '')}`]
          : []),
        ...notes,
      ],
    };
  }

  // The position is paused. It is a rejection only when the candidacy is closed too (handled
  // above); with regretful words and nothing else it is the owner's call.
  if (sum(hits, 'on-hold') > 0) {
    const regretful = soft + rejectionWeight > 0;
    return {
      verdict: regretful ? 'unsure' : 'not_rejection',
      confidence: regretful ? 0.5 : 0.8,
      kind: 'on-hold',
      reasons: [
        ...evidence(text, hits, ['on-hold']).map((q) => `${KIND_EVIDENCE['on-hold']}: ${q}`),
        ...(regretful
          ? [...said(text, hits, ['rejection', 'soft-rejection'], 2), 'on hold, candidacy not clearly closed']
          : ['on hold, candidacy not closed']),
        ...notes,
      ],
    };
  }

  if (topNegative) {
    const label = KIND_EVIDENCE[topNegative.cue] ?? topNegative.cue;
    const reasons = evidence(text, hits, [topNegative.cue], 2).map((q) => `${label}: ${q}`);
    // A second purpose, when there is one, is evidence too ("… and asks to schedule a call").
    const next = negatives.find((n) => n.cue !== topNegative.cue);
    if (next)
      reasons.push(...evidence(text, hits, [next.cue], 1).map((q) => `${KIND_EVIDENCE[next.cue] ?? next.cue}: ${q}`));
    if (rejectionWeight + soft > 0)
      reasons.push(
        `${said(text, hits, ['rejection', 'soft-rejection'], 1)[0] ?? 'rejection-like words'} alone does not decide it`,
      );
    return {
      verdict: 'not_rejection',
      confidence: round(Math.min(0.95, 0.75 + 0.05 * topNegative.weight - 0.05 * (rejectionWeight + soft))),
      kind: topNegative.cue,
      reasons: [...reasons, ...notes],
    };
  }

  // No decision stated and no other purpose found: regretful words in a job context are the
  // owner's call ("We wish you all the best in your future endeavours." and nothing else).
  if (rejectionWeight + soft >= 1 && JOB_CONTEXT.test(text)) {
    return {
      verdict: 'unsure',
      confidence: 0.5,
      kind: 'weak-signals',
      reasons: [
        ...said(text, hits, ['rejection', 'soft-rejection']),
        'rejection-like words but no stated decision',
        ...notes,
      ],
    };
  }

  return {
    verdict: 'not_rejection',
    confidence: JOB_CONTEXT.test(text) ? 0.7 : 0.85,
    kind: 'other',
    reasons: ['no rejection phrase found', ...notes],
  };
}
