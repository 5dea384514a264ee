// What the owner's decisions on a case (send, discard, draft anyway, revive, a fresh link) need
// from the world, and how a decision that is not a send turns out.
import type { Case } from '../core/case/index.ts';
import type { CaseRepository, Clock, Logger, Mailer, Owner } from './ports.ts';

export interface ReviewDeps {
  cases: CaseRepository;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  owner: Owner;
}

/** `held`: another forward of the same email has its letter already; `record` is that case. */
export type DecisionResult = { outcome: 'done' | 'unchanged' | 'held'; record: Case } | { outcome: 'missing' };
