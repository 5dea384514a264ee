// The per-email cost of onward's core, on one core, over the labelled corpus: each record is
// forwarded inline as its owner would from Gmail, serialised to raw MIME, and then run through
// what on-mail-received does to it in memory — parse (adapters/mime.ts) → unwrap → classify →
// extract → draft (scripts/core-pipeline.ts) — bundled as the functions ship it, so the figure
// is the deployed code's (not tsx's transform of the sources). Parsing alone with postal-mime,
// bundled the same way and timed in the same run, is the yardstick.
//   npx tsx scripts/bench-core.ts [--html] [--source] [--stages] [--node PATH]   (npm run bench runs it as part of the table)
// --html forwards with Gmail's HTML alternative beside the text.
// --node times the bundle in a process of that Node binary (Lambda's runtime: see the README).
// --source times the sources as tsx runs them, for comparing a change before bundling it.
// --stages also prints where the time goes, stage by stage (sources).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** The core as the functions ship it, bundled by lib/bundle-function.ts in cdk.out (git-ignored). */
async function withBundle<T>(use: (file: string) => Promise<T>): Promise<T> {
  mkdirSync(path.join(REPO_ROOT, 'cdk.out'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO_ROOT, 'cdk.out', 'bench-core-'));
  try {
    await bundleFunction(fileURLToPath(new URL('./core-pipeline.ts', import.meta.url)), dir);
    return await use(path.join(dir, 'index.mjs'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle timed in a process of the Node binary `node`: the forwards go to it in a file beside the bundle. */
function timeInNode(
  node: string,
  file: string,
  raws: readonly Buffer[],
  seconds: number,
): ReturnType<typeof sources.timeCore> {
  const rawsFile = path.join(path.dirname(file), 'raws.json');
  writeFileSync(rawsFile, JSON.stringify(raws.map((r) => r.toString('base64'))));
  const script =
    'const {timeCore}=await import(process.env.CORE_BUNDLE);' +
    'const {readFileSync}=await import("node:fs");' +
    'const raws=JSON.parse(readFileSync(process.env.CORE_RAWS,"utf8")).map((b)=>Buffer.from(b,"base64"));' +
    'process.stdout.write(JSON.stringify(await timeCore(raws,Number(process.env.CORE_SECONDS))));';
  const r = spawnSync(node, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH,
      CORE_BUNDLE: pathToFileURL(file).href,
      CORE_RAWS: rawsFile,
      CORE_SECONDS: String(seconds),
    },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`timing the core with ${node} failed: ${r.error?.message ?? r.stderr}`);
  return Promise.resolve(JSON.parse(r.stdout));
}

/** The Node binary `--node PATH` names in `args`, if any. */
export function nodeArgument(args: readonly string[]): string | undefined {
  const at = args.indexOf('--node');
  return at >= 0 ? args[at + 1] : undefined;
}

/** The version a Node binary reports ("v24.22.3"); throws, saying so, when it is not one. */
export function nodeVersion(node: string): string {
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0 || !/^v\d+\./.test(r.stdout))
    throw new Error(`${node} is not a Node binary: ${r.error?.message ?? r.stderr}`);
  return r.stdout.trim();
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

/**
 * The core's cost per email over the corpus forwards for about `seconds`: the bundle in this
 * process, the bundle in a process of the Node binary `node` (Lambda's runtime, say), or
 * (`source`) the sources as tsx runs them.
 */
export async function measureCore(
  seconds = 4,
  { html = false, source = false, node }: { html?: boolean; source?: boolean; node?: string } = {},
): Promise<CoreFigures> {
  const raws = await corpusForwards({ html });
  const f = source
    ? await sources.timeCore(raws, seconds)
    : await withBundle(async (file) =>
        node
          ? timeInNode(node, file, raws, seconds)
          : ((await import(pathToFileURL(file).href)) as typeof sources).timeCore(raws, seconds),
      );
  return {
    emails: raws.length,
    ...f,
    ratio: f.pipelineUs / f.parseUs,
    rate: 1e6 / f.pipelineUs,
  };
}

/** Microseconds per email of each stage on its own (for finding where the time goes). */
export async function measureStages(
  rounds = 20,
  { html = false }: { html?: boolean } = {},
): Promise<Record<string, number>> {
  const raws = await corpusForwards({ html });
  const parsed = await Promise.all(raws.map((r) => parseMime(r)));
  const originals = parsed.map((p) => unwrapForward(p).original);
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
    out[name] = sources.median(times);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  exitUnlessCorpus('scripts/bench-core.ts');
  const node = nodeArgument(process.argv);
  if (node && process.argv.includes('--source'))
    throw new Error('--source times the sources under tsx here; --node times the bundle');
  const version = node ? `${nodeVersion(node)}: ` : '';
  const f = await measureCore(4, {
    html: process.argv.includes('--html'),
    source: process.argv.includes('--source'),
    node,
  });
  console.log(
    `${version}${f.emails} forwarded emails × ${f.rounds} rounds: parse alone ${f.parseUs.toFixed(1)} µs, whole pipeline ${f.pipelineUs.toFixed(1)} µs ` +
      `(${f.ratio.toFixed(2)} × parsing), ${Math.round(f.rate).toLocaleString('en-US')} emails/s`,
  );
  if (process.argv.includes('--stages')) {
    for (const [name, us] of Object.entries(await measureStages(20, { html: process.argv.includes('--html') })))
      console.log(`  ${name.padEnd(22)} ${us.toFixed(1).padStart(7)} µs/email`);
  }
}
