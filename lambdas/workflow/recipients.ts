// Whom a letter could go to when the email came from nobody to thank (a no-reply address): the
// people the email names, then contacts from earlier cases with the same company.
import type { Case } from '../core/case/index.ts';
import type { ReviewDeps } from './owner-decisions.ts';

/** Whom the letter could go to: people named in the mail, then contacts from earlier cases with the company. */
export async function recipientCandidates(deps: Pick<ReviewDeps, 'cases'>, record: Case) {
  // Stryker disable next-line ArrayDeclaration: a stand-in candidate would have no address, and is dropped below.
  const found: { name: string | null; address: string; source: string }[] = (record.extraction?.candidates ?? [])
    .filter((c): c is typeof c & { address: string } => Boolean(c.address))
    .map((c) => ({ name: c.name, address: c.address, source: c.source }));
  const company = record.extraction?.company?.toLowerCase();
  if (company) {
    for (const other of await deps.cases.list({ limit: 200 })) {
      const seen = other.extraction;
      if (other.id === record.id || !seen || seen.company?.toLowerCase() !== company) continue;
      const address = other.letter?.to ?? (seen.noReplySender ? null : seen.contactEmail);
      if (address)
        found.push({
          name: other.letter?.toName ?? seen.contactName ?? null,
          address,
          source: 'earlier case',
        });
    }
  }
  const seen = new Set<string>();
  return found.filter((c) => !seen.has(c.address.toLowerCase()) && seen.add(c.address.toLowerCase()));
}
