// The owner's data is theirs to delete: recruiters' names and addresses are personal data. A case
// goes with its raw mail (the bucket), its item (the table), the items naming it as the holder of
// its email, and its echoes — the same email forwarded again (`duplicateOf`) and the owner's
// replies about it (`repliedTo`), which quote it.
import { type Case, DELETABLE } from '../core/case/index.ts';
import type { CaseEraser, CaseRepository, Logger, RawMailEraser } from './ports.ts';

export interface DeleteDeps {
  cases: CaseRepository & CaseEraser;
  rawMail: RawMailEraser;
  /** Where SES's S3 action stores a case's raw message: `<prefix><case id>`. */
  rawMailPrefix: string;
  log: Logger;
}

export type DeleteResult = { outcome: 'deleted'; removed: number } | { outcome: 'missing' } | { outcome: 'busy' };

/**
 * Raw mail first, then the item: a failure between the two leaves the case listed, to delete
 * again, rather than mail in the bucket that nothing names any more.
 */
async function erase(deps: DeleteDeps, record: Case): Promise<boolean> {
  await deps.rawMail.delete(`${deps.rawMailPrefix}${record.id}`);
  return deps.cases.remove(record, DELETABLE);
}

/** "Delete this case": the case and its echoes. A case being worked on right now is left alone. */
export async function deleteCase(deps: DeleteDeps, caseId: string): Promise<DeleteResult> {
  const record = await deps.cases.get(caseId);
  if (!record) return { outcome: 'missing' };
  if (!DELETABLE.includes(record.status)) return { outcome: 'busy' };
  const echoes = (await deps.cases.list({ limit: 1_000_000 })).filter(
    (c) => c.duplicateOf === caseId || c.repliedTo === caseId,
  );
  let removed = 0;
  for (const c of [record, ...echoes]) if (await erase(deps, c)) removed += 1;
  deps.log.info('case.deleted', { caseId, removed });
  return { outcome: 'deleted', removed };
}

/**
 * "Delete everything": every case that rests, with its raw mail, and every verdict the owner gave
 * on a template ("not a rejection", "draft anyway": keyed by a hash of recruiters' addresses,
 * subjects and openings). Deleting one case leaves its verdict: the owner's correction stands for
 * the next email like it. Returns how many cases went, how many were busy, how many verdicts went.
 */
export async function deleteEverything(deps: DeleteDeps): Promise<{ removed: number; busy: number; verdicts: number }> {
  let removed = 0;
  let busy = 0;
  for (const c of await deps.cases.list({ limit: 1_000_000 })) {
    if (DELETABLE.includes(c.status) && (await erase(deps, c))) removed += 1;
    else busy += 1;
  }
  const verdicts = await deps.cases.forgetTemplates();
  deps.log.info('cases.deleted-all', { removed, busy, verdicts });
  return { removed, busy, verdicts };
}
