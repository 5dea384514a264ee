// The follow-up: weeks after a thank-you left, onward drafts a short check-in to the same person,
// in the same thread, and mails it to the owner, who approves it as they approved the thank-you.
// It is a second letter on the same case with its own claimed moves (core/case follow-up.ts):
// claimed SENDING before SES is called, never resent when the outcome is unknown.
import {
  type Case,
  FOLLOW_UP_AGAIN_FROM,
  FOLLOW_UP_PENDING,
  FOLLOW_UP_SENDABLE,
  type FollowUp,
  followUpBarred,
  followUpDue,
  followUpKey,
  SNOOZE_DAYS,
} from '../core/case/index.ts';
import { applyEdits, draftFollowUp, type LetterEdits, type Voice } from '../core/letter/index.ts';
import { followUpDraftMessage } from '../core/notices/index.ts';
import type { ReviewDeps } from './owner-decisions.ts';
import { letterMail, ownerMail } from './owner-mail.ts';
import { type Links, MailRejected } from './ports.ts';

export type FollowUpDeps = ReviewDeps & {
  links: Pick<Links, 'followUp' | 'cases' | 'replyRef' | 'replyAddress'>;
  /** Days after a letter left that its follow-up is due (0: at the next housekeeping run). */
  followUpDays: number;
};

const DAY_MS = 24 * 3600 * 1000;

function voiceOf(owner: ReviewDeps['owner']): Voice {
  return owner.voice ?? { greeting: 'first-name', closing: 'Again, thank you!', signOff: owner.name, signature: [] };
}

/** The follow-up's draft email; replies to it go to this round's own reply address. */
export async function emailFollowUpDraft(deps: ReviewDeps & Pick<FollowUpDeps, 'links'>, record: Case): Promise<void> {
  const f = record.followUp!;
  const message = followUpDraftMessage(record, {
    review: deps.links.followUp(record.id, f.round),
    cases: deps.links.cases(),
  });
  await deps.mailer.send(
    ownerMail(deps.owner, message, deps.links.replyAddress(followUpKey(record.id, f.round), f.letter)),
  );
}

/**
 * The housekeeping's part: every due follow-up drafted (or ended, when its address bounced) and
 * mailed to the owner — none while the owner's switch is off. The draft email is owed until it
 * has left: a run that failed after drafting mails it on the next.
 */
export async function draftDueFollowUps(
  deps: FollowUpDeps,
): Promise<{ drafted: number; barred: number; told: number }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  let drafted = 0;
  let barred = 0;
  if (await deps.cases.followUpsOn()) {
    for (const record of await deps.cases.list({ status: 'SENT' })) {
      if (!followUpDue(record, deps.followUpDays, now) || !record.letter?.to) continue;
      const f = record.followUp!;
      if (followUpBarred(record)) {
        // Conditional like every move: one stopped meanwhile by the owner stays as they left it.
        if (
          await deps.cases.transitionFollowUp(record.id, f.round, ['SCHEDULED'], 'STOPPED', { stopped: 'bounced', at })
        )
          barred += 1;
        continue;
      }
      // A snoozed follow-up comes back as the owner left it.
      const letter =
        f.letter ?? draftFollowUp({ sent: record.letter, extraction: record.extraction, voice: voiceOf(deps.owner) });
      const moved = await deps.cases.transitionFollowUp(record.id, f.round, ['SCHEDULED'], 'AWAITING_APPROVAL', {
        letter,
        replyRef: deps.links.replyRef(followUpKey(record.id, f.round)),
        snoozedUntil: undefined,
        ownerNotified: false,
        at,
      });
      if (moved) drafted += 1;
    }
  }
  let told = 0;
  for (const record of await deps.cases.list({ status: 'SENT' })) {
    const f = record.followUp;
    if (f?.status !== 'AWAITING_APPROVAL' || f.ownerNotified !== false) continue;
    await emailFollowUpDraft(deps, record);
    await deps.cases.transitionFollowUp(record.id, f.round, ['AWAITING_APPROVAL'], 'AWAITING_APPROVAL', {
      ownerNotified: true,
    });
    told += 1;
  }
  deps.log.info('follow-ups.drafted', { drafted, barred, told });
  return { drafted, barred, told };
}

export type FollowUpSendResult =
  | { outcome: 'sent' | 'already-sent' | 'failed' | 'unknown' | 'not-sendable'; record: Case }
  | { outcome: 'invalid'; record: Case; problems: string[] }
  | { outcome: 'missing' };

/** The follow-up of this round, sent at most once: claimed SENDING with a condition before SES is called. */
export async function sendFollowUp(
  deps: ReviewDeps,
  caseId: string,
  round: number,
  edits: Omit<LetterEdits, 'detail'>,
): Promise<FollowUpSendResult> {
  const current = await deps.cases.get(caseId);
  const f = current?.followUp;
  if (!current || !f || f.round !== round)
    return current ? { outcome: 'not-sendable', record: current } : { outcome: 'missing' };
  if (f.status === 'SENT') return { outcome: 'already-sent', record: current };
  if (!f.letter || !FOLLOW_UP_SENDABLE.includes(f.status)) return { outcome: 'not-sendable', record: current };
  const { letter, problems } = applyEdits(f.letter, { ...edits, detail: '' });
  if (problems.length) return { outcome: 'invalid', record: withFollowUp(current, { letter }), problems };

  const at = () => deps.clock.now().toISOString();
  const claimed = await deps.cases.transitionFollowUp(caseId, round, FOLLOW_UP_SENDABLE, 'SENDING', {
    letter,
    failure: undefined,
    at: at(),
  });
  if (!claimed) {
    const now = await deps.cases.get(caseId);
    if (!now) return { outcome: 'missing' };
    const sent = now.followUp?.round === round && now.followUp.status === 'SENT';
    return { outcome: sent ? 'already-sent' : 'not-sendable', record: now };
  }
  deps.log.info('follow-up.claimed', { caseId, round });
  let sentMessageId: string;
  try {
    sentMessageId = await deps.mailer.send(letterMail(deps.owner, letter, caseId, round));
  } catch (error) {
    if (!(error instanceof MailRejected)) {
      // It may have left: parked, never resent by itself, and the owner told.
      const failure = 'The connection to the mail service broke while sending.';
      const parked = await parkFollowUp(deps, claimed, round, failure);
      return { outcome: 'unknown', record: parked ?? withFollowUp(claimed, { status: 'SEND_UNKNOWN', failure }) };
    }
    const failure = `${error.code}: ${error.message}`;
    const parked = await deps.cases.transitionFollowUp(caseId, round, ['SENDING'], 'SEND_FAILED', {
      failure,
      at: at(),
    });
    deps.log.error('follow-up.refused', { caseId, round, code: error.code });
    return { outcome: 'failed', record: parked ?? withFollowUp(claimed, { status: 'SEND_FAILED', failure }) };
  }
  // If this write fails the follow-up stays SENDING, and the housekeeping parks it: never sent twice.
  const sent = await deps.cases.transitionFollowUp(caseId, round, ['SENDING'], 'SENT', {
    sentAt: at(),
    sentMessageId,
    at: at(),
  });
  deps.log.info('follow-up.sent', { caseId, round });
  return { outcome: 'sent', record: sent ?? withFollowUp(claimed, { status: 'SENT' }) };
}

const withFollowUp = (record: Case, changes: Partial<FollowUp>): Case => ({
  ...record,
  followUp: { ...record.followUp!, ...changes },
});

/** SENDING → SEND_UNKNOWN, and a note to the owner: only they can check whether it left. */
async function parkFollowUp(deps: ReviewDeps, record: Case, round: number, failure: string): Promise<Case | null> {
  const parked = await deps.cases.transitionFollowUp(record.id, round, ['SENDING'], 'SEND_UNKNOWN', {
    failure,
    at: deps.clock.now().toISOString(),
  });
  deps.log.error('follow-up.unknown', { caseId: record.id, round });
  const letter = parked?.followUp?.letter;
  if (!letter) return parked;
  try {
    await deps.mailer.send(
      ownerMail(deps.owner, {
        subject: `Check your follow-up: ${letter.subject}`,
        text: [
          `onward was sending your follow-up to ${letter.to} when ${failure.charAt(0).toLowerCase()}${failure.slice(1)}`,
          'It may or may not have left. onward will not send it again by itself.',
          'Check with the recipient or your Sent mail; you can stop follow-ups for this case from its page.',
        ].join('\n'),
      }),
    );
  } catch {
    // The case page shows it either way; a failed note must not hide the parked follow-up.
    deps.log.error('follow-up.unknown-notice-failed', { caseId: record.id, round });
  }
  return parked;
}

/** Follow-ups claimed longer ago than `staleSeconds` whose sender crashed: parked, never resent. */
export async function sweepStaleFollowUps(deps: ReviewDeps, staleSeconds: number): Promise<number> {
  const cutoff = deps.clock.now().getTime() - staleSeconds * 1000;
  let parked = 0;
  for (const record of await deps.cases.list({ status: 'SENT' })) {
    const f = record.followUp;
    if (f?.status !== 'SENDING' || Date.parse(f.at) > cutoff) continue;
    const failure = 'The sending process stopped before it could record the result.';
    if (await parkFollowUp(deps, record, f.round, failure)) parked += 1;
  }
  return parked;
}

export type FollowUpDecision = { outcome: 'done' | 'unchanged'; record: Case } | { outcome: 'missing' };

async function decide(
  deps: ReviewDeps,
  caseId: string,
  move: (record: Case, f: FollowUp) => Promise<Case | null>,
): Promise<FollowUpDecision> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  const done = current.followUp ? await move(current, current.followUp) : null;
  if (done) return { outcome: 'done', record: done };
  const now = await deps.cases.get(caseId);
  return now ? { outcome: 'unchanged', record: now } : { outcome: 'missing' };
}

/** "Not now": the draft waits, as the owner left it, and comes back in SNOOZE_DAYS. */
export function snoozeFollowUp(deps: ReviewDeps, caseId: string, round: number): Promise<FollowUpDecision> {
  return decide(deps, caseId, async (_, f) => {
    if (f.round !== round) return null;
    const now = deps.clock.now();
    const done = await deps.cases.transitionFollowUp(caseId, round, ['AWAITING_APPROVAL'], 'SCHEDULED', {
      snoozedUntil: new Date(now.getTime() + SNOOZE_DAYS * DAY_MS).toISOString(),
      ownerNotified: undefined,
      at: now.toISOString(),
    });
    if (done) deps.log.info('follow-up.snoozed', { caseId, round });
    return done;
  });
}

/** "Stop": no follow-up on this case (one that may have left is never resent either). */
export function stopFollowUp(deps: ReviewDeps, caseId: string, round: number): Promise<FollowUpDecision> {
  return decide(deps, caseId, async (_, f) => {
    if (f.round !== round) return null;
    const done = await deps.cases.transitionFollowUp(caseId, round, [...FOLLOW_UP_PENDING, 'SEND_UNKNOWN'], 'STOPPED', {
      stopped: 'owner',
      at: deps.clock.now().toISOString(),
    });
    if (done) deps.log.info('follow-up.stopped', { caseId, round });
    return done;
  });
}

/** "Follow up again": after one left (or they were stopped), the next round, due the setting's days from now. */
export function followUpAgain(deps: ReviewDeps, caseId: string, round: number): Promise<FollowUpDecision> {
  return decide(deps, caseId, async (_, f) => {
    if (f.round !== round) return null;
    const at = deps.clock.now().toISOString();
    const earlier = f.sentAt ? [...(f.earlier ?? []), { sentAt: f.sentAt, sentMessageId: f.sentMessageId }] : f.earlier;
    const done = await deps.cases.transitionFollowUp(caseId, round, FOLLOW_UP_AGAIN_FROM, 'SCHEDULED', {
      round: round + 1,
      since: at,
      at,
      earlier,
      snoozedUntil: undefined,
      letter: undefined,
      replyRef: undefined,
      ownerNotified: undefined,
      sentAt: undefined,
      sentMessageId: undefined,
      failure: undefined,
      stopped: undefined,
      answeredBy: undefined,
    });
    if (done) deps.log.info('follow-up.again', { caseId, round: round + 1 });
    return done;
  });
}

/** The owner's one switch for all follow-ups ("I took a job"): off, none is drafted; on again, due ones are. */
export async function switchAllFollowUps(deps: ReviewDeps, on: boolean): Promise<void> {
  await deps.cases.switchFollowUps(on, deps.clock.now().toISOString());
  deps.log.info('follow-ups.switched', { on });
}
