// What on-mail-received does to one message in memory — parse (adapters/mime.ts) → unwrap →
// classify → extract → draft — as a module of its own, so that scripts/bench-core.ts can time it
// as the functions ship it: bundled by lib/bundle-function.ts, and run by whichever Node the bench
// is given (Lambda's runtime is not the machine's). Beside it, its yardstick — parsing alone with
// postal-mime, bundled the same way (the bundle's postal-mime is not node_modules') — and the
// timing loop itself, so that a bundle run in another Node process times itself the same way.
import PostalMime from 'postal-mime';
import { parseMime } from '../lambdas/adapters/mime.ts';
import { draftLetter } from '../lambdas/core/letter/index.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';

const OWNER_NAME = 'Job Seeker';
/** The owner's and onward's addresses, as on-mail-received passes them. */
const OWN_ADDRESSES = ['owner@example.com', 'inbox@onward.example'];

export async function pipeline(raw: Uint8Array): Promise<unknown> {
  const { original, classification, extraction } = readRejection(await parseMime(raw), OWN_ADDRESSES);
  return classification.verdict === 'rejection'
    ? draftLetter({ ownerName: OWNER_NAME, original, extraction, kind: classification.kind })
    : classification;
}

/** postal-mime's parse and nothing else. */
export const parseAlone = (raw: Uint8Array): Promise<unknown> => PostalMime.parse(raw);

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeRound(raws: readonly Uint8Array[], fn: (raw: Uint8Array) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (const raw of raws) await fn(raw);
  return Number(process.hrtime.bigint() - start) / 1e3 / raws.length;
}

/**
 * Alternates rounds of "parse alone" and "whole pipeline" over `raws` for about `seconds`, so a
 * burst of load from elsewhere on the machine hits both alike: microseconds per email, the
 * median of the rounds, and how many rounds.
 */
export async function timeCore(
  raws: readonly Uint8Array[],
  seconds: number,
): Promise<{ parseUs: number; pipelineUs: number; rounds: number }> {
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
  return { parseUs: median(parse), pipelineUs: median(whole), rounds: parse.length };
}
