// Bring a draft back for review: one that expired, or one discarded by mistake — a Discard is
// undone, not lost. Never one that may have left, and never beside a newer letter for the same email.
import { type Case, revivable } from '../core/case/index.ts';
import type { ExpireDeps } from './expire.ts';
import { holdOriginal } from './originals.ts';

/** The draft back for review; `heldBy`: a later forward of the same email has a letter of its own (it stays the one). */
export async function reviveDraft(
  deps: Pick<ExpireDeps, 'cases' | 'log'>,
  caseId: string,
): Promise<Case | { heldBy: Case } | null> {
  const current = await deps.cases.get(caseId);
  if (!current || !revivable(current)) return null;
  const heldBy = current.original ? await holdOriginal(deps.cases, caseId, current.original) : null;
  if (heldBy) return { heldBy };
  const revived = await deps.cases.transition(caseId, [current.status], 'AWAITING_APPROVAL', {});
  if (revived) deps.log.info('draft.revived', { caseId });
  return revived;
}
