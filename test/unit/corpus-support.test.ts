// The corpus helper: without the shared corpus a test says why it skipped, with
// ONWARD_REQUIRE_CORPUS=1 it fails instead, and no other test code finds the corpus on its own —
// one that did could skip in CI without anyone seeing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusRecords, FIXTURE_EMAILS } from '../support/corpus.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onward-corpus-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the corpus helper', () => {
  it('says what is missing and where, and throws instead when ONWARD_REQUIRE_CORPUS=1', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'emails.jsonl'), '');
    const found = corpusRecords(['emails.jsonl'], {}, dir);
    expect(found).toEqual({ missing: expect.stringContaining(`expected emails-2.jsonl in ${dir}`) });
    expect(() => corpusRecords(['emails.jsonl'], { ONWARD_REQUIRE_CORPUS: '1' }, dir)).toThrow(
      `ONWARD_REQUIRE_CORPUS=1, but the labelled corpus not found: expected emails-2.jsonl in ${dir}`,
    );
  });

  it('reads the files asked for, in that order', () => {
    const dir = tempDir();
    const lines = FIXTURE_EMAILS.map((r) => JSON.stringify(r));
    writeFileSync(path.join(dir, 'emails.jsonl'), `${lines.slice(0, 2).join('\n')}\n`);
    writeFileSync(path.join(dir, 'emails-2.jsonl'), `${lines.slice(2, 5).join('\n')}\n\n`);
    const ids = (files: Parameters<typeof corpusRecords>[0]) => {
      const found = corpusRecords(files, { ONWARD_REQUIRE_CORPUS: '1' }, dir);
      return 'records' in found ? found.records.map((r) => r.id) : found.missing;
    };
    const want = FIXTURE_EMAILS.map((r) => r.id);
    expect(ids(['emails-2.jsonl'])).toEqual(want.slice(2, 5));
    expect(ids(['emails-2.jsonl', 'emails.jsonl'])).toEqual([...want.slice(2, 5), ...want.slice(0, 2)]);
  });

  it('is the only test code that finds the corpus', () => {
    const testDir = fileURLToPath(new URL('..', import.meta.url));
    const helper = path.join(testDir, 'support', 'corpus.ts');
    const files = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(testDir, f))
      .filter((f) => f !== helper);
    const finds = [/\bshared\/(?:corpus|fixtures)/, /['"]shared['"]/, /scripts\/corpus\.ts/, /\bcorpusForwards\b/];
    const offenders = files.filter((f) => finds.some((re) => re.test(readFileSync(f, 'utf8'))));
    expect(offenders.map((f) => path.relative(testDir, f))).toEqual([]);
  });
});

describe("onward's test emails", () => {
  it('hold each kind the corpus checks need, rejections with what the letter needs', () => {
    const kinds = new Set(FIXTURE_EMAILS.map((r) => r.category));
    for (const kind of [
      'post-interview-rejection',
      'ats-auto-rejection',
      'position-filled',
      'interview-invite',
      'acknowledgement',
      'offer',
    ])
      expect(kinds).toContain(kind);
    for (const r of FIXTURE_EMAILS.filter((r) => r.label === 'rejection'))
      expect([r.id, r.expected.company, r.expected.role]).not.toContain(null);
  });
});
