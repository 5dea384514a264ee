// Mail that came in and is not made a letter of — a notice, a duplicate, the owner's own reply,
// something unreadable — is set aside: its case moves from RECEIVED to IGNORED, saying why.
import type { Case } from '../core/case/index.ts';
import type { CaseRepository } from './ports.ts';

/** Sets the just-received case `id` aside with `changes`; null when another delivery of it did first. */
export const setAside = (cases: CaseRepository, id: string, changes: Partial<Case>): Promise<Case | null> =>
  cases.transition(id, ['RECEIVED'], 'IGNORED', changes);
