// The owner's corrections as records of the labelled corpus the reader is measured on (its
// schema: ../shared/corpus/README.md), so they can join the evaluation.
import type { Case } from '../case/index.ts';

interface CorpusRecord {
  id: string;
  label: 'rejection' | 'not_rejection';
  category: string;
  /** The reader's phrases are English; mail it found to be in another language has none given. */
  language: string | null;
  from_name: string | null;
  from_email: string | null;
  subject: string;
  body: string;
  expected: { company: string | null; role: string | null; sender_name: string | null; sender_email: string | null };
  ambiguous: false;
  notes: string;
}

/**
 * A case the owner labelled, as a corpus record; null for one they did not. `body` is the
 * email's whole text when the raw mail is still kept; the case itself holds only its opening.
 * The expected fields are onward's reading: the owner corrected the verdict, not them.
 */
export function corpusRecord(record: Case, body?: string): CorpusRecord | null {
  const said = record.ownerLabel;
  const original = record.original;
  if (!said || !original) return null;
  const x = record.extraction;
  const from = original.from;
  return {
    id: `owner-${record.id}`,
    label: said.label,
    category: 'owner-correction',
    language: record.classification?.kind === 'unknown-language' ? null : 'en',
    from_name: from?.name ?? null,
    from_email: from?.address ?? null,
    subject: original.subject,
    body: body ?? original.excerpt,
    expected:
      said.label === 'rejection'
        ? {
            company: x?.company ?? null,
            role: x?.role ?? null,
            sender_name: x?.contactName ?? null,
            sender_email: from?.address ?? null,
          }
        : { company: null, role: null, sender_name: null, sender_email: null },
    ambiguous: false,
    notes: `owner correction ${said.at.slice(0, 10)}`,
  };
}
