// Reduces an HTML-only email to plain text for classification. onward never renders mail HTML:
// scripts, styles and images are dropped and the result is only ever shown escaped.
// Patterns are linear (no nested quantifiers) because the input is hostile.
import { decodeEntities } from './html-entities.ts';

export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|table|blockquote)\s*>/gi, '\n\n')
    .replace(/<[^>]{0,10000}>/g, ' ');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
