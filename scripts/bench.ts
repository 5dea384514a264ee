// `npm run bench`: how small and fast onward is, each figure beside its budget, and the machine it
// ran on. A benchmark that prints a table — not a test: it asserts nothing, and the
// exit code is 1 only so that scripts can tell whether every budget held.
//   npm run bench                      everything (a few minutes)
//   npm run bench -- --only core,e2e   some parts: bundles, init, core, e2e (e2e includes memory)
//   npm run bench -- --node PATH       module init and core timed on that Node binary — Lambda's
//                                      runtime, which is not this machine's (README: Benchmarks)
// The figures move with machine load; the load average is printed so a noisy run can be spotted
// and repeated.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';
import PostalMime from 'postal-mime';
import { FUNCTION_ENTRIES, REPO_ROOT as REPO, bundleFunction } from '../lib/bundle-function.ts';
import { BENCH_CORPUS, measureCore, nodeArgument, nodeVersion } from './bench-core.ts';
import { exitUnlessCorpus, loadCorpus } from './corpus.ts';
import { forwardedParsed } from './eval.ts';
// The tests' ports: outside the kernel's ephemeral range and never the same twice (listen(0) can
// hand back a port just freed, and the stack then fails to bind it).
import { freePort } from '../test/support/net.ts';

// A Lambda bundle may be 256 KB deployed: room for the reader's lexicon and model, not a target.
// Core work is budgeted in time per email on one core (2,000 emails a second), not as a multiple
// of parsing: reading an email for meaning is worth more than parsing it, and a ratio to a parser
// that is itself fast says little about what a user waits for.
const BUDGET = {
  bundleKB: 256,
  initMs: 30,
  coreUs: 500,
  throughput: 2000,
  p50Ms: 150,
  p95Ms: 400,
  memoryMB: 300,
} as const;

interface Row {
  figure: string;
  value: string;
  budget: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const row = (figure: string, value: string, budget: string, ok: boolean | null) =>
  rows.push({ figure, value, budget, ok });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const median = (xs: readonly number[]) => percentile(xs, 50);
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  // Nearest rank.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ——— Bundles: built by lib/bundle-function.ts, as the stack builds them. ———

/**
 * Milliseconds to import the bundle, measured inside each of `runs` fresh node processes. Lambda's
 * Node.js runtime is itself an ES module that has loaded files before it imports the handler, so
 * node's module loader is warmed first by importing an empty file: its one-off set-up (~5 ms
 * here) belongs to the runtime, not to the bundle.
 */
function initTimes(file: string, runs: number): number[] {
  const warm = path.join(path.dirname(file), 'warm-loader.mjs');
  writeFileSync(warm, 'export {};\n');
  const script =
    'await import(process.env.BENCH_WARM);' +
    'const t=performance.now();await import(process.env.BENCH_BUNDLE);process.stdout.write(String(performance.now()-t));';
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(functionsNode, ['--input-type=module', '-e', script], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        BENCH_WARM: pathToFileURL(warm).href,
        BENCH_BUNDLE: pathToFileURL(file).href,
        AWS_REGION: 'us-east-1',
      },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`importing ${file} failed: ${r.stderr}`);
    times.push(Number(r.stdout));
  }
  return times;
}

async function benchBundles(parts: Set<string>) {
  // Inside the repo (cdk.out is git-ignored), beside the code it bundles.
  mkdirSync(path.join(REPO, 'cdk.out'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO, 'cdk.out', 'bench-'));
  try {
    for (const [name, entry] of Object.entries(FUNCTION_ENTRIES)) {
      // As deployed: everything bundled (the handlers use no AWS SDK package at all).
      const file = path.join(dir, name, 'index.mjs');
      const deployed = await bundleFunction(entry, path.dirname(file));
      if (parts.has('bundles')) {
        row(
          `bundle ${name} (${entry})`,
          `${kb(deployed)} deployed`,
          `≤ ${BUDGET.bundleKB} KB`,
          deployed <= BUDGET.bundleKB * 1024,
        );
      }
      if (parts.has('init')) {
        const t = median(initTimes(file, 20));
        row(
          `module init ${name}`,
          `${ms(t)} median of 20 fresh processes (the deployed bundle)`,
          `≤ ${BUDGET.initMs} ms`,
          t <= BUDGET.initMs,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ——— Core: parse + unwrap + classify + extract + draft, one core (scripts/bench-core.ts). ———

async function benchCore() {
  const f = await measureCore(4, { node: nodeArg });
  row(
    'core cost per email',
    `${f.pipelineUs.toFixed(0)} µs (parsing alone ${f.parseUs.toFixed(0)} µs, ${f.ratio.toFixed(2)} ×)`,
    `≤ ${BUDGET.coreUs} µs`,
    f.pipelineUs <= BUDGET.coreUs,
  );
  row(
    'throughput, core',
    `${Math.round(f.rate).toLocaleString('en-US')} emails/s (${f.emails} emails × ${f.rounds} rounds)`,
    `≥ ${BUDGET.throughput.toLocaleString('en-US')}/s`,
    f.rate >= BUDGET.throughput,
  );
  // The budgeted figure forwards text only, the cheapest message to parse. Gmail, Outlook and
  // Apple Mail send an HTML alternative beside the text: the same core work, a dearer parse.
  const h = await measureCore(4, { html: true, node: nodeArg });
  row(
    '  … forwards with an HTML alternative',
    `${h.pipelineUs.toFixed(0)} µs = ${h.ratio.toFixed(2)} × parsing alone (${h.parseUs.toFixed(0)} µs), ${Math.round(h.rate).toLocaleString('en-US')} emails/s`,
    'for comparison',
    null,
  );
}

// ——— End to end: `npm start` as a child process, 200 forwards over SMTP, drafts in the outbox. ———

function peakRssMB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

async function benchEndToEnd(count = 200) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onward-bench-'));
  const [smtpPort, httpPort, sesPort] = [await freePort(), await freePort(), await freePort()];
  const owner = 'me@example.com';
  const inbound = 'inbox@onward.localhost';
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'onward.mjs'), 'start'], {
    cwd: REPO,
    env: {
      ...process.env,
      ONWARD_DATA_DIR: dataDir,
      ONWARD_SMTP_PORT: String(smtpPort),
      ONWARD_HTTP_PORT: String(httpPort),
      ONWARD_SES_PORT: String(sesPort),
      ONWARD_OWNER_EMAIL: owner,
      ONWARD_ALLOWED_SENDERS: owner,
      ONWARD_INBOUND_ADDRESS: inbound,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, peakRssMB(child.pid!) || 0)), 100);
  const outboxDir = path.join(dataDir, 'outbox');
  try {
    const ready = Date.now();
    while (!output.includes('Forward rejections to')) {
      if (child.exitCode !== null) throw new Error(`onward start exited (${child.exitCode}):\n${output}`);
      if (Date.now() - ready > 60_000) throw new Error(`onward start did not come up in 60 s:\n${output}`);
      await sleep(50);
    }
    const startup = Date.now() - ready;

    // Each forward carries a tag in its original subject; the owner's email (the draft, or the
    // notice for mail that is not a rejection) repeats that subject.
    const records = loadCorpus(BENCH_CORPUS);
    const sentAt = new Map<string, number>();
    const arrivedAt = new Map<string, number>();
    const seen = new Set<string>();
    const scan = async () => {
      const now = performance.now();
      for (const name of existsSync(outboxDir) ? readdirSync(outboxDir) : []) {
        if (seen.has(name) || !name.endsWith('.eml')) continue;
        // The recorder may still be writing it: a file without its tag yet is read again later.
        const mail = await PostalMime.parse(readFileSync(path.join(outboxDir, name)));
        const tag = /\[bench (\d+)\]/.exec(`${mail.subject ?? ''}\n${mail.text ?? ''}`)?.[1];
        if (!tag) continue;
        seen.add(name);
        if (!arrivedAt.has(tag)) arrivedAt.set(tag, now);
      }
    };
    mkdirSync(outboxDir, { recursive: true });
    let scanning = Promise.resolve();
    const rescan = () => (scanning = scanning.then(scan));
    const watcher = watch(outboxDir, rescan);
    const poller = setInterval(rescan, 20);

    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    });
    const began = performance.now();
    for (let i = 0; i < count; i++) {
      const r = records[i % records.length]!;
      const fwd = forwardedParsed({ ...r, subject: `${r.subject} [bench ${i}]` });
      sentAt.set(String(i), performance.now());
      await transport.sendMail({
        envelope: { from: owner, to: inbound },
        from: owner,
        to: inbound,
        subject: fwd.subject,
        text: fwd.text,
      });
    }
    const sending = performance.now() - began;
    transport.close();
    const deadline = Date.now() + 30_000;
    while (arrivedAt.size < count && Date.now() < deadline) {
      await sleep(20);
      await rescan();
    }
    const allIn = performance.now() - began;
    watcher.close();
    clearInterval(poller);
    await scanning;

    const latencies = [...sentAt].filter(([tag]) => arrivedAt.has(tag)).map(([tag, t]) => arrivedAt.get(tag)! - t);
    const lost = count - latencies.length;
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    peak = Math.max(peak, peakRssMB(child.pid!) || 0);
    row(
      `local end to end, ${count} forwards`,
      `p50 ${ms(p50)}, p95 ${ms(p95)}, ${lost} lost (sent in ${(sending / 1000).toFixed(1)} s, all drafted in ${(allIn / 1000).toFixed(1)} s)`,
      `p50 ≤ ${BUDGET.p50Ms} ms, p95 ≤ ${BUDGET.p95Ms} ms, 0 lost`,
      p50 <= BUDGET.p50Ms && p95 <= BUDGET.p95Ms && lost === 0,
    );
    row(
      'memory, npm start (peak RSS, VmHWM)',
      `${peak.toFixed(0)} MB (started in ${(startup / 1000).toFixed(1)} s)`,
      `≤ ${BUDGET.memoryMB} MB`,
      peak <= BUDGET.memoryMB,
    );
  } finally {
    clearInterval(sampler);
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ——— The table. ———

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

function print() {
  const w = [Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.value.length))];
  for (const r of rows) {
    const mark = r.ok === null ? ' ' : r.ok ? '✓' : '✗';
    console.log(`${mark} ${r.figure.padEnd(w[0]!)}  ${r.value.padEnd(w[1]!)}  budget ${r.budget}`);
  }
}

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const parts = new Set(onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : ['bundles', 'init', 'core', 'e2e']);
const nodeArg = nodeArgument(args);
/** The Node that imports the bundles and runs the core: this one, or the one `--node` names. */
const functionsNode = nodeArg ?? process.execPath;
// The core and end-to-end figures are measured on the corpus; bundles and init need none.
if (parts.has('core') || parts.has('e2e')) exitUnlessCorpus('npm run bench (core, e2e)');

console.log(`onward bench — ${machine()}`);
if (nodeArg) console.log(`module init and core timed on Node ${nodeVersion(nodeArg)} (${nodeArg})`);
console.log(`load average at start: ${load()}\n`);
const started = Date.now();
if (parts.has('bundles') || parts.has('init')) await benchBundles(parts);
if (parts.has('core')) await benchCore();
if (parts.has('e2e')) await benchEndToEnd();
print();
console.log(`\nload average at end: ${load()}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
