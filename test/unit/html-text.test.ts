import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../lambdas/core/mail/index.ts';

describe('HTML-only mail as text', () => {
  it('keeps paragraphs and line breaks, drops scripts, styles and comments, decodes entities', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><script>x()</script><p>Dear Jo,</p><!-- hidden --><p>Thanks &amp; best<br>Sam</p></body></html>';
    expect(htmlToText(html)).toBe('Dear Jo,\n\nThanks & best\nSam');
  });

  it('reads on past a stray unclosed "<!--": it cannot hide the sentence that decides', () => {
    expect(htmlToText('<p>Hi Sam,</p><!-- stray <p>We have decided not to move forward.</p>')).toContain(
      'We have decided not to move forward.',
    );
  });

  it('takes a "<" with no ">" after it for text, and a never-closed script loses only its tag', () => {
    expect(htmlToText('a <b c')).toBe('a <b c');
    expect(htmlToText('<script>never closed <p>text</p>')).toBe('never closed text');
  });
});
