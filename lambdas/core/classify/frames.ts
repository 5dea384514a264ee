// Decision frames: what a sentence says, read from the ideas in it (lexicon.ts) and how they
// stand to one another — a step forward negated, someone else chosen, the job closed, a fit
// denied; or another purpose: an invitation, an offer, an acknowledgement. A frame is found in a
// sentence whatever words fill it, so a wording nobody wrote a rule for is still read; and the
// sentence it was found in is the evidence the owner sees.
import type { Idea } from './lexicon.ts';
import { findIdeas, type Tag } from './matcher.ts';
import { stem, type Token } from './tokens.ts';

/** Frames that end the candidacy. */
export const DECISIONS = ['declined', 'refused', 'others-chosen', 'filled', 'cancelled', 'closed', 'not-fit'] as const;
/** Frames of another purpose: with one of these and no decision, an email is not a rejection. */
export const PURPOSES = [
  'withdrawal',
  'offer',
  'other-role',
  'reschedule',
  'marketing',
  'invite',
  'advance-self',
  'assessment',
  'hold',
  'reserve',
  'outreach',
  'alert',
  'referral',
  'reference',
  'account',
  'received',
  'pending',
  'will-contact',
  'info',
] as const;
/**
 * Purposes a rejection often carries beside its decision ("we received your application …",
 * "see our other jobs"): they make an email without a decision not a rejection, but do not
 * outweigh one.
 */
export const INCIDENTAL: readonly Frame[] = [
  'received',
  'pending',
  'will-contact',
  'info',
  'account',
  'reference',
  'alert',
];

/** Words rejections carry that decide nothing alone; and a decision said too weakly to count. */
export const SOFT = ['declined-weak', 'need-other', 'regret', 'goodwill', 'keep', 'thanks', 'feedback'] as const;

export type Frame = (typeof DECISIONS)[number] | (typeof PURPOSES)[number] | (typeof SOFT)[number];

export interface Finding {
  frame: Frame;
  /** The sentence it was found in, as token indices [start, end). */
  sentence: number;
  /** The words that carry it, as token indices. */
  start: number;
  end: number;
}

interface Sentence {
  start: number;
  end: number;
  question: boolean;
}

export interface Reading {
  tokens: Token[];
  sentences: Sentence[];
  findings: Finding[];
  /** Decisions set aside, and why: "if you are not selected" is no decision. */
  ignored: { finding: Finding; why: string }[];
  /** The email speaks of a job search at all (an application, a role, an interview …). */
  job: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const CLAUSE_END = new Set([';', ':', '(', ')', '-']);
/** How far a negation reaches forward: "not (be able to) move". */
const NEG_REACH = 5;
const FIT_REACH = 8;

function sentencesOf(tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t && !(t.mark && SENTENCE_END.has(t.stem))) continue;
    // "No." and "Dr." do not end sentences that matter here; a short run is kept with what follows.
    if (i > start) out.push({ start, end: i, question: t?.stem === '?' });
    start = i + 1;
  }
  return out;
}

/** The tags of one sentence, by idea. */
class Sent {
  readonly by = new Map<Idea, Tag[]>();
  constructor(
    readonly tokens: readonly Token[],
    readonly s: Sentence,
    tags: readonly Tag[],
  ) {
    for (const t of tags) this.tag(t);
    // "take your candidature any further", "move things along": a carrying verb with a direction
    // a few words on is a step forward, whatever is carried.
    for (const c of this.all('carry')) {
      // What is carried may be named at length: "take your application for the Data Analyst role further".
      const reach = this.all('self').some((y) => y.start === c.end) ? 8 : 4;
      const to = this.all('onward').find(
        (o) => o.start > c.start && o.start - c.end <= reach && !this.split(c.end, o.start),
      );
      if (to) this.tag({ idea: 'advance', start: c.start, end: to.end });
    }
  }
  private tag(t: Tag): void {
    const list = this.by.get(t.idea);
    if (list) list.push(t);
    else this.by.set(t.idea, [t]);
  }
  all(idea: Idea): readonly Tag[] {
    return this.by.get(idea) ?? [];
  }
  has(idea: Idea): boolean {
    return this.by.has(idea);
  }
  /** Another clause starts between two token positions (a contrast word, a semicolon, a dash). */
  split(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const t = this.tokens[i]!;
      if (t.mark && CLAUSE_END.has(t.stem)) return true;
    }
    return this.all('contrast').some((c) => c.start >= from && c.start < to);
  }
  /** The words at `t` are negated: a negation shortly before, in the same clause. */
  negated(t: Tag, reach = NEG_REACH): boolean {
    return this.all('neg').some(
      (n) => n.end <= t.start && t.start - n.end <= reach && !this.split(n.end, t.start) && !this.yetAfter(n),
    );
  }
  /** "not yet selected": pending, not refused. */
  private yetAfter(n: Tag): boolean {
    return this.tokens[n.end]?.stem === 'yet';
  }
  near(t: Tag, idea: Idea, before: number, after: number, keep: (o: Tag) => boolean = () => true): Tag | undefined {
    return this.all(idea).find(
      (o) =>
        o !== t &&
        keep(o) &&
        o.start >= t.start - before &&
        o.start <= t.end + after &&
        !this.split(Math.min(o.start, t.start), Math.max(o.start, t.start)),
    );
  }
  /** An idea anywhere before `at` in the sentence. */
  before(idea: Idea, at: number): Tag | undefined {
    return this.all(idea).find((o) => o.end <= at);
  }
  /** An idea before `at` in the same clause (since the last comma or clause break). */
  beforeInClause(idea: Idea, at: number): Tag | undefined {
    let from = this.s.start;
    for (let i = at - 1; i >= this.s.start; i--) {
      const t = this.tokens[i]!;
      if (t.mark && (t.stem === ',' || CLAUSE_END.has(t.stem))) {
        from = i + 1;
        break;
      }
    }
    return this.all(idea).find((o) => o.start >= from && o.end <= at);
  }
  /** An idea after `at` in the same clause (up to the next comma or clause break). */
  afterInClause(idea: Idea, at: number): Tag | undefined {
    let to = this.s.end;
    for (let i = at; i < this.s.end; i++) {
      const t = this.tokens[i]!;
      if (t.mark && (t.stem === ',' || CLAUSE_END.has(t.stem))) {
        to = i;
        break;
      }
    }
    return this.all(idea).find((o) => o.start >= at && o.end <= to);
  }
  stemAt(i: number): string {
    return this.tokens[i]?.stem ?? '';
  }
}

// Conditions that reach over the whole sentence before them, and those that hold only in their
// own clause ("… our sites before, so we won't …" is no condition).
const SENTENCE_CONDITIONS = new Set(['if', 'unless', 'in the event', 'in case', 'whether', 'should']);

/**
 * Why a decision found at `t` is not this email's decision, if it is not. `aboutPeople`: the
 * decision is about candidates, so one said of candidates in general decides nothing ("applicants
 * who are not selected …"); a job filled is filled whoever is told so.
 */
function guard(s: Sent, t: Tag, aboutPeople = true): string | null {
  if (s.s.question) return 'a question';
  const cond = s.all('cond').find((c) => c.end <= t.start);
  if (cond) {
    const first = s.stemAt(cond.start);
    if (SENTENCE_CONDITIONS.has(first) || s.beforeInClause('cond', t.start)) return 'a condition';
  }
  // "… cannot consider your application unless / until / without …": a condition that follows.
  if (s.afterInClause('cond', t.end)) return 'a condition';
  // "Applicants who are not selected …" is about anyone; "other candidates who …" is about others.
  const generic = aboutPeople ? s.beforeInClause('generic', t.start) : undefined;
  // "… met all of the shortlisted candidates and will not be offering you the role": said to the reader.
  const toYou = s.all('self').some((y) => y.start >= t.end && y.start - t.end <= 1);
  if (generic && !toYou && !s.all('other').some((o) => o.start < generic.start && o.end >= generic.end))
    return 'about candidates in general';
  if (s.beforeInClause('hedge', t.start)) return 'not decided yet';
  // "select a disposition (Advance, Not Selected, …)": one of choices listed, none made.
  if (listedChoice(s, t)) return 'one of several choices';
  // Inside a quotation opened earlier in the paragraph: a rejection quoted (a template, a
  // newsletter's example) may run over several sentences.
  let from = t.start;
  while (from > 0 && s.tokens[from - 1]!.stem !== '\n') from--;
  let depth = 0;
  for (let i = from; i < t.start; i++) {
    const q = s.tokens[i]!.stem;
    if (q === '“') depth++;
    else if (q === '”' && depth > 0) depth--;
  }
  // … and closed after it on the same line: an opening mark nothing closes ("since '19") quotes nothing.
  if (depth > 0) {
    for (let i = t.end; i < s.tokens.length && s.tokens[i]!.stem !== '\n'; i++)
      if (s.tokens[i]!.stem === '”') return 'quoted';
  }
  return null;
}

/** Inside brackets that list more than one thing: "(advance or reject)", "(Advance, Not Selected)". */
function listedChoice(s: Sent, t: Tag): boolean {
  let open = t.start - 1;
  while (open >= s.s.start && s.stemAt(open) !== '(' && s.stemAt(open) !== ')') open--;
  if (open < s.s.start || s.stemAt(open) !== '(') return false;
  // Only a closed bracket lists anything: "sadly :( we will not …" is a face, not a list.
  let listed = false;
  for (let i = open + 1; i < s.s.end; i++) {
    if (s.stemAt(i) === ')') return listed;
    if (i >= t.start && i < t.end) continue;
    if (s.stemAt(i) === ',' || s.stemAt(i) === 'or') listed = true;
  }
  return false;
}

const CANDIDACY = new Set(['application', 'candidacy', 'candidature', 'profile', 'cv', 'resume'].map(stem));

/**
 * About someone else: "… with Jamie's application", "Tom was not selected", "it wasn't the right
 * match for him" — a third person's candidacy, not the reader's.
 */
function someoneElses(s: Sent, a: Tag): boolean {
  // "Jamie's application won't be moving forward", "… with Jamie's application".
  for (let i = s.s.start; i < s.s.end - 1; i++) {
    if (s.tokens[i]!.stem === "'s" && CANDIDACY.has(s.stemAt(i + 1)) && s.stemAt(i - 1) !== 'your') return true;
  }
  if (someoneElseAfter(s, a)) return true;
  // "I wasn't successful", "I was not selected": the writer's own candidacy — a candidate
  // writing to the reader (not "I won't be putting you forward", the writer deciding).
  let subject = a.start - 1;
  let passive = false;
  for (; subject > s.s.start && AUXILIARY.has(s.stemAt(subject)); subject--)
    if (s.stemAt(subject) === 'be') passive = true;
  if (passive && !s.tokens[a.start]!.word.endsWith('ing') && s.stemAt(subject) === 'i') return true;
  // A name as the subject of a passive before the words: "Tom was not selected (to move forward)".
  for (let i = s.s.start + 1; i < a.start - 1; i++) {
    const t = s.tokens[i]!;
    if (!t.capital || t.mark || s.stemAt(i + 1) !== 'be') continue;
    let j = i + 1;
    while (j < a.start && AUXILIARY.has(s.stemAt(j))) j++;
    if (j > i + 2 && s.all('neg').some((n) => n.start > i && n.start < j)) return true;
  }
  // "the others … they were not successful": others are the subject of the decision, the reader nowhere.
  // ("Applicants who are not selected …" is candidates in general: the guard names that.)
  const others = s.stemAt(subject) === 'they' || s.all('other').some((o) => o.end === subject + 1);
  if (others && !s.has('self') && !s.all('generic').some((g) => g.end === subject + 1)) return true;
  // "it wasn't the right match for him": someone else's candidacy throughout — not "she's looking
  // for more experience", where the hiring manager speaks of the reader.
  return (
    !s.has('self') &&
    !s.has('decide') &&
    s.all('third').some((p) => OBJECT_PRONOUN.has(s.stemAt(p.start)) || s.stemAt(p.start) === 'his')
  );
}
/** Someone else where the reader would be, right after the words of a decision. */
function someoneElseAfter(s: Sent, a: Tag): boolean {
  // "… not moving forward with this candidate", "I turned down a candidate": a candidate spoken
  // of, not spoken to.
  const them = s.stemAt(a.end) === 'with' ? a.end + 1 : a.end;
  if (DETERMINER.has(s.stemAt(them)) && CANDIDATE.has(s.stemAt(them + 1)) && !s.has('self')) return true;
  // "… not going ahead with Marta", "we'll pass on Jordan Pike": a name.
  const object = WITH_ON.has(s.stemAt(a.end)) ? a.end + 1 : WITH_ON.has(s.stemAt(a.end - 1)) ? a.end : -1;
  if (object > 0 && s.tokens[object]?.capital && s.stemAt(object) !== 'i' && !s.has('self')) return true;
  // "… not moving forward with her", "we won't progress him": a third person.
  return s.all('third').some((p) => OBJECT_PRONOUN.has(s.stemAt(p.start)) && p.start >= a.end && p.start - a.end <= 1);
}
const WITH_ON = new Set(['with', 'on']);
/** "move on to the final round", "… with your application": still the candidacy going on. */
const ONTO = new Set(
  ['with', 'on', 'to', 'into', 'through', 'past', 'at', 'in', 'for', 'from', 'this', 'that'].map(stem),
);
const OBJECT_PRONOUN = new Set(['him', 'her', 'himself', 'herself'].map(stem));
/** What stands before "candidate" when one is spoken of: this, the, a … */
const DETERMINER = new Set(['this', 'that', 'the', 'a', 'an', 'one'].map(stem));
const CANDIDATE = new Set(['candidate', 'applicant', 'person', 'individual'].map(stem));
const AUXILIARY = new Set(
  ['not', 'will', 'would', 'be', 'have', 'do', 'can', 'could', 'shall', 'should', 'may', 'might'].map(stem),
);

const NEED = new Set(['need', 'require'].map(stem));

/** Advance words that need an object about the candidate or the job ("offer feedback" is neither). */
const NEEDS_OBJECT = new Set(['offer', 'extend', 'invite', 'consider', 'provide', 'give'].map(stem));
const DECISION_OBJECTS = new Set(
  [
    'offer',
    'interview',
    'position',
    'role',
    'job',
    'place',
    'placement',
    'opportunity',
    'employment',
    'post',
    'internship',
  ].map(stem),
);
/** "not extend an offer", "unable to offer the role": the object is the job, not feedback or help. */
function objectOfDecision(s: Sent, a: Tag): boolean {
  // The object comes first: "offer you a place", "extend an offer" — not "offer remote work for this role".
  let words = 0;
  for (let i = a.end; i < s.s.end && words < 3; i++) {
    const stem = s.stemAt(i);
    if (DECISION_OBJECTS.has(stem)) return true;
    if (!LEADING.has(stem)) words++;
  }
  return false;
}
/** Words before an object that say nothing of what it is. */
const LEADING = new Set(['you', 'the', 'a', 'an', 'this', 'that', 'your', 'our', 'any', 'further', 'formal'].map(stem));

/** Advance words that are a decision's step forward whoever the object (not "consider", "continue"). */
const DECISIVE_STEP = new Set(
  [
    'move',
    'go',
    'proceed',
    'progress',
    'advance',
    'select',
    'shortlist',
    'short',
    'successful',
    'next',
    'take',
    'carry',
    'put',
    'bring',
  ].map(stem),
);

/** "keep looking", "continue the search": a decision only when said to be one ("decided to keep looking"). */
const KEEP_ON = new Set(['keep', 'continue'].map(stem));

/**
 * "you have decided not to continue", "you declined our offer": the reader's own decision — the
 * reader is the one who decides or declines (not "you were declined").
 */
function yourDecision(s: Sent, t: Tag): boolean {
  const agent = s.before('decide', t.start) ?? (s.all('refuse').includes(t) ? t : undefined);
  return agent !== undefined && byYou(s, agent);
}
/** "you (have) decided", "you've taken another offer": the reader does it. */
function byYou(s: Sent, verb: Tag): boolean {
  let i = verb.start - 1;
  while (i > s.s.start && HAVE_LIKE.has(s.stemAt(i))) i--;
  return s.stemAt(i) === 'you';
}
const HAVE_LIKE = new Set(['have', 'already', 'just', 'now', 'since'].map(stem));

function declined(s: Sent, add: (f: Frame, t: Tag) => void, ignore: (f: Frame, t: Tag, why: string) => void) {
  for (const a of s.all('advance')) {
    if (!s.negated(a) || certaintyDenied(s, a)) continue;
    // "we can't move on base salary": the terms will not move, not the candidacy.
    if (s.stemAt(a.end - 1) === 'on' && a.end < s.s.end && !s.tokens[a.end]!.mark && !s.near(a, 'self', 0, 1)) {
      if (!ONTO.has(s.stemAt(a.end)) && !s.near(a, 'position', 0, 1)) continue;
    }
    const head = s.stemAt(a.start);
    // "not … with other candidates / with them": others are out, not the candidate.
    const self = s.near(a, 'self', 0, 6);
    // ("… with the two internal applicants": a few words may come between.)
    if (
      s.stemAt(a.end) === 'with' &&
      s.all('other').some((o) => o.start > a.end && o.start - a.end <= 4 && !s.split(a.end, o.start)) &&
      !s.near(a, 'self', 0, 4)
    )
      continue;
    // "not to proceed with the onsite / with Tuesday's interview": a step of the process is
    // dropped or moved, not the candidacy.
    if (s.stemAt(a.end) === 'with' && !s.near(a, 'self', 0, 1)) {
      const step = s.near(a, 'step', 0, 4) ?? s.near(a, 'meeting', 0, 4) ?? s.near(a, 'assessment', 0, 4);
      if (step && (!self || step.start < self.start)) continue;
    }
    if (s.has('reschedule')) continue;
    // "we won't need you to bring anything": an errand, not the job.
    if (NEED.has(head) && s.stemAt(a.end) === 'to') continue;
    if (NEEDS_OBJECT.has(head) && (s.near(a, 'feedback', 0, 5) || (!self && !objectOfDecision(s, a)))) continue;
    if (s.has('withdrawal') || s.has('referral') || someoneElses(s, a) || yourDecision(s, a)) continue;
    const why = guard(s, a);
    const strong =
      s.has('self') ||
      s.has('status') ||
      s.before('decide', a.start) !== undefined ||
      DECISIVE_STEP.has(head) ||
      objectOfDecision(s, a);
    const frame = strong ? 'declined' : 'declined-weak';
    if (why) ignore(frame, a, why);
    else add(frame, a);
  }
  for (const r of s.all('refuse')) {
    if (s.negated(r) || s.has('withdrawal') || s.has('referral') || someoneElses(s, r) || yourDecision(s, r)) continue;
    // "a decision (advance or reject) by Friday": one of two choices, not yet made.
    if (s.stemAt(r.start - 1) === 'or' || s.stemAt(r.end) === 'or') continue;
    const why = guard(s, r);
    // A phrase of several words says it plainly ("we'll pass", "second choice"); one word
    // ("declined") needs the application or the job beside it.
    const explicit = r.end - r.start > 1 && !KEEP_ON.has(s.stemAt(r.start));
    const frame = explicit || s.has('self') || s.has('decide') || s.has('status') ? 'refused' : 'declined-weak';
    if (why) ignore(frame, r, why);
    else add(frame, r);
  }
}

/** "… does not guarantee an offer", "is no promise of an interview": certainty denied, not the step. */
const CERTAINTY = new Set(['guarantee', 'promise', 'mean', 'ensure', 'imply', 'necessarily'].map(stem));
function certaintyDenied(s: Sent, a: Tag): boolean {
  const n = s.all('neg').findLast((x) => x.end <= a.start && a.start - x.end <= NEG_REACH);
  for (let i = n ? n.end : a.start; i < a.start; i++) if (CERTAINTY.has(s.stemAt(i))) return true;
  return false;
}

/** Said as done: "selected", "have chosen", "decided to go with" — not "looking to hire". */
function done(s: Sent, at: number): boolean {
  if (s.before('decide', at)) return true;
  if (s.stemAt(at - 1) === 'to') return false;
  const word = s.tokens[at]!.word;
  // "we are hiring / interviewing someone": a search under way, not a choice made.
  if (word.endsWith('ing') && SEARCHING.has(s.stemAt(at))) return false;
  return PAST.test(word) || PAST_IRREGULAR.has(word) || [1, 2, 3].some((k) => BE_HAVE.has(s.stemAt(at - k)));
}
const PAST = /(?:ed|en)$/;
const SEARCHING = new Set(
  ['hire', 'recruit', 'interview', 'consider', 'look', 'search', 'seek', 'meet', 'speak', 'find'].map(stem),
);
const PAST_IRREGULAR = new Set([
  'chose',
  'went',
  'gone',
  'made',
  'took',
  'found',
  'gave',
  'cut',
  'put',
  'fell',
  'shut',
  'set',
  'won',
  'lost',
  'let',
]);

/** "… picked Maureen", "… give the role to Craig": a person named where the chosen one stands. */
function nameAfter(s: Sent, c: Tag): Tag | undefined {
  for (let i = c.end; i < Math.min(c.end + 6, s.s.end); i++) {
    const t = s.tokens[i]!;
    if (t.mark) return undefined;
    if (t.capital && !s.all('position').some((p) => p.start <= i && p.end > i) && s.stemAt(i - 1) !== 'the')
      return { idea: 'other', start: i, end: i + 1 };
  }
  return undefined;
}

function othersChosen(s: Sent, add: (f: Frame, t: Tag) => void, ignore: (f: Frame, t: Tag, why: string) => void) {
  if (s.has('referral') || s.has('withdrawal')) return;
  // A verb that picks someone; after "decided to", any step forward does ("decided to consider other applicants").
  const verbs = [...s.all('choose'), ...s.all('advance').filter((a) => s.before('decide', a.start))];
  for (const c of verbs) {
    // "… you have taken another offer": the reader chose, not the employer.
    if (s.negated(c) || !done(s, c.start) || byYou(s, c)) continue;
    // "going to pass on Jordan": a refusal's words, not a choice of Jordan.
    if (s.all('refuse').some((r) => r.start <= c.start && r.end > c.start)) continue;
    // Still interviewing others is a process, not a decision.
    const still = s.all('still').find((x) => x.end <= c.start && c.start - x.end <= 3);
    if (still) continue;
    const after = s.all('other').find((o) => o.start >= c.end - 1 && o.start - c.end <= 8 && !s.split(c.end, o.start));
    const before = s.all('other').find((o) => o.end <= c.start && c.start - o.end <= 6 && !s.split(o.end, c.start));
    const other = after ?? before ?? nameAfter(s, c);
    if (!other) continue;
    const why = guard(s, c);
    if (why) ignore('others-chosen', c, why);
    else add('others-chosen', c);
    return;
  }
  // "… candidates whose experience more closely matches", "someone who is a better fit".
  for (const o of s.all('other')) {
    const better = s.all('better').find((b) => b.start >= o.end && b.start - o.end <= 8);
    const fit = better && s.all('fit').find((f) => f.start >= better.start && f.start - better.end <= 4);
    if (!fit || s.negated(fit)) continue;
    const why = guard(s, o);
    if (why) ignore('others-chosen', o, why);
    else add('others-chosen', o);
    return;
  }
}

const BE_HAVE = new Set(['be', 'have'].map(stem));
const JOB_ENDED = new Set<Frame>(['filled', 'closed', 'cancelled']);
/** "a job you saved", "these roles closed before you applied": jobs in general, not the one applied for. */
const ANY_JOB = new Set(['a', 'an', 'any', 'these', 'those', 'some', 'many', 'other', 'similar'].map(stem));
/** "hiring manager", "recruiting team": people named for the job, not the job. */
const PEOPLE = new Set(
  ['manager', 'managers', 'team', 'panel', 'lead', 'committee', 'partner', 'coordinator'].map(stem),
);
const WATCHED = new Set(['saved', 'viewed', 'followed', 'liked', 'bookmarked', 'starred', 'favourited'].map(stem));
const CANCELLING = new Set(
  [
    'cancel',
    'withdraw',
    'withdrawn',
    'eliminate',
    'discontinue',
    'scrap',
    'remove',
    'take',
    'put',
    'end',
    'fall',
    'fell',
  ].map(stem),
);

function closedPosition(s: Sent, add: (f: Frame, t: Tag) => void, ignore: (f: Frame, t: Tag, why: string) => void) {
  for (const c of s.all('closed')) {
    const inherentlyNegative = s.stemAt(c.start) === 'no' || s.stemAt(c.start) === 'not';
    if (!inherentlyNegative && s.negated(c)) continue;
    // "our hiring manager is ill, so we can't go ahead": a person, not the job.
    const p = s.near(c, 'position', 8, 8, (o) => !PEOPLE.has(s.stemAt(o.end)));
    if (!p) continue;
    // "a job you saved is no longer available" is any job, not the one applied for; so is "the
    // following job you viewed": a job the reader watched, not one they applied for.
    if (ANY_JOB.has(s.stemAt(p.start - 1))) continue;
    if (s.stemAt(p.end) === 'you' && WATCHED.has(s.stemAt(p.end + 1))) continue;
    // "it" is the job only when it was filled: "we've filled it".
    if (s.stemAt(p.start) === 'it' && !s.all('filled').some((f) => f.start === c.start)) continue;
    // "we didn't go ahead with her for the opening": someone else's candidacy, not the job.
    if (someoneElseAfter(s, c)) continue;
    // Done, not planned: "has been filled", "is closed", "we have filled", "decided to cancel";
    // "we hope to fill the role by March" is a plan.
    if (!inherentlyNegative && !done(s, c.start)) continue;
    // "currently frozen", "temporarily closed": held for now, not closed.
    if (
      s.all('still').some((x) => x.end <= c.start && c.start - x.end <= 2) ||
      s.stemAt(c.start - 1) === stem('temporarily')
    )
      continue;
    const head = s.stemAt(c.start);
    const frame: Frame = s.all('filled').some((f) => f.start === c.start)
      ? 'filled'
      : CANCELLING.has(head) || inherentlyNegative
        ? 'cancelled'
        : 'closed';
    const why = guard(s, c, false);
    if (why) ignore(frame, c, why);
    else add(frame, c);
  }
}

/** "your application has been closed / withdrawn": the candidacy itself closed. */
function candidacyClosed(s: Sent, add: (f: Frame, t: Tag) => void, ignore: (f: Frame, t: Tag, why: string) => void) {
  for (const self of s.all('self')) {
    if (s.stemAt(self.start) === 'you') continue;
    const c = s
      .all('closed')
      .find((x) => x.start >= self.end && x.start - self.end <= 4 && !s.split(self.end, x.start));
    if (!c || s.negated(c) || !done(s, c.start)) continue;
    const why = guard(s, c);
    if (why) ignore('refused', c, why);
    else add('refused', c);
    return;
  }
}

const CANDIDATE_WORDS = new Set(
  ['experience', 'background', 'skills', 'profile', 'qualifications', 'requirements', 'portfolio', 'you'].map(stem),
);
function aboutCandidate(s: Sent): boolean {
  for (let i = s.s.start; i < s.s.end; i++) if (CANDIDATE_WORDS.has(s.stemAt(i))) return true;
  return false;
}

function notFit(s: Sent, add: (f: Frame, t: Tag) => void, ignore: (f: Frame, t: Tag, why: string) => void) {
  // "You were great, but we need someone with deeper B2B experience": a judgement of fit.
  for (const n of s.all('need-other')) {
    if (!s.all('contrast').some((c) => c.end <= n.start) || s.negated(n)) continue;
    const why = guard(s, n);
    if (why) ignore('not-fit', n, why);
    else add('not-fit', n);
    break;
  }
  for (const f of s.all('fit')) {
    // A fit is denied from further away: "we do not feel that it is a good match".
    if (!s.negated(f, FIT_REACH) || s.has('outreach')) continue;
    // A fit of the candidate or the job — not "hours do not match the records".
    if (!s.has('self') && !s.has('position') && !s.has('job') && !aboutCandidate(s)) continue;
    const why = guard(s, f);
    if (why) ignore('not-fit', f, why);
    else add('not-fit', f);
  }
}

/** Not negated, not conditional, not in general: the sentence says it of this email. */
function plain(s: Sent, t: Tag): boolean {
  return !s.negated(t) && guard(s, t) === null;
}

// Advance words that say the candidate goes on when said positively of them.
const ONWARD = new Set(
  ['move', 'go', 'proceed', 'progress', 'advance', 'select', 'shortlist', 'short', 'invite', 'successful', 'next'].map(
    stem,
  ),
);
/** "we invite you to review our openings": the reader is asked to look on their own, not moved on. */
const SELF_SERVE = new Set(
  ['review', 'apply', 'visit', 'explore', 'browse', 'check', 'look', 'view', 'follow', 'join', 'keep'].map(stem),
);
// Verbs that ask for an assessment to be done, not thank for one done.
const ASKING = new Set(
  ['please', 'link', 'click', 'deadline', 'within', 'due', 'expire', 'reminder', 'access'].map(stem),
);
const DO_IT = new Set(
  [
    'complete',
    'take',
    'start',
    'begin',
    'finish',
    'submit',
    'access',
    'click',
    'link',
    'deadline',
    'within',
    'attempt',
    'invite',
  ].map(stem),
);

const REVIEWING = new Set(['review', 'evaluate', 'consider'].map(stem));
const PENDING = new Set(['will', 'shall', 'be', 'currently', 'now', 'to', 'still'].map(stem));

function purposes(s: Sent, add: (f: Frame, t: Tag) => void) {
  for (const t of s.all('withdrawal')) if (plain(s, t)) add('withdrawal', t);
  // An offer made to someone else is someone else chosen, not an offer.
  for (const t of s.all('offer')) if (plain(s, t) && !s.near(t, 'other', 0, 6)) add('offer', t);
  // An invitation to meet, or a time to meet — a question may well be one ("are you free Tuesday?").
  // Thanks for a meeting, or a meeting in the past, is no invitation.
  const meeting = s.all('meeting')[0];
  if (meeting && !s.has('feedback') && !s.has('keep') && !s.has('hedge') && !s.has('thanks')) {
    const ask = s.all('invite').find((i) => !s.negated(i)) ?? s.all('availability')[0];
    if (ask && !s.before('cond', Math.min(ask.start, meeting.start)) && !s.before('generic', ask.start))
      add('invite', ask);
  }
  // "… we would love to interview you for another role": invited on, for a different job.
  const elsewhere = s.all('elsewhere')[0];
  if (elsewhere && meeting && plain(s, elsewhere)) add('other-role', elsewhere);
  if (!s.has('other') && !s.has('thanks') && !s.has('refuse') && !s.has('neg') && s.has('self')) {
    const on = s
      .all('advance')
      .find((a) => ONWARD.has(s.stemAt(a.start)) && plain(s, a) && !SELF_SERVE.has(s.stemAt(a.end + 2)));
    if (on) add('advance-self', on);
  }
  for (const t of s.all('congrats')) if (plain(s, t)) add('advance-self', t);
  // An assessment to do: asked for, with a link or a deadline — not thanks for one done.
  for (const t of s.all('assessment')) {
    if (s.has('thanks') || s.has('refuse')) continue;
    let asked = s.has('invite');
    for (let i = s.s.start; i < s.s.end && !asked; i++) {
      const k = s.tokens[i]!;
      asked =
        ASKING.has(k.stem) || (DO_IT.has(k.stem) && s.stemAt(i - 1) === 'to') || (DO_IT.has(k.stem) && i === s.s.start);
    }
    if (asked && plain(s, t)) add('assessment', t);
  }
  // "will review / is reviewing your application" acknowledges it; "we have reviewed it" is the
  // preamble of a decision.
  for (const t of s.all('received')) {
    if (REVIEWING.has(s.stemAt(t.start)) && ![1, 2, 3].some((k) => PENDING.has(s.stemAt(t.start - k)))) continue;
    if (plain(s, t)) {
      add('received', t);
      break;
    }
  }
  // "We will be in touch" after an application; not "… if a suitable role comes up".
  const contact = s.all('will-contact')[0];
  if (contact && !s.has('keep') && !s.has('generic')) add('will-contact', contact);
  for (const idea of SIMPLE) {
    // Regret is regret, negated or not ("not the news you were hoping for").
    const t = s.all(idea).find((x) => idea === 'regret' || !s.negated(x));
    if (t) add(idea, t);
  }
}

/** Purposes and soft words whose idea is the frame itself: found, and not negated, is enough. */
const SIMPLE = [
  'hold',
  'reserve',
  'pending',
  'reschedule',
  'info',
  'reference',
  'referral',
  'alert',
  'outreach',
  'account',
  'marketing',
  'regret',
  'goodwill',
  'keep',
  'thanks',
  'feedback',
  'need-other',
] as const satisfies readonly (Idea & Frame)[];

export function readFrames(tokens: Token[]): Reading {
  const tags = findIdeas(tokens);
  const sentences = sentencesOf(tokens);
  const findings: Finding[] = [];
  const ignored: Reading['ignored'] = [];
  let k = 0;
  sentences.forEach((sentence, index) => {
    const mine: Tag[] = [];
    while (k < tags.length && tags[k]!.start < sentence.end) {
      if (tags[k]!.start >= sentence.start && tags[k]!.end <= sentence.end) mine.push(tags[k]!);
      k++;
    }
    const s = new Sent(tokens, sentence, mine);
    const add = (frame: Frame, t: Tag) => findings.push({ frame, sentence: index, start: t.start, end: t.end });
    const ignore = (frame: Frame, t: Tag, why: string) =>
      ignored.push({ finding: { frame, sentence: index, start: t.start, end: t.end }, why });
    declined(s, add, ignore);
    othersChosen(s, add, ignore);
    closedPosition(s, add, ignore);
    notFit(s, add, ignore);
    candidacyClosed(s, add, ignore);
    purposes(s, add);
  });
  // "Your saved job has expired … this job has closed": a job the reader watched, whatever
  // became of it, is no decision about them.
  // (One job: "manage your saved jobs" is a footer, and stems make "jobs" "job".)
  const watched = tags.some((t) => t.idea === 'watched' && !tokens[t.end - 1]!.word.endsWith('s'));
  if (watched) {
    for (const f of findings.filter((x) => JOB_ENDED.has(x.frame))) {
      findings.splice(findings.indexOf(f), 1);
      ignored.push({ finding: f, why: 'a job you watched, not one you applied for' });
    }
  }
  return { tokens, sentences, findings, ignored, job: tags.some((t) => t.idea === 'job') };
}
