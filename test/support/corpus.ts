// The one way a test reaches labelled emails. A check over many emails runs on onward's own
// (test/fixtures/emails.jsonl), always, and again on the corpus of real recruiting mail when it
// sits beside the clone, as in CI (scripts/corpus.ts says where). Without the corpus, that half is
// reported as skipped with the reason; with ONWARD_REQUIRE_CORPUS=1 (.ci/run sets it when the
// shared folder is there) a corpus that cannot be found fails the test file instead, so a moved
// path cannot quietly turn CI's corpus checks into skips.
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import {
  CORPUS_DIR,
  CORPUS_FILES,
  type CorpusFile,
  type CorpusRecord,
  findCorpus,
  readRecords,
} from '../../scripts/corpus.ts';

export { CORPUS_FILES, type CorpusRecord, readRecords };

export const FIXTURE_EMAILS: readonly CorpusRecord[] = readRecords(
  fileURLToPath(new URL('../fixtures/emails.jsonl', import.meta.url)),
);

const CORPUS_SKIPPED = 'skipped: ../shared/corpus not found — CI runs these';

/**
 * The corpus files' records, or why they are missing. Throws instead when `env` requires the
 * corpus: this is the only place a test decides whether the corpus is there.
 */
export function corpusRecords(
  files: readonly CorpusFile[],
  env: NodeJS.ProcessEnv = process.env,
  dir: string = CORPUS_DIR,
): { records: CorpusRecord[] } | { missing: string } {
  const found = findCorpus(dir);
  if ('paths' in found) return { records: files.flatMap((f) => readRecords(found.paths[f])) };
  if (env.ONWARD_REQUIRE_CORPUS === '1') throw new Error(`ONWARD_REQUIRE_CORPUS=1, but the ${found.missing}`);
  return found;
}

/**
 * Declares `body` twice: on onward's test emails, and on the corpus files given (all of them by
 * default). Without the corpus the second block holds one test, skipped with the reason.
 */
export function describeOnEmails(
  title: string,
  body: (records: readonly CorpusRecord[]) => void,
  { corpus = CORPUS_FILES }: { corpus?: readonly CorpusFile[] } = {},
): void {
  describe(`${title} — onward's test emails`, () => body(FIXTURE_EMAILS));
  const found = corpusRecords(corpus);
  const name = `${title} — corpus ${corpus.join(' + ')}`;
  if ('records' in found) describe(name, () => body(found.records));
  else describe(name, () => it(CORPUS_SKIPPED, (ctx) => ctx.skip(found.missing)));
}
