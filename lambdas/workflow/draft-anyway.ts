// The owner overrides the reader: a thank-you drafted for mail onward set aside as not (surely)
// a rejection — still one letter per email. The owner's word is recorded as their label on the
// case and remembered for the email's template (owner-labels.ts).
import { draftableAnyway, type OwnerLabel } from '../core/case/index.ts';
import { draftLetter } from '../core/letter/index.ts';
import { holdOriginal } from './originals.ts';
import type { DecisionResult, ReviewDeps } from './owner-decisions.ts';
import { rememberForTemplate } from './owner-labels.ts';

/** "Draft a thank-you anyway" for a mail onward judged not (surely) a rejection: from its link, or a reply "draft". */
export async function draftAnyway(
  deps: ReviewDeps,
  caseId: string,
  how: OwnerLabel['how'] = 'page',
): Promise<DecisionResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  const { original, extraction, classification } = current;
  if (!draftableAnyway(current) || !original || !extraction) {
    // Drafted anyway before: the template is written again, in case a failure came between the writes.
    if (current.ownerLabel?.label === 'rejection') await rememberForTemplate(deps, current, current.ownerLabel);
    return { outcome: 'unchanged', record: current };
  }
  const ownerLabel: OwnerLabel = { label: 'rejection', at: deps.clock.now().toISOString(), how };
  // One letter per email: a second forward drafted anyway must not thank twice — but the owner's
  // word on what the email is still counts.
  const heldBy = await holdOriginal(deps.cases, caseId, original);
  if (heldBy) {
    const labelled = await deps.cases.update(caseId, 'IGNORED', { ownerLabel });
    if (labelled) await rememberForTemplate(deps, labelled, ownerLabel);
    return { outcome: 'held', record: heldBy };
  }
  const letter = draftLetter({
    ownerName: deps.owner.name,
    voice: deps.owner.voice,
    seed: caseId,
    original,
    extraction,
    kind: classification?.kind,
  });
  const done = await deps.cases.transition(caseId, ['IGNORED'], 'AWAITING_APPROVAL', { letter, ownerLabel });
  if (!done) return { outcome: 'unchanged', record: (await deps.cases.get(caseId)) ?? current };
  await rememberForTemplate(deps, done, ownerLabel);
  deps.log.info('letter.drafted-anyway', { caseId, how });
  return { outcome: 'done', record: done };
}
