// Housekeeping for sends that never finished: a letter claimed (SENDING) whose sender crashed
// before recording the outcome may have left, so it is parked for the owner to check.
import type { ReviewDeps } from './owner-decisions.ts';
import { parkUnknown } from './send-letter.ts';

/** Letters claimed longer ago than `staleSeconds` whose sender crashed: parked, never resent. */
export async function sweepStaleSends(deps: ReviewDeps, staleSeconds: number): Promise<number> {
  const cutoff = deps.clock.now().getTime() - staleSeconds * 1000;
  let parked = 0;
  for (const record of await deps.cases.list({ status: 'SENDING' })) {
    if (Date.parse(record.updatedAt) > cutoff) continue;
    if (await parkUnknown(deps, record.id, 'The sending process stopped before it could record the result.'))
      parked += 1;
  }
  return parked;
}
