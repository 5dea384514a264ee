// Discard a draft. The status it was discarded from is kept: a draft discarded after a send that
// may have gone through can never be revived, so it can never leave twice.
import { DISCARDABLE } from '../core/case/index.ts';
import type { DecisionResult, ReviewDeps } from './owner-decisions.ts';

export async function discardDraft(deps: ReviewDeps, caseId: string): Promise<DecisionResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  // From the status just read, and remembering it: whether it may be revived depends on it.
  const done = DISCARDABLE.includes(current.status)
    ? await deps.cases.transition(caseId, [current.status], 'DISCARDED', { discardedFrom: current.status })
    : null;
  if (done) {
    deps.log.info('letter.discarded', { caseId });
    return { outcome: 'done', record: done };
  }
  const now = await deps.cases.get(caseId);
  return now ? { outcome: 'unchanged', record: now } : { outcome: 'missing' };
}
