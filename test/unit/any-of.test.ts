import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyOf } from '../../lambdas/core/text/index.ts';

// Patterns as anyOf requires them: every alternative starts with \b and a letter, or with "'".
const PATTERNS = [
  /\bkeep you in mind\b|\bstay in touch\b/i,
  /(?:\bwill|'ll)\s+be in touch\b/i,
  /\bhappy to (?:talk|chat)\b/i,
];
const plain = new RegExp(PATTERNS.map((re) => `(?:${re.source})`).join('|'), 'i');

describe('anyOf', () => {
  it('matches where the patterns as one plain alternation match, and only there', () => {
    const texts = [
      'We will keep you in mind.',
      "We'll be in touch",
      'Happy to chat!',
      'HAPPY TO TALK',
      'unhappy to chat', // inside a word: neither matches
      'Shall we stay in touch?',
      'Nothing to see here.',
      '',
    ];
    for (const text of texts)
      expect([text, anyOf(PATTERNS).exec(text)?.index], text).toEqual([text, plain.exec(text)?.index]);
  });

  it('finds the first match where the plain alternation does, in any text of their words', () => {
    const words = fc.constantFrom(
      'we',
      "we'll",
      'will',
      'be',
      'in',
      'touch',
      'stay',
      'keep',
      'you',
      'mind',
      'happy',
      'to',
      'chat',
      'un',
    );
    const text = fc.array(fc.tuple(words, fc.constantFrom(' ', '', "'", '\n', '. ', 'É')), { maxLength: 12 });
    fc.assert(
      fc.property(text, (parts) => {
        const t = parts.map(([w, sep]) => w + sep).join('');
        expect(anyOf(PATTERNS).exec(t)?.index).toBe(plain.exec(t)?.index);
      }),
    );
  });

  it('ignores case, as the patterns it serves do', () => {
    expect(anyOf(PATTERNS).flags).toBe('i');
    expect(anyOf(PATTERNS).test('STAY IN TOUCH')).toBe(true);
  });
});
