// Discard a draft. The status it was discarded from is kept: a draft discarded after a send that
// may have gone through can never be revived, so it can never leave twice. What the owner had
// typed on the page is kept too, so a revived draft comes back as they left it.
import { DISCARDABLE, SENDABLE } from '../core/case/index.ts';
import { applyEdits, keepable, type LetterEdits } from '../core/letter/index.ts';
import type { DecisionResult, ReviewDeps } from './owner-decisions.ts';

export async function discardDraft(deps: ReviewDeps, caseId: string, edits?: LetterEdits): Promise<DecisionResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  // Edits count only where the page offered them (a letter that may have left is not editable),
  // kept as typed, valid or not: the owner finishes them after a revival.
  const typed =
    edits && current.letter && SENDABLE.includes(current.status) ? applyEdits(current.letter, edits).letter : null;
  const kept = typed && keepable(typed) ? { letter: typed } : {};
  // From the status just read, and remembering it: whether it may be revived depends on it.
  const done = DISCARDABLE.includes(current.status)
    ? await deps.cases.transition(caseId, [current.status], 'DISCARDED', { discardedFrom: current.status, ...kept })
    : null;
  if (done) {
    deps.log.info('letter.discarded', { caseId, editsKept: 'letter' in kept });
    return { outcome: 'done', record: done };
  }
  const now = await deps.cases.get(caseId);
  return now ? { outcome: 'unchanged', record: now } : { outcome: 'missing' };
}
