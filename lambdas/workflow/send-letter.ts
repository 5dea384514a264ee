// Send the letter, at most once: it is claimed with a conditional SENDING before SES is called,
// so double clicks, parallel POSTs and replays send nothing more; a send whose outcome is unknown
// is parked, never retried by itself.
import { type Case, firstFollowUp, SENDABLE } from '../core/case/index.ts';
import { applyEdits, detailAsTyped, type LetterEdits } from '../core/letter/index.ts';
import type { ReviewDeps } from './owner-decisions.ts';
import { letterMail, ownerMail } from './owner-mail.ts';
import { MailRejected } from './ports.ts';

export type SendResult =
  | { outcome: 'sent' | 'already-sent'; record: Case }
  | { outcome: 'invalid'; record: Case; problems: string[] }
  /** Nothing sent: the detail was reshaped into the letter, which the owner reads before Send. */
  | { outcome: 'check'; record: Case }
  | { outcome: 'failed' | 'unknown'; record: Case }
  | { outcome: 'not-sendable'; record: Case }
  | { outcome: 'missing' };

export async function sendLetter(deps: ReviewDeps, caseId: string, edits: LetterEdits): Promise<SendResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  if (current.status === 'SENT') return { outcome: 'already-sent', record: current };
  if (!current.letter || !SENDABLE.includes(current.status)) return { outcome: 'not-sendable', record: current };

  const { letter, problems } = applyEdits(current.letter, edits);
  if (problems.length) return { outcome: 'invalid', record: { ...current, letter }, problems };
  if (!detailAsTyped(edits.detail)) return { outcome: 'check', record: { ...current, letter } };

  const claimed = await deps.cases.transition(caseId, SENDABLE, 'SENDING', { letter, failure: undefined });
  if (!claimed) {
    const now = await deps.cases.get(caseId);
    if (!now) return { outcome: 'missing' };
    return { outcome: now.status === 'SENT' ? 'already-sent' : 'not-sendable', record: now };
  }
  deps.log.info('letter.claimed', { caseId });

  let sentMessageId: string;
  try {
    sentMessageId = await deps.mailer.send(letterMail(deps.owner, letter, caseId));
  } catch (error) {
    if (!(error instanceof MailRejected)) {
      // It may have left: park it, tell the owner, never resend it automatically.
      const parked = await parkUnknown(deps, caseId, 'The connection to the mail service broke while sending.');
      return { outcome: 'unknown', record: parked ?? { ...claimed, status: 'SEND_UNKNOWN' } };
    }
    // SES said no: nothing left, the owner may retry.
    const failure = `${error.code}: ${error.message}`;
    const parked = await deps.cases.transition(caseId, ['SENDING'], 'SEND_FAILED', { failure });
    deps.log.error('letter.refused', { caseId, code: error.code });
    return { outcome: 'failed', record: parked ?? { ...claimed, status: 'SEND_FAILED', failure } };
  }
  // The letter has left. If this write fails the case stays SENDING, and the housekeeping sweep
  // (sweepStaleSends) parks it as SEND_UNKNOWN: it is never sent twice.
  const sentAt = deps.clock.now().toISOString();
  // The follow-up's wait starts as the letter leaves (follow-up.ts drafts it when due).
  const sent = await deps.cases.transition(caseId, ['SENDING'], 'SENT', {
    sentAt,
    sentMessageId,
    followUp: firstFollowUp(sentAt),
  });
  deps.log.info('letter.sent', { caseId });
  return { outcome: 'sent', record: sent ?? { ...claimed, status: 'SENT' } };
}

/** SENDING → SEND_UNKNOWN, and a note to the owner: only they can check whether it left. */
export async function parkUnknown(deps: ReviewDeps, caseId: string, failure: string): Promise<Case | null> {
  const parked = await deps.cases.transition(caseId, ['SENDING'], 'SEND_UNKNOWN', { failure });
  deps.log.error('letter.unknown', { caseId });
  if (!parked?.letter) return parked;
  try {
    await deps.mailer.send(
      ownerMail(deps.owner, {
        subject: `Check your letter: ${parked.letter.subject}`,
        text: [
          `onward was sending your letter to ${parked.letter.to} when ${failure.charAt(0).toLowerCase()}${failure.slice(1)}`,
          'It may or may not have left. onward will not send it again by itself.',
          'Check with the recipient or your Sent mail before doing anything; you can discard the draft from the review page.',
        ].join('\n'),
      }),
    );
  } catch {
    // The case page shows SEND_UNKNOWN either way; a failed note must not hide the parked case.
    deps.log.error('letter.unknown-notice-failed', { caseId });
  }
  return parked;
}

export type SentMyselfResult =
  | { outcome: 'recorded' | 'already-sent'; record: Case }
  | { outcome: 'not-refused'; record: Case }
  | { outcome: 'missing' };

/**
 * SES refused the letter (in the SES sandbox it may write only to verified addresses) and the
 * owner sent it from their own mail: recorded as sent, by them. Only a refused letter: one that
 * may still leave through onward (waiting) or may have left (SEND_UNKNOWN) is not theirs to mark.
 */
export async function recordSentByOwner(deps: ReviewDeps, caseId: string): Promise<SentMyselfResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  if (current.status === 'SENT') return { outcome: 'already-sent', record: current };
  // Stryker disable next-line ConditionalExpression: a shortcut — the transition below, from SEND_FAILED only, refuses the same cases and answers 'not-refused' with the same record.
  if (current.status !== 'SEND_FAILED') return { outcome: 'not-refused', record: current };
  const sentAt = deps.clock.now().toISOString();
  const sent = await deps.cases.transition(caseId, ['SEND_FAILED'], 'SENT', {
    sentAt,
    sentBy: 'owner',
    followUp: firstFollowUp(sentAt),
  });
  if (!sent) {
    const now = await deps.cases.get(caseId);
    if (!now) return { outcome: 'missing' };
    return now.status === 'SENT' ? { outcome: 'already-sent', record: now } : { outcome: 'not-refused', record: now };
  }
  deps.log.info('letter.sent-by-owner', { caseId });
  return { outcome: 'recorded', record: sent };
}
