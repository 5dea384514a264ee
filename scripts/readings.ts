// Whether a change to the reader changed any reading. Every labelled email — the corpus (when
// present), the development sets, the held-out sets and onward's own test emails — is read as it
// came and as a Gmail forward, and each whole reading (readRejection's output) is hashed: --save
// keeps the hashes, --compare says, set by set, how many readings differ from them. A change
// meant to be faster, smaller or tidier should leave every count at 0; a change to the reader
// shows what it moved. Held-out sets give a count only, never which email (as in eval.ts).
//   npx tsx scripts/readings.ts --save FILE      before the change
//   npx tsx scripts/readings.ts --compare FILE   after it

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRejection } from '../lambdas/core/reading/index.ts';
import { type CorpusRecord, findCorpus, loadCorpus, readRecords } from './corpus.ts';
import { directMail, forwardedParsed, HELD_OUT, OWN_ADDRESSES, WORDLESS_DEV_SETS } from './eval.ts';
import { DEV_SETS } from './train.ts';

const OWN_EMAILS = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'emails.jsonl');

interface LabelledSet {
  name: string;
  records: CorpusRecord[];
  /** Held out: counts only. */
  heldOut: boolean;
}

/** The sets eval.ts scores, and onward's own test emails. */
function labelledSets(): LabelledSet[] {
  return [
    ...('paths' in findCorpus() ? [{ name: 'corpus', records: loadCorpus(), heldOut: false }] : []),
    ...[...DEV_SETS, ...WORDLESS_DEV_SETS].map((path) => ({
      name: `dev ${basename(path)}`,
      records: readRecords(path),
      heldOut: false,
    })),
    ...HELD_OUT.filter((h) => existsSync(h.path)).map((h) => ({
      name: h.name,
      records: readRecords(h.path),
      heldOut: true,
    })),
    { name: "onward's test emails", records: readRecords(OWN_EMAILS), heldOut: false },
  ];
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Each email's readings as it came and forwarded, by set and id. */
function readings(sets: readonly LabelledSet[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const set of sets) {
    const byId: Record<string, string> = {};
    for (const r of set.records) {
      byId[r.id] = hash([readRejection(directMail(r), []), readRejection(forwardedParsed(r), OWN_ADDRESSES)]);
    }
    out[set.name] = byId;
  }
  return out;
}

const [mode, file] = process.argv.slice(2);
if ((mode !== '--save' && mode !== '--compare') || !file) {
  console.error('usage: npx tsx scripts/readings.ts --save FILE | --compare FILE');
  process.exit(2);
}
const sets = labelledSets();
const now = readings(sets);
if (mode === '--save') {
  writeFileSync(file, `${JSON.stringify(now)}\n`);
  const count = Object.values(now).reduce((n, byId) => n + Object.keys(byId).length, 0);
  console.log(`${count} emails' readings saved to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  let changedAny = false;
  for (const set of sets) {
    const byId = now[set.name]!;
    const was = before[set.name] ?? {};
    const changed = Object.keys(byId).filter((id) => was[id] !== byId[id]);
    changedAny ||= changed.length > 0;
    const which = changed.length && !set.heldOut ? `: ${changed.join(', ')}` : '';
    console.log(`${set.name.padEnd(28)} ${changed.length} of ${Object.keys(byId).length} readings changed${which}`);
  }
  process.exit(changedAny ? 1 : 0);
}
