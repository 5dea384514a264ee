// The interviewer's answer to a letter onward sent, forwarded by the owner: recognised by its
// References (they hold the letter's Message-ID), joined to the letter's case — never read as a
// new rejection to thank — and the follow-up still to come for that letter is cancelled.
import { answersLetterOf, type Case, FOLLOW_UP_PENDING, type OriginalSummary } from '../core/case/index.ts';
import { answerMessage } from '../core/notices/index.ts';
import type { ReceiveDeps, ReceiveOutcome } from './inbound.ts';
import { ownerMail } from './owner-mail.ts';
import { setAside } from './set-aside.ts';

/** Null when the mail answers no letter onward sent. */
export async function joinAnswer(
  deps: Pick<ReceiveDeps, 'cases' | 'mailer' | 'clock' | 'log' | 'owner' | 'links'>,
  record: Case,
  original: OriginalSummary,
): Promise<ReceiveOutcome | null> {
  if (!original.references) return null;
  const letterCase = (await deps.cases.list({ status: 'SENT' })).find((c) =>
    answersLetterOf(c, original.references, deps.owner.senderAddress),
  );
  if (!letterCase) return null;
  // Cancel first: conditional, so a replay of this mail changes nothing more.
  const f = letterCase.followUp;
  const cancelled =
    f && FOLLOW_UP_PENDING.includes(f.status)
      ? await deps.cases.transitionFollowUp(letterCase.id, f.round, FOLLOW_UP_PENDING, 'STOPPED', {
          stopped: 'answered',
          answeredBy: record.id,
          at: deps.clock.now().toISOString(),
        })
      : null;
  const joined = await setAside(deps.cases, record.id, {
    original,
    reason: 'answer',
    answerOf: letterCase.id,
    ownerNotified: false,
  });
  // Another delivery of the same event recorded it; the owner's note is owed until it left.
  const now = joined ?? (await deps.cases.get(record.id));
  if (now?.reason !== 'answer' || now.ownerNotified !== false) return { outcome: 'duplicate', caseId: record.id };
  await deps.mailer.send(
    ownerMail(
      deps.owner,
      answerMessage(letterCase, original, cancelled !== null || f?.answeredBy === record.id, {
        cases: deps.links.cases(),
      }),
    ),
  );
  await deps.cases.update(record.id, 'IGNORED', { ownerNotified: true });
  deps.log.info('mail.answer', { caseId: record.id, letterCase: letterCase.id, cancelled: cancelled !== null });
  return { outcome: 'noticed', caseId: record.id };
}
