// Where the labelled corpus of real recruiting emails lives, and how to read it. Its texts come
// from public sources and may not be copied into this repository, so it stays outside: in
// ../shared/corpus/ beside the clone, where CI has it and a fresh clone does not. Everything that
// reads it (eval, bench, and the tests through test/support/corpus.ts) finds it here.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Stage } from '../lambdas/core/extract/index.ts';

export interface CorpusRecord {
  id: string;
  label: 'rejection' | 'not_rejection';
  category: string;
  from_name: string | null;
  from_email: string | null;
  subject: string;
  body: string;
  ambiguous: boolean;
  /** Read for rejections only: the held-out set gives null for other mail. */
  expected: {
    company: string | null;
    role: string | null;
    sender_name: string | null;
    sender_email: string | null;
    /** Held-out set only: the agency that wrote for the company, and the furthest stage reached. */
    agency?: string | null;
    stage?: Stage | null;
    /** Development and held-out sets: each offer the email makes for the future, quoted. */
    offers?: string[];
    /** Held-out set: the title the sender gives themselves ("Dr."), when they do. */
    sender_title?: string | null;
  };
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = resolve(repoRoot, '..', 'shared', 'corpus');

/**
 * The corpus files. `emails.jsonl` is the set the classifier and extractor were tuned on, whose
 * figures the README tracks; `emails-2.jsonl`, from the same sources, is mail they were not tuned on.
 */
export const CORPUS_FILES = ['emails.jsonl', 'emails-2.jsonl'] as const;
export type CorpusFile = (typeof CORPUS_FILES)[number];

/** One JSON record a line, blank lines ignored. */
export function readRecords(path: string): CorpusRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusRecord);
}

/** The corpus files' paths, or one line saying what is missing and where it was expected. */
export function findCorpus(dir: string = CORPUS_DIR): { paths: Record<CorpusFile, string> } | { missing: string } {
  const paths = Object.fromEntries(CORPUS_FILES.map((f) => [f, join(dir, f)])) as Record<CorpusFile, string>;
  const absent = CORPUS_FILES.filter((f) => !existsSync(paths[f]));
  if (absent.length === 0) return { paths };
  return {
    missing: `labelled corpus not found: expected ${absent.join(' and ')} in ${dir} (the shared folder beside the repository; CI has it, a fresh clone does not)`,
  };
}

/** The records of the given corpus files, in that order; throws when the corpus is missing. */
export function loadCorpus(files: readonly CorpusFile[] = CORPUS_FILES): CorpusRecord[] {
  const found = findCorpus();
  if ('missing' in found) throw new Error(found.missing);
  return files.flatMap((f) => readRecords(found.paths[f]));
}

/**
 * For the scripts: when the corpus is missing, one line on stderr saying so and exit code 2 —
 * a person without it learns what to fetch, not a stack trace.
 */
export function exitUnlessCorpus(script: string): void {
  const found = findCorpus();
  if ('missing' in found) {
    console.error(`${script}: ${found.missing}`);
    process.exit(2);
  }
}
