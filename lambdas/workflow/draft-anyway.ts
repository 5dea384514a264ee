// The owner overrides the reader: a thank-you drafted for mail onward set aside as not (surely)
// a rejection — still one letter per email.
import { draftableAnyway } from '../core/case/index.ts';
import { draftLetter } from '../core/letter/index.ts';
import { holdOriginal } from './originals.ts';
import type { DecisionResult, ReviewDeps } from './owner-decisions.ts';

/** "Draft a thank-you anyway" for a mail onward judged not (surely) a rejection. */
export async function draftAnyway(deps: ReviewDeps, caseId: string): Promise<DecisionResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  const { original, extraction, classification } = current;
  if (!draftableAnyway(current) || !original || !extraction) {
    return { outcome: 'unchanged', record: current };
  }
  // One letter per email: a second forward drafted anyway must not thank twice.
  const heldBy = await holdOriginal(deps.cases, caseId, original);
  if (heldBy) return { outcome: 'held', record: heldBy };
  const letter = draftLetter({
    ownerName: deps.owner.name,
    voice: deps.owner.voice,
    seed: caseId,
    original,
    extraction,
    kind: classification?.kind,
  });
  const done = await deps.cases.transition(caseId, ['IGNORED'], 'AWAITING_APPROVAL', { letter });
  if (!done) return { outcome: 'unchanged', record: (await deps.cases.get(caseId)) ?? current };
  deps.log.info('letter.drafted-anyway', { caseId });
  return { outcome: 'done', record: done };
}
