// Measures classify + extract on the labelled corpus (scripts/corpus.ts says where it lives),
// directly and re-wrapped as inline forwards, and prints each figure beside its target: file by
// file, so a file's figures stay comparable from run to run, then the files together.
//   npx tsx scripts/eval.ts [--strict] [--corpus path/to/emails.jsonl ...]
// --corpus (repeatable) reads those files instead, e.g. onward's own test/fixtures/emails.jsonl.
// --strict exits 1 when a target is missed in any file. Without the corpus: one line, exit 2.

import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmailForwardParser from 'email-forward-parser';
import type { Classification } from '../lambdas/core/classify/index.ts';
import type { Extraction } from '../lambdas/core/extract/index.ts';
import { readForward } from '../lambdas/core/forward/index.ts';
import type { ParsedMail } from '../lambdas/core/mail/index.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';
import { CORPUS_FILES, type CorpusRecord, findCorpus, readRecords } from './corpus.ts';

/** The record as the recruiter sent it, straight to onward (no forward). */
export function directMail(r: CorpusRecord): ParsedMail {
  return {
    ...forwardedParsed(r),
    from: r.from_email ? [{ name: r.from_name, address: r.from_email }] : [],
    subject: r.subject,
    text: r.body,
  };
}

const OWNER = { name: 'Job Seeker', address: 'owner@example.com' };
const INBOUND = 'inbox@onward.example';

export type ForwardStyle = 'gmail' | 'outlook' | 'apple' | 'thunderbird' | 'quoted' | 'nested';
export const FORWARD_STYLES: readonly ForwardStyle[] = ['gmail', 'outlook', 'apple', 'thunderbird', 'quoted', 'nested'];

/** The body and subject of the record's inline forward, written as each client writes it. */
export function forwardText(r: CorpusRecord, style: ForwardStyle = 'gmail'): { text: string; subject: string } {
  const from = `${r.from_name ?? ''} <${r.from_email ?? ''}>`;
  const gmail = (body: string, subject: string) =>
    `FYI\n\n---------- Forwarded message ---------\nFrom: ${from}\nDate: Mon, 5 Oct 2020 at 09:12\nSubject: ${subject}\nTo: <${OWNER.address}>\n\n\n${body}`;
  switch (style) {
    case 'gmail':
      return { text: gmail(r.body, r.subject), subject: `Fwd: ${r.subject}` };
    case 'outlook':
      return {
        text: `FYI\n\n________________________________\nFrom: ${from}\nSent: Monday, October 5, 2020 9:12 AM\nTo: ${OWNER.name} <${OWNER.address}>\nSubject: ${r.subject}\n\n${r.body}`,
        subject: `FW: ${r.subject}`,
      };
    case 'apple':
      return {
        text: `FYI\n\nBegin forwarded message:\n\nFrom: ${from}\nSubject: ${r.subject}\nDate: October 5, 2020 at 9:12:00 AM EDT\nTo: ${OWNER.name} <${OWNER.address}>\n\n${r.body}`,
        subject: `Fwd: ${r.subject}`,
      };
    case 'thunderbird':
      return {
        text: `FYI\n\n-------- Forwarded Message --------\nSubject: \t${r.subject}\nDate: \tMon, 5 Oct 2020 09:12:00 -0400\nFrom: \t${from}\nTo: \t${OWNER.address}\n\n\n\n${r.body}`,
        subject: `Fwd: ${r.subject}`,
      };
    case 'quoted':
      return {
        text: gmail(r.body, r.subject)
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
        subject: `Fwd: ${r.subject}`,
      };
    case 'nested':
      return { text: gmail(gmail(r.body, r.subject), `Fwd: ${r.subject}`), subject: `Fwd: Fwd: ${r.subject}` };
  }
}

/** The record as its owner would forward it from Gmail (inline), or another client. */
export function forwardedParsed(r: CorpusRecord, style: ForwardStyle = 'gmail'): ParsedMail {
  const { text, subject } = forwardText(r, style);
  return {
    messageId: '<fwd-1@mail.gmail.com>',
    from: [OWNER],
    replyTo: [],
    to: [{ name: null, address: INBOUND }],
    cc: [],
    subject,
    date: '2020-10-05T09:15:00.000Z',
    inReplyTo: null,
    references: null,
    text,
    headers: [],
    attached: null,
  };
}

/**
 * unwrap.ts reads forwards through email-forward-parser with the patterns that cannot match
 * left out. Its answer must be the library's, exactly: compared here on every record, forwarded
 * in every style, sent directly, and read with and without a subject.
 */
export function forwardReaderDifferences(records: readonly CorpusRecord[]): string[] {
  const library = new EmailForwardParser();
  const out: string[] = [];
  for (const r of records) {
    const cases: [string, string, string][] = FORWARD_STYLES.map((style) => {
      const f = forwardText(r, style);
      return [style, f.text, f.subject];
    });
    cases.push(
      ['direct', r.body, r.subject],
      ['direct, no subject', r.body, ''],
      ['gmail, no subject', forwardText(r).text, ''],
    );
    for (const [name, text, subject] of cases) {
      const want = JSON.stringify(library.read(text, subject));
      const got = JSON.stringify(readForward(text, subject));
      if (want !== got) out.push(`${r.id} (${name})`);
    }
  }
  return out;
}

interface Outcome {
  record: CorpusRecord;
  c: Classification;
  x: Extraction;
}

export interface Figures {
  precision: number;
  recall: number;
  unsureRate: number;
  company: number;
  role: number;
  contact: number;
  n: number;
  rejections: number;
}

const norm = (v: string | null | undefined): string | null =>
  v == null || v.trim() === '' ? null : v.trim().toLowerCase();
const same = (a: string | null | undefined, b: string | null | undefined): boolean => norm(a) === norm(b);

export function figures(outcomes: readonly Outcome[]): Figures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unsure = 0;
  let company = 0;
  let role = 0;
  let contact = 0;
  const rejections = outcomes.filter((o) => o.record.label === 'rejection');
  for (const o of outcomes) {
    const said = o.c.verdict === 'rejection';
    const truth = o.record.label === 'rejection';
    if (said && truth) tp++;
    if (said && !truth) fp++;
    if (!said && truth) fn++;
    if (o.c.verdict === 'unsure') unsure++;
  }
  for (const o of rejections) {
    if (same(o.x.company, o.record.expected.company)) company++;
    if (same(o.x.role, o.record.expected.role)) role++;
    if (same(o.x.contactName, o.record.expected.sender_name)) contact++;
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return {
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    unsureRate: ratio(unsure, outcomes.length),
    company: ratio(company, rejections.length),
    role: ratio(role, rejections.length),
    contact: ratio(contact, rejections.length),
    n: outcomes.length,
    rejections: rejections.length,
  };
}

interface Target {
  name: string;
  key: keyof Figures;
  op: '>=' | '<=';
  value: number;
}

const TARGETS: readonly Target[] = [
  { name: 'rejection precision', key: 'precision', op: '>=', value: 0.98 },
  { name: 'rejection recall', key: 'recall', op: '>=', value: 0.95 },
  { name: 'unsure rate', key: 'unsureRate', op: '<=', value: 0.05 },
  { name: 'company accuracy', key: 'company', op: '>=', value: 0.95 },
  { name: 'role accuracy', key: 'role', op: '>=', value: 0.9 },
  { name: 'contact name accuracy', key: 'contact', op: '>=', value: 0.9 },
];

const fmt = (x: number): string => x.toFixed(3);

function printFigures(title: string, f: Figures, checkTargets: boolean): boolean {
  console.log(`\n${title}  (${f.n} emails, ${f.rejections} rejections)`);
  let ok = true;
  for (const t of TARGETS) {
    const v = f[t.key];
    const met = t.op === '>=' ? v >= t.value : v <= t.value;
    if (checkTargets && !met) ok = false;
    const mark = checkTargets ? (met ? '✓' : '✗') : ' ';
    console.log(`  ${mark} ${t.name.padEnd(24)} ${fmt(v)}   target ${t.op} ${t.value}`);
  }
  return ok;
}

function mistakes(outcomes: readonly Outcome[]): string[] {
  const out: string[] = [];
  for (const o of outcomes) {
    const r = o.record;
    const tag = r.ambiguous ? ' (ambiguous)' : '';
    const verdictRight = (o.c.verdict === 'rejection') === (r.label === 'rejection') && o.c.verdict !== 'unsure';
    if (!verdictRight) {
      out.push(`${r.id}${tag}: expected ${r.label}, got ${o.c.verdict} [${o.c.kind}] — ${o.c.reasons.join('; ')}`);
    }
    if (r.label !== 'rejection') continue;
    const fields: [string, string | null, string | null][] = [
      ['company', r.expected.company, o.x.company],
      ['role', r.expected.role, o.x.role],
      ['contact', r.expected.sender_name, o.x.contactName],
    ];
    for (const [name, want, got] of fields) {
      if (!same(want, got))
        out.push(`${r.id}${tag}: ${name} expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
  return out;
}

/** onward's own addresses in these forwards: never the person to thank, as in production. */
const OWN_ADDRESSES = [OWNER.address, INBOUND];

function run(records: readonly CorpusRecord[], toMail: (r: CorpusRecord) => ParsedMail): Outcome[] {
  return records.map((record) => {
    const { classification: c, extraction: x } = readRejection(toMail(record), OWN_ADDRESSES);
    return { record, c, x };
  });
}

const CLOSE = 0.01;

/** Every figure of one set of records; true when every target is met. */
function report(records: readonly CorpusRecord[]): boolean {
  const clear = records.filter((r) => !r.ambiguous);
  const ambiguous = records.filter((r) => r.ambiguous);

  const direct = run(records, directMail);
  const directClear = direct.filter((o) => !o.record.ambiguous);
  let ok = printFigures('DIRECT — unambiguous records', figures(directClear), true);
  printFigures(
    `DIRECT — ambiguous records, scored separately (${ambiguous.map((r) => r.id).join(', ')})`,
    figures(direct.filter((o) => o.record.ambiguous)),
    false,
  );
  printFigures('DIRECT — all records', figures(direct), false);

  console.log(`\nMistakes (direct, ${clear.length} unambiguous + ${ambiguous.length} ambiguous):`);
  for (const line of mistakes(direct)) console.log(`  - ${line}`);

  {
    const forwarded = run(records, (r) => forwardedParsed(r));
    const fwdClear = forwarded.filter((o) => !o.record.ambiguous);
    ok = printFigures('FORWARDED (Gmail inline) — unambiguous records', figures(fwdClear), true) && ok;
    const a = figures(directClear);
    const b = figures(fwdClear);
    console.log(`\n  Forwarded vs direct (within ${CLOSE}):`);
    for (const t of TARGETS) {
      const d = Math.abs(a[t.key] - b[t.key]);
      const met = d <= CLOSE + 1e-9;
      if (!met) ok = false;
      console.log(`  ${met ? '✓' : '✗'} ${t.name.padEnd(24)} Δ ${fmt(d)}`);
    }
    const diff = forwarded.filter((o, i) => {
      const d = direct[i];
      return (
        !d ||
        d.c.verdict !== o.c.verdict ||
        !same(d.x.company, o.x.company) ||
        !same(d.x.role, o.x.role) ||
        !same(d.x.contactName, o.x.contactName)
      );
    });
    if (diff.length) {
      console.log('\n  Records answered differently when forwarded:');
      for (const o of diff) {
        const d = direct.find((x) => x.record.id === o.record.id);
        console.log(
          `  - ${o.record.id}: direct ${d?.c.verdict}/${JSON.stringify(d?.x.company)}/${JSON.stringify(d?.x.role)}/${JSON.stringify(d?.x.contactName)} vs forwarded ${o.c.verdict}/${JSON.stringify(o.x.company)}/${JSON.stringify(o.x.role)}/${JSON.stringify(o.x.contactName)}`,
        );
      }
    }
  }

  // Other clients' inline forwards: the same answers as direct mail, record by record.
  console.log('\nOther forward styles (records answered differently from direct mail):');
  for (const style of FORWARD_STYLES.filter((s) => s !== 'gmail')) {
    const outcomes = run(records, (r) => forwardedParsed(r, style));
    const f = figures(outcomes.filter((o) => !o.record.ambiguous));
    const differ = outcomes.filter((o, i) => {
      const d = direct[i]!;
      return (
        d.c.verdict !== o.c.verdict ||
        !same(d.x.company, o.x.company) ||
        !same(d.x.role, o.x.role) ||
        !same(d.x.contactName, o.x.contactName)
      );
    });
    const line = `precision ${fmt(f.precision)} recall ${fmt(f.recall)} unsure ${fmt(f.unsureRate)} company ${fmt(f.company)} role ${fmt(f.role)} contact ${fmt(f.contact)}`;
    const ids = differ.map((o) => o.record.id);
    const shown = ids.length > 12 ? `${ids.slice(0, 12).join(', ')} … (${ids.length})` : ids.join(', ') || 'none';
    console.log(`  ${differ.length === 0 ? '✓' : '✗'} ${style.padEnd(12)} ${line}  differ: ${shown}`);
    if (differ.length) ok = false;
  }

  const differences = forwardReaderDifferences(records);
  const compared = records.length * (FORWARD_STYLES.length + 3);
  console.log(
    `\n  ${differences.length === 0 ? '✓' : '✗'} fast forward reader vs email-forward-parser: ${compared - differences.length}/${compared} results identical${differences.length ? ` — differ: ${differences.join(', ')}` : ''}`,
  );
  if (differences.length) ok = false;

  console.log(`\n${ok ? 'All targets met.' : 'Some targets missed.'}`);
  return ok;
}

/** The files to read: those named with --corpus, else every corpus file. Exits 2 when one is missing. */
function filesToRead(args: readonly string[]): string[] {
  const named = args.flatMap((a, i) => (a === '--corpus' && args[i + 1] ? [resolve(args[i + 1]!)] : []));
  if (named.length === 0) {
    const found = findCorpus();
    if ('missing' in found) {
      console.error(`npm run eval: ${found.missing}`);
      process.exit(2);
    }
    return CORPUS_FILES.map((f) => found.paths[f]);
  }
  for (const path of named) {
    if (!existsSync(path)) {
      console.error(`npm run eval: ${path} not found`);
      process.exit(2);
    }
  }
  return named;
}

/** One line per file and for all files together: the headline figures side by side. */
function summary(sets: readonly { name: string; records: readonly CorpusRecord[] }[]): void {
  const all = sets.flatMap((s) => s.records);
  const rows = [...sets, { name: 'all files', records: all }];
  const cell = (v: string) => v.padStart(11);
  console.log(`\n════ all files together — ${all.length} emails ════`);
  console.log('\nUnambiguous records, direct and forwarded (Gmail inline):');
  console.log(`  ${''.padEnd(26)}${['emails', 'rejections', ...TARGETS.map((t) => t.key)].map(cell).join('')}`);
  const ways = [
    ['direct', directMail],
    ['forwarded', (r: CorpusRecord) => forwardedParsed(r)],
  ] as const;
  for (const [way, toMail] of ways) {
    for (const row of rows) {
      const clear = row.records.filter((r) => !r.ambiguous);
      const f = figures(run(clear, toMail));
      const cells = [String(f.n), String(f.rejections), ...TARGETS.map((t) => fmt(f[t.key]))];
      console.log(`  ${`${row.name}, ${way}`.padEnd(26)}${cells.map(cell).join('')}`);
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const sets = filesToRead(args).map((path) => ({ name: basename(path), records: readRecords(path) }));
  const missed: string[] = [];
  for (const set of sets) {
    console.log(`\n════ ${set.name} — ${set.records.length} emails ════`);
    if (!report(set.records)) missed.push(set.name);
  }
  if (sets.length > 1) {
    summary(sets);
    console.log(
      `\n${missed.length ? `Some targets missed in ${missed.join(', ')}.` : 'All targets met in every file.'}`,
    );
  }
  if (args.includes('--strict') && missed.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
