// Throughput of classify + extract on one core, over the corpus, for about two seconds.
//   npx tsx scripts/bench-core.ts
// Budget: at least 2,000 typical emails per second.

import { classify } from '../lambdas/core/classify.ts';
import { extract } from '../lambdas/core/extract.ts';
import { directMail, loadCorpus } from './eval.ts';

const BUDGET = 2000;
const mails = loadCorpus().map(directMail);

// Warm up so the JIT has compiled the regular expressions before timing.
for (let i = 0; i < 3; i++) for (const m of mails) extract(m) && classify(m);

let n = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < 2) {
  for (const m of mails) {
    classify(m);
    extract(m);
    n++;
  }
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
const rate = n / elapsed;
console.log(`classify+extract: ${Math.round(rate).toLocaleString('en-US')} emails/s over ${n} emails in ${elapsed.toFixed(2)} s  ${rate >= BUDGET ? '✓' : '✗'} budget ≥ ${BUDGET.toLocaleString('en-US')}/s`);
if (rate < BUDGET) process.exitCode = 1;
