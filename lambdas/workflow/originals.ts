// One letter per email: which case holds an email the owner forwarded (by fingerprint,
// core/case.ts), so a second forward — or reviving an old draft of it — cannot thank twice.
import { letterStands, originalFingerprints, type Case, type OriginalSummary } from '../core/case/index.ts';
import type { CaseRepository } from './ports.ts';

/**
 * Makes `caseId` the holder of the email, unless another case holds it whose letter stands:
 * then that case. A holder whose letter was discarded or expired hands the email over.
 * `recording`: the owner forwards it to record only, so a case that recorded it already holds
 * it too (recorded twice is one rejection), where a forward for a letter takes it over.
 */
export async function holdOriginal(
  cases: CaseRepository,
  caseId: string,
  original: OriginalSummary,
  recording = false,
): Promise<Case | null> {
  const keys = originalFingerprints(original);
  // The same Message-ID is the same email.
  const byId = keys.id ? await holdOne(cases, caseId, keys.id, recording, () => true) : null;
  if (byId) return byId;
  // The same sender, subject and text — attached once and inline once is one email — unless both
  // kept Message-IDs and they differ: one template sent twice, for two applications.
  return holdOne(
    cases,
    caseId,
    keys.text,
    recording,
    (other) => !(original.messageId && other.original?.messageId && other.original.messageId !== original.messageId),
  );
}

const recordedWithoutLetter = (c: Case): boolean => c.status === 'IGNORED' && c.reason === 'no-letter-suggested';

async function holdOne(
  cases: CaseRepository,
  caseId: string,
  fingerprint: string,
  recording: boolean,
  sameEmail: (other: Case) => boolean,
): Promise<Case | null> {
  // Bounded: each round another forward took the email in between; three cannot race forever.
  for (let round = 0; round < 3; round += 1) {
    const holder = await cases.claimOriginal(fingerprint, caseId);
    if (holder === caseId) return null;
    const other = await cases.get(holder);
    // A holder still RECEIVED claimed the email a moment ago and is drafting its letter now: two
    // forwards of one email handled at the same time still make one letter.
    // A rejection recorded with no letter suggested holds it too: forwarded again, it is the same case.
    const holds =
      other &&
      (letterStands(other) ||
        other.status === 'RECEIVED' ||
        recordedWithoutLetter(other) ||
        (recording && other.reason === 'record-only'));
    if (holds) return sameEmail(other) ? other : null;
    if (await cases.passOriginal(fingerprint, holder, caseId)) return null;
  }
  return null;
}
