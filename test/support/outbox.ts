// Reads what the local stack sent: the recorder beside the SES emulator writes each raw message.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMime } from '../../lambdas/adapters/mime.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';

export interface SentMail {
  raw: string;
  mail: ParsedMail;
}

export async function outbox(dir: string): Promise<SentMail[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (f) => {
      const raw = await readFile(path.join(dir, f), 'utf8');
      return { raw, mail: await parseMime(raw) };
    }),
  );
}

export async function waitForMail(dir: string, match: (m: SentMail) => boolean, timeoutMs = 10_000): Promise<SentMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await outbox(dir)).find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error('no matching mail arrived in the outbox');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const linkIn = (text: string, label: string): string => {
  const m = new RegExp(`${label}[^\\n]*?(http://\\S+)`).exec(text);
  if (!m) throw new Error(`no link after “${label}”`);
  return m[1]!;
};

/** The form fields of the review page, as a browser would submit them. */
export function reviewForm(html: string) {
  const unescapeHtml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const form = /<form class="letter" method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('no letter form on the page');
  const value = (id: string) => unescapeHtml(new RegExp(`id="${id}"[^>]*value="([^"]*)"`).exec(form[2]!)?.[1] ?? '');
  return {
    action: unescapeHtml(form[1]!),
    to: value('to'),
    subject: value('subject'),
    body: unescapeHtml(/<textarea id="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(form[2]!)?.[1] ?? ''),
    discard: unescapeHtml(/value="discard" formaction="([^"]+)"/.exec(html)?.[1] ?? ''),
  };
}
