// The per-email cost of onward's core, on one core, over the labelled corpus: each record is
// forwarded inline as its owner would from Gmail, serialised to raw MIME, and then run through
// what on-mail-received does to it in memory — parse (adapters/mime.ts) → unwrap → classify →
// extract → draft (scripts/core-pipeline.ts) — bundled as the functions ship it, so the figure
// is the deployed code's (not tsx's transform of the sources). Parsing alone with postal-mime,
// bundled the same way and timed in the same run, is the yardstick.
//   npx tsx scripts/bench-core.ts [--html] [--source] [--stages]   (npm run bench runs it as part of the table)
// --html forwards with Gmail's HTML alternative beside the text.
// --source times the sources as tsx runs them, for comparing a change before bundling it.
// --stages also prints where the time goes, stage by stage (sources).

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path, { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { parseMime } from '../lambdas/adapters/mime.ts';
import { buildRawMessage } from '../lambdas/adapters/ses-mailer.ts';
import { classify } from '../lambdas/core/classify/index.ts';
import { draftLetter } from '../lambdas/core/letter/index.ts';
import { extract } from '../lambdas/core/extract/index.ts';
import { unwrapForward } from '../lambdas/core/forward/index.ts';
import { bundleFunction, REPO_ROOT } from '../lib/bundle-function.ts';
import { exitUnlessCorpus, loadCorpus } from './corpus.ts';
import * as sources from './core-pipeline.ts';
import { forwardedParsed } from './eval.ts';

const OWNER_NAME = 'Job Seeker';

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The corpus file the per-email figures are measured on: the README's table was measured on it,
 * and a mean over other mail would move the figures for reasons that are not speed.
 */
export const BENCH_CORPUS = ['emails.jsonl'] as const;

/**
 * Every corpus record as the raw MIME of its owner's inline Gmail forward to onward: text only,
 * or (`html`) with the HTML alternative Gmail sends beside the text, paragraphs as <div>s.
 */
export async function corpusForwards({ html = false }: { html?: boolean } = {}): Promise<Buffer[]> {
  const now = new Date('2020-10-05T09:15:00Z');
  return Promise.all(
    loadCorpus(BENCH_CORPUS).map((r) => {
      const p = forwardedParsed(r);
      const mail = { from: p.from[0]!, to: p.to[0]!, subject: p.subject, text: p.text };
      if (!html) return buildRawMessage(mail, now);
      const body = p.text
        .split(/\n{2,}/)
        .map((para) => `<div>${escapeHtml(para).replace(/\n/g, '<br>')}</div>`)
        .join('<div><br></div>');
      const box = (a: { name: string | null; address: string }) => ({ name: a.name ?? '', address: a.address });
      const composer = new MailComposer({
        from: box(p.from[0]!),
        to: box(p.to[0]!),
        subject: p.subject,
        text: p.text,
        date: now,
        html: `<div dir="ltr"><div class="gmail_quote">${body}</div></div>`,
      });
      return composer.compile().build();
    }),
  );
}

type Step = (raw: Uint8Array) => Promise<unknown>;
interface Timed {
  pipeline: Step;
  parseAlone: Step;
}

/** scripts/core-pipeline.ts as lib/bundle-function.ts bundles a function, built in cdk.out (git-ignored). */
async function bundled(): Promise<Timed> {
  mkdirSync(path.join(REPO_ROOT, 'cdk.out'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO_ROOT, 'cdk.out', 'bench-core-'));
  try {
    await bundleFunction(fileURLToPath(new URL('./core-pipeline.ts', import.meta.url)), dir);
    return (await import(pathToFileURL(path.join(dir, 'index.mjs')).href)) as Timed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CoreFigures {
  emails: number;
  /** Microseconds per email, median over rounds. */
  parseUs: number;
  pipelineUs: number;
  /** pipeline / parse alone. */
  ratio: number;
  /** Emails per second through the whole pipeline. */
  rate: number;
  rounds: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeRound(raws: readonly Buffer[], fn: (raw: Buffer) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (const raw of raws) await fn(raw);
  return Number(process.hrtime.bigint() - start) / 1e3 / raws.length;
}

/**
 * Alternates rounds of "parse alone" and "whole pipeline" over the corpus for about `seconds`,
 * so a burst of load from elsewhere on the machine hits both alike; medians of the rounds.
 */
export async function measureCore(
  seconds = 4,
  { html = false, source = false }: { html?: boolean; source?: boolean } = {},
): Promise<CoreFigures> {
  const raws = await corpusForwards({ html });
  const { pipeline, parseAlone } = source ? sources : await bundled();
  // Warm up: let the JIT compile the parser and the regular expressions before timing.
  for (let i = 0; i < 5; i++) {
    await timeRound(raws, parseAlone);
    await timeRound(raws, pipeline);
  }
  const parse: number[] = [];
  const whole: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until || parse.length < 5) {
    parse.push(await timeRound(raws, parseAlone));
    whole.push(await timeRound(raws, pipeline));
  }
  const parseUs = median(parse);
  const pipelineUs = median(whole);
  return {
    emails: raws.length,
    parseUs,
    pipelineUs,
    ratio: pipelineUs / parseUs,
    rate: 1e6 / pipelineUs,
    rounds: parse.length,
  };
}

/** Microseconds per email of each stage on its own (for finding where the time goes). */
export async function measureStages(
  rounds = 20,
  { html = false }: { html?: boolean } = {},
): Promise<Record<string, number>> {
  const raws = await corpusForwards({ html });
  const parsed = await Promise.all(raws.map((r) => parseMime(r)));
  const originals = parsed.map(unwrapForward);
  const extractions = originals.map(extract);
  const stages: Record<string, (i: number) => unknown> = {
    'postal-mime parse': (i) => sources.parseAlone(raws[i]!),
    'parseMime (adapter)': (i) => parseMime(raws[i]!),
    unwrap: (i) => unwrapForward(parsed[i]!),
    classify: (i) => classify(originals[i]!),
    extract: (i) => extract(originals[i]!),
    draft: (i) => draftLetter({ ownerName: OWNER_NAME, original: originals[i]!, extraction: extractions[i]! }),
  };
  const out: Record<string, number> = {};
  for (const [name, fn] of Object.entries(stages)) {
    const times: number[] = [];
    for (let r = 0; r < rounds + 3; r++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < raws.length; i++) await fn(i);
      if (r >= 3) times.push(Number(process.hrtime.bigint() - start) / 1e3 / raws.length);
    }
    out[name] = median(times);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  exitUnlessCorpus('scripts/bench-core.ts');
  const f = await measureCore(4, { html: process.argv.includes('--html'), source: process.argv.includes('--source') });
  console.log(
    `${f.emails} forwarded emails × ${f.rounds} rounds: parse alone ${f.parseUs.toFixed(1)} µs, whole pipeline ${f.pipelineUs.toFixed(1)} µs ` +
      `(${f.ratio.toFixed(2)} × parsing), ${Math.round(f.rate).toLocaleString('en-US')} emails/s`,
  );
  if (process.argv.includes('--stages')) {
    for (const [name, us] of Object.entries(await measureStages(20, { html: process.argv.includes('--html') })))
      console.log(`  ${name.padEnd(22)} ${us.toFixed(1).padStart(7)} µs/email`);
  }
}
