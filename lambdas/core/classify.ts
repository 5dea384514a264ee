// Is this email a rejection? Rules over phrases (classify-signals.ts), so the owner can see the
// exact words that decided it. Three outcomes: a rejection, not a rejection, and unsure — unsure
// mail still reaches the owner with a "Draft anyway" link, so doubt costs a click, not a letter.

import type { OriginalMail } from './mail.ts';
import { SIGNALS, type Cue, type Signal } from './classify-signals.ts';
import { guessLanguage } from './language.ts';
import { normalizeText, quote } from './normalize.ts';

export type Verdict = 'rejection' | 'not_rejection' | 'unsure';

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
}

/** Words before a match, in its sentence, that make a stated decision hypothetical or generic. */
const CONDITIONAL =
  /\b(?:if|in the event|should|unless|whether|in case|once|until|before|otherwise)\b|\b(?:candidates|applicants|those|anyone|individuals|people) (?:who|that|whose)\b/i;
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

export interface Scan {
  hits: Hit[];
  /** Matches set aside because of a condition or a negation, with the reason. */
  ignored: string[];
}

/** Runs the signals (all, or those of some cues) over the text; extraction reuses interview evidence. */
export function scanSignals(text: string, only?: readonly Cue[]): Scan {
  const hits: Hit[] = [];
  const ignored: string[] = [];
  for (const signal of SIGNALS) {
    if (only && !only.includes(signal.cue)) continue;
    signal.re.lastIndex = 0;
    for (let m = signal.re.exec(text); m; m = signal.re.exec(text)) {
      if (m[0] === '') {
        signal.re.lastIndex++;
        continue;
      }
      const why = guardFails(signal, text, m.index);
      if (why) ignored.push(`ignored ${quote(m[0])} (${why})`);
      else hits.push({ cue: signal.cue, weight: signal.weight, text: m[0] });
    }
  }
  return { hits, ignored };
}

function guardFails(signal: Signal, text: string, at: number): string | null {
  if (signal.guard === 'assertion') {
    const before = sentenceBefore(text, at, 160);
    const cond = CONDITIONAL.exec(before);
    if (cond) return `conditional: “${cond[0]}”`;
  } else if (signal.guard === 'positive') {
    // Only the clause counts: "While you were not selected, we would love to interview you …".
    const before = sentenceBefore(text, at, 60).split(/[,;:]/).at(-1) ?? '';
    const neg = NEGATION.exec(before);
    if (neg) return `negated: “${neg[0]}”`;
  }
  return null;
}

/** Not-a-rejection kinds, strongest claim first, used to name the kind when weights tie. */
const NEGATIVE_KINDS: readonly Cue[] = [
  'withdrawal', 'offer', 'other-role-invite', 'interview-invite', 'assessment', 'on-hold', 'info-request',
  'status-update', 'acknowledgement', 'job-alert', 'outreach', 'account', 'marketing',
];

const KIND_LABEL: Partial<Record<Cue, string>> = {
  withdrawal: 'a withdrawal confirmation',
  offer: 'an offer',
  'other-role-invite': 'an invitation to proceed for another role',
  'interview-invite': 'an interview invitation or scheduling',
  assessment: 'an assessment',
  'on-hold': 'a position on hold',
  'info-request': 'a request for information',
  'status-update': 'a status update without a decision',
  acknowledgement: 'an acknowledgement of the application',
  'job-alert': 'a job alert',
  outreach: 'recruiter outreach',
  account: 'an account notice',
  marketing: 'marketing',
};

const JOB_CONTEXT = /\b(?:applica\w*|applied|candida\w*|position|role|interview\w*|resume|résumé|hiring|recruit\w*|job)\b/i;

function sum(hits: readonly Hit[], cue: Cue): number {
  return hits.reduce((n, h) => (h.cue === cue ? n + h.weight : n), 0);
}

function said(hits: readonly Hit[], cues: readonly Cue[], max = 3): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits) {
    const key = h.text.toLowerCase();
    if (!cues.includes(h.cue) || seen.has(key)) continue;
    seen.add(key);
    out.push(`said ${quote(h.text)}`);
    if (out.length === max) break;
  }
  return out;
}

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
      reasons: [`the text looks ${lang.language}, not English (${lang.otherWords} ${lang.language} vs ${lang.englishWords} English function words); its phrases cannot be judged`],
    };
  }

  const { hits, ignored } = scanSignals(text);
  const decisive = hits.filter((h) => (h.cue === 'rejection' || h.cue === 'filled' || h.cue === 'cancelled') && h.weight >= 3);
  const rejectionWeight = sum(hits, 'rejection') + sum(hits, 'filled') + sum(hits, 'cancelled');
  const soft = sum(hits, 'soft-rejection');
  const interviewed = sum(hits, 'interview-held') > 0;
  const negatives = NEGATIVE_KINDS.map((cue) => ({ cue, weight: sum(hits, cue) })).filter((n) => n.weight > 0);
  const topNegative = negatives.reduce<{ cue: Cue; weight: number } | null>((best, n) => (best && best.weight >= n.weight ? best : n), null);
  const notes = ignored.slice(0, 3);

  // The candidate's own withdrawal, confirmed: whatever else it says, nobody rejected them.
  if (sum(hits, 'withdrawal') > 0) {
    return { verdict: 'not_rejection', confidence: 0.9, kind: 'withdrawal', reasons: [...said(hits, ['withdrawal']), 'the candidate withdrew; this is not a rejection', ...notes] };
  }

  if (decisive.length > 0) {
    // Turned down for this role but actively invited onward for another: not a plain rejection,
    // and a thank-you letter would answer the wrong question.
    if (sum(hits, 'other-role-invite') > 0) {
      return {
        verdict: 'not_rejection',
        confidence: 0.7,
        kind: 'other-role-invitation',
        reasons: [...said(hits, ['rejection', 'filled', 'cancelled'], 1), ...said(hits, ['other-role-invite']), 'not selected for this role, but actively invited to proceed for another', ...notes],
      };
    }
    const offer = sum(hits, 'offer');
    if (offer >= 4) {
      return {
        verdict: 'unsure',
        confidence: 0.5,
        kind: 'conflicting',
        reasons: [...said(hits, ['rejection', 'filled', 'cancelled'], 2), ...said(hits, ['offer'], 2), 'it reads both as an offer and as a rejection', ...notes],
      };
    }
    const kind = sum(hits, 'filled') > 0
      ? 'position-filled'
      : sum(hits, 'cancelled') > 0
        ? 'position-cancelled'
        : interviewed
          ? 'rejection-after-interview'
          : 'rejection-after-application';
    const doubts = negatives.filter((n) => n.cue !== 'acknowledgement' && n.cue !== 'marketing').length;
    const confidence = Math.max(0.6, Math.min(0.99, 0.88 + 0.04 * (decisive.length - 1) + 0.02 * soft - 0.1 * doubts));
    return {
      verdict: 'rejection',
      confidence: round(confidence),
      kind,
      reasons: [
        ...said(hits, ['filled', 'cancelled', 'rejection']),
        ...(interviewed ? [`an interview happened: ${said(hits, ['interview-held'], 1)[0]?.slice(5) ?? ''}`] : []),
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
        ...said(hits, ['on-hold']),
        ...(regretful ? [...said(hits, ['rejection', 'soft-rejection'], 2), 'on hold, candidacy not clearly closed'] : ['on hold, candidacy not closed']),
        ...notes,
      ],
    };
  }

  if (topNegative) {
    const reasons = [`looks like ${KIND_LABEL[topNegative.cue] ?? topNegative.cue}`, ...said(hits, [topNegative.cue], 2)];
    if (rejectionWeight + soft > 0) reasons.push(`${said(hits, ['rejection', 'soft-rejection'], 1)[0] ?? 'rejection-like words'} alone does not decide it`);
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
      reasons: [...said(hits, ['rejection', 'soft-rejection']), 'rejection-like words but no stated decision', ...notes],
    };
  }

  return {
    verdict: 'not_rejection',
    confidence: JOB_CONTEXT.test(text) ? 0.7 : 0.85,
    kind: 'other',
    reasons: ['no rejection phrase found', ...notes],
  };
}
