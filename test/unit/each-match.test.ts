import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countChar, eachMatch } from '../../lambdas/core/text/index.ts';

const listed = (re: RegExp, text: string): [number, string][] => {
  const out: [number, string][] = [];
  eachMatch(re, text, (m) => out.push([m.index, m[0]]));
  return out;
};
const byMatchAll = (re: RegExp, text: string): [number, string][] =>
  [...text.matchAll(re)].map((m) => [m.index ?? 0, m[0]]);

describe('eachMatch', () => {
  // Patterns that can match empty, across surrogate pairs, and at line starts: where a hand-written
  // exec loop goes wrong.
  const patterns = [/a*/g, /\b/g, /(?:)/gu, /\p{Lu}*/gu, /^\w*/gim, /[😀b]+/gu, /x|/g, /(?<=a)b?/g];
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'x', ' ', '\n', '😀', 'é'), maxLength: 30 });

  it('lists the same matches as matchAll, empty ones and astral characters included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...patterns), text, (re, t) => {
        expect(listed(re, t)).toEqual(byMatchAll(re, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the regex as it found it, even when the callback throws', () => {
    const re = /b/g;
    expect(() =>
      eachMatch(re, 'abc', () => {
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(re.lastIndex).toBe(0);
  });

  it('counts a character', () => {
    expect(countChar('(a) (b (c))', 40)).toBe(3);
    expect(countChar('', 41)).toBe(0);
  });
});
