// Nothing leaks into logs: every test file runs with console output captured,
// and every log line onward writes must hold only ids, outcomes, codes and counts — never an
// address, a subject, body text or a token. A file whose logs break that rule fails.
import { afterAll, expect } from 'vitest';

const captured: string[] = [];
for (const method of ['log', 'info', 'warn', 'error'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    captured.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    original(...args);
  };
}

// An id (SES message ids, case ids), an event name, a reason or error code: short, no spaces, no '@'.
const SAFE_VALUE = /^[A-Za-z0-9._:-]{0,80}$/;

/** Why a captured line is not an acceptable log line, or null when it is. */
export function leak(line: string): string | null {
  if (/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.test(line)) return 'an email address';
  if (
    /\b[A-Za-z0-9_-]+\.(review|send|discard|draft|cases|revive|sent-myself|paste|not-rejection|follow-ups?(?:-[a-z]+)?)\.[0-9a-z]+\.[A-Za-z0-9_-]{20,}/.test(
      line,
    )
  )
    return 'a token';
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return 'not a structured log line';
  }
  if (!record || typeof record !== 'object') return 'not a structured log line';
  for (const [key, value] of Object.entries(record)) {
    if (value === null || typeof value === 'number' || typeof value === 'boolean') continue;
    if (typeof value !== 'string' || !SAFE_VALUE.test(value)) return `field "${key}" holds free text`;
  }
  return null;
}

afterAll(() => {
  const leaks = captured.map((line) => ({ line: line.slice(0, 200), why: leak(line) })).filter((l) => l.why);
  expect(leaks).toEqual([]);
});
