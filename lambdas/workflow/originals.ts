// One letter per email: which case holds an email the owner forwarded (by fingerprint,
// core/case.ts), so a second forward — or reviving an old draft of it — cannot thank twice.
import { letterStands, originalFingerprint, type Case, type OriginalSummary } from '../core/case.ts';
import type { CaseRepository } from './ports.ts';

/**
 * Makes `caseId` the holder of the email, unless another case holds it whose letter stands:
 * then that case. A holder whose letter was discarded or expired hands the email over.
 */
export async function holdOriginal(cases: CaseRepository, caseId: string, original: OriginalSummary): Promise<Case | null> {
  const fingerprint = originalFingerprint(original);
  // Bounded: each round another forward took the email in between; three cannot race forever.
  for (let round = 0; round < 3; round += 1) {
    const holder = await cases.claimOriginal(fingerprint, caseId);
    if (holder === caseId) return null;
    const other = await cases.get(holder);
    if (other && letterStands(other)) return other;
    if (await cases.passOriginal(fingerprint, holder, caseId)) return null;
  }
  return null;
}
