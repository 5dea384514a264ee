// Drafts do not wait forever: past the link lifetime a waiting draft becomes EXPIRED, and its
// links stop working. The owner can bring it back (revive.ts).
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
