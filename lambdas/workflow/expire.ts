// Drafts do not wait forever: past the link lifetime a waiting draft becomes EXPIRED, and its
// links stop working. The owner can revive one from the Cases page — a discarded one too: a
// Discard pressed by mistake is undone, not lost.
import { letterStands, type Case } from '../core/case.ts';
import { holdOriginal } from './originals.ts';
import type { CaseRepository, Clock, Logger } from './ports.ts';

export interface ExpireDeps {
  cases: CaseRepository;
  clock: Clock;
  log: Logger;
  lifetimeSeconds: number;
}

export async function expireDrafts(deps: ExpireDeps): Promise<number> {
  const cutoff = deps.clock.now().getTime() - deps.lifetimeSeconds * 1000;
  let expired = 0;
  for (const record of await deps.cases.list({ status: 'AWAITING_APPROVAL' })) {
    if (Date.parse(record.updatedAt) > cutoff) continue;
    // Conditional: a draft sent or edited meanwhile is left alone.
    if (await deps.cases.transition(record.id, ['AWAITING_APPROVAL'], 'EXPIRED', {})) expired += 1;
  }
  deps.log.info('drafts.expired', { count: expired });
  return expired;
}

/**
 * A draft that can be brought back: it waited too long, or the owner discarded it — never one
 * discarded after a send that may have gone through (SEND_UNKNOWN): it must not leave twice.
 */
export function revivable(record: Case): boolean {
  if (!record.letter) return false;
  return (
    record.status === 'EXPIRED' ||
    (record.status === 'DISCARDED' && record.discardedFrom !== undefined && !letterStands(record))
  );
}

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
