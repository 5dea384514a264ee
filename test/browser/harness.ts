// What the browser tests share: one local stack on free ports in a temp data dir, Debian's
// Chromium driven by playwright-core (never a downloaded browser), and ways to forward a mail and
// find what the stack sent because of it — each forward is its own case.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { linkIn, outbox, type SentMail } from '../support/outbox.ts';
import { OWNER, forwardExample, startTestStack, type TestStack } from '../support/stack.ts';

export { OWNER };
const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test/artifacts');

export interface Harness extends TestStack {
  browser: Browser;
}

/** Debian's Chromium through playwright-core: never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests drive Debian's Chromium at ${CHROMIUM}, which is missing. Install it with \`apt-get install chromium\` (.ci/run does this); the tests never download a browser.`,
    );
  }
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) await launchBrowser(); // says what is missing
  // Not UTC: every time on a page must be the owner's, whatever the machine's zone.
  const t = await startTestStack({ ONWARD_TIME_ZONE: 'Europe/Berlin', ...env });
  try {
    const browser = await launchBrowser();
    return {
      ...t,
      browser,
      async stop() {
        await browser.close().catch(() => undefined);
        await t.stop();
      },
    };
  } catch (error) {
    await t.stop();
    throw error;
  }
}

/** What the outbox holds now, to tell later mail from earlier mail. */
export async function outboxMark(h: Harness): Promise<Set<string>> {
  return new Set((await outbox(h.stack.outboxDir)).map((m) => m.raw));
}

/** Mail that arrived after `mark` and matches. */
export async function newMail(h: Harness, mark: Set<string>, match: (m: SentMail) => boolean): Promise<SentMail[]> {
  return (await outbox(h.stack.outboxDir)).filter((m) => !mark.has(m.raw) && match(m));
}

export async function waitForNewMail(
  h: Harness,
  mark: Set<string>,
  match: (m: SentMail) => boolean,
  timeoutMs = 15_000,
): Promise<SentMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [found] = await newMail(h, mark, match);
    if (found) return found;
    if (Date.now() > until) throw new Error('no matching mail arrived in the outbox');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const to = (address: string) => (m: SentMail) => m.mail.to.some((a) => a.address === address);

/** Forward an example as an attachment, as the owner's mail client does, and return the Review link of the draft it earns. */
export async function forwardForReview(h: Harness, file: string): Promise<{ reviewUrl: string; draft: SentMail }> {
  const mark = await outboxMark(h);
  await forwardExample(h, file);
  const draft = await waitForNewMail(h, mark, (m) => to(OWNER)(m) && m.mail.subject.startsWith('Draft thank-you'));
  return { reviewUrl: linkIn(draft.mail.text, 'Review, edit and send:'), draft };
}
