// Whether a change to the reader changed any reading. Every labelled email — the corpus (when
// present), the development sets, the held-out sets and onward's own test emails — is read as it
// came and as a Gmail forward, and each whole reading (readRejection's output) is hashed: --save
// keeps the hashes, --compare says, set by set, how many readings differ from them. A change
// meant to be faster, smaller or tidier should leave every count at 0; a change to the reader
// shows what it moved. Held-out sets give a count only, never which email (as in eval.ts).
//   npx tsx scripts/readings.ts --save FILE      before the change
//   npx tsx scripts/readings.ts --compare FILE   after it

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRejection } from '../lambdas/core/reading/index.ts';
import { type CorpusRecord, findCorpus, loadCorpus, readRecords } from './corpus.ts';
import { directMail, forwardedParsed } from './eval.ts';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
/** The owner's and onward's addresses, as eval.ts reads forwards. */
const OWN_ADDRESSES = ['owner@example.com', 'inbox@onward.example'];

interface LabelledSet {
  name: string;
  records: CorpusRecord[];
  /** Held out: counts only. */
  heldOut: boolean;
}

function labelledSets(): LabelledSet[] {
  const sets: LabelledSet[] = [];
  if ('paths' in findCorpus()) sets.push({ name: 'corpus', records: loadCorpus(), heldOut: false });
  const dev = join(FIXTURES, 'dev');
  for (const file of readdirSync(dev)
    .filter((f) => /^emails-\d+\.jsonl$/.test(f))
    .sort())
    sets.push({ name: `dev ${file}`, records: readRecords(join(dev, file)), heldOut: false });
  for (const dir of readdirSync(FIXTURES)
    .filter((d) => /^unseen(?:-\d+)?$/.test(d))
    .sort()) {
    const path = join(FIXTURES, dir, 'emails.jsonl');
    if (existsSync(path)) sets.push({ name: `held-out ${dir}`, records: readRecords(path), heldOut: true });
  }
  sets.push({ name: "onward's test emails", records: readRecords(join(FIXTURES, 'emails.jsonl')), heldOut: false });
  return sets;
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Each email's readings as it came and forwarded, by set and id. */
function readings(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const set of labelledSets()) {
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
const now = readings();
if (mode === '--save') {
  writeFileSync(file, `${JSON.stringify(now)}\n`);
  const count = Object.values(now).reduce((n, byId) => n + Object.keys(byId).length, 0);
  console.log(`${count} emails' readings saved to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const heldOut = new Set(
    labelledSets()
      .filter((s) => s.heldOut)
      .map((s) => s.name),
  );
  let changedAny = false;
  for (const [name, byId] of Object.entries(now)) {
    const was = before[name] ?? {};
    const changed = Object.keys(byId).filter((id) => was[id] !== byId[id]);
    changedAny ||= changed.length > 0;
    const which = changed.length && !heldOut.has(name) ? `: ${changed.join(', ')}` : '';
    console.log(`${name.padEnd(28)} ${changed.length} of ${Object.keys(byId).length} readings changed${which}`);
  }
  process.exit(changedAny ? 1 : 0);
}
