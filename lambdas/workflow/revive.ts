// Bring a draft back for review: one that expired, or one discarded by mistake — a Discard is
// undone, not lost. Never one that may have left, and never beside a newer letter for the same email.
import { type Case, type OwnerLabel, revivable } from '../core/case/index.ts';
import { holdOriginal } from './originals.ts';
import type { ReviewDeps } from './owner-decisions.ts';
import { rememberForTemplate } from './owner-labels.ts';

/** The draft back for review; `heldBy`: a later forward of the same email has a letter of its own (it stays the one). */
export async function reviveDraft(
  deps: Pick<ReviewDeps, 'cases' | 'log' | 'clock' | 'owner'>,
  caseId: string,
): Promise<Case | { heldBy: Case } | null> {
  const current = await deps.cases.get(caseId);
  if (!current || !revivable(current)) return null;
  const heldBy = current.original ? await holdOriginal(deps.cases, caseId, current.original) : null;
  if (heldBy) return { heldBy };
  // A draft the owner dropped as "not a rejection" and wants back is a rejection after all: the
  // label (and the template's) follows, or the next email like it would get no letter.
  const relabel: OwnerLabel | undefined =
    current.ownerLabel?.label === 'not_rejection'
      ? { label: 'rejection', at: deps.clock.now().toISOString(), how: 'page' }
      : undefined;
  const revived = await deps.cases.transition(
    caseId,
    [current.status],
    'AWAITING_APPROVAL',
    relabel ? { ownerLabel: relabel } : {},
  );
  if (revived && relabel) await rememberForTemplate(deps, revived, relabel);
  if (revived) deps.log.info('draft.revived', { caseId, relabelled: relabel !== undefined });
  return revived;
}
