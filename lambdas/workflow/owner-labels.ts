// The owner corrects the reader, and it sticks: "Not a rejection" (and "Draft a thank-you
// anyway", draft-anyway.ts) is recorded on the case as the owner's label, and remembered for the
// email's template, so the next email like it gets the owner's verdict (receive-mail.ts).
import { type Case, mayMarkNotRejection, type OwnerLabel, SENDABLE, type TemplateLabel } from '../core/case/index.ts';
import type { Classification } from '../core/classify/index.ts';
import { templateFingerprint, withOwnerVerdict } from '../core/labels/index.ts';
import type { DecisionResult, ReviewDeps } from './owner-decisions.ts';
import type { CaseRepository, Owner } from './ports.ts';

type LabelDeps = { cases: CaseRepository; owner: Owner };

const fingerprintOf = (deps: LabelDeps, record: Pick<Case, 'original' | 'extraction'>) =>
  record.original
    ? templateFingerprint(record.original, {
        role: record.extraction?.role ?? null,
        company: record.extraction?.company ?? null,
        greeting: record.extraction?.greeting,
        ownerName: deps.owner.name,
      })
    : null;

/** Remembers the owner's verdict on this case's email for every later email of its template. */
export async function rememberForTemplate(deps: LabelDeps, record: Case, label: OwnerLabel): Promise<void> {
  const fingerprint = fingerprintOf(deps, record);
  if (fingerprint) await deps.cases.labelTemplate(fingerprint, { ...label, caseId: record.id });
}

/**
 * The reader's classification, under the owner's verdict when they judged an email of the same
 * template before; `from` names the case they judged.
 */
export async function withOwnersWord(
  deps: LabelDeps,
  record: Pick<Case, 'original' | 'extraction'>,
  reader: Classification,
): Promise<{ classification: Classification; from: TemplateLabel | null }> {
  const fingerprint = fingerprintOf(deps, record);
  const said = fingerprint ? await deps.cases.templateLabel(fingerprint) : null;
  return { classification: said ? withOwnerVerdict(reader, said) : reader, from: said };
}

/**
 * "Not a rejection": the owner's label on the case and its template. A draft still waiting is
 * discarded in the same write, so nothing can be sent after it; a letter that left stays as it is.
 */
export async function markNotRejection(
  deps: ReviewDeps,
  caseId: string,
  how: OwnerLabel['how'],
): Promise<DecisionResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  if (!mayMarkNotRejection(current)) {
    // Said before: the template is written again, in case a failure came between the two writes
    // (a retried event, a second press). A later verdict on the template still stands.
    if (current.ownerLabel?.label === 'not_rejection') await rememberForTemplate(deps, current, current.ownerLabel);
    return { outcome: 'unchanged', record: current };
  }
  const ownerLabel: OwnerLabel = { label: 'not_rejection', at: deps.clock.now().toISOString(), how };
  const discards = SENDABLE.includes(current.status);
  // From the status just read: a Send that claimed the letter in between wins, and nothing is labelled.
  const done = discards
    ? await deps.cases.transition(caseId, [current.status], 'DISCARDED', { discardedFrom: current.status, ownerLabel })
    : await deps.cases.update(caseId, current.status, { ownerLabel });
  if (!done) {
    const now = await deps.cases.get(caseId);
    return now ? { outcome: 'unchanged', record: now } : { outcome: 'missing' };
  }
  await rememberForTemplate(deps, done, ownerLabel);
  deps.log.info('case.labelled', { caseId, label: ownerLabel.label, how, discarded: discards });
  return { outcome: 'done', record: done };
}
