// The first ten minutes, as the README tells a new user to spend them, on non-default ports and
// with an owner address of their own: `npm start`, the banner's own ingest command from another
// shell, the mailbox page, Review, Send, and the letter in the mailbox — then a rejection that
// cannot be forwarded, pasted. Real processes and Debian's Chromium; screenshots go to
// test/artifacts/.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCli, startCli } from '../support/cli.ts';
import { freePort } from '../support/net.ts';
import { ARTIFACTS, launchBrowser } from './harness.ts';

// Run inside the page; the project compiles without the DOM library.
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };

const OWNER = 'ana@example.org';
let cli: RunningCli;
let browser: Browser;
let dataDir: string;
let banner = '';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'onward-first-'));
  cli = await startCli(
    {
      ONWARD_DATA_DIR: dataDir,
      ONWARD_SMTP_PORT: String(await freePort()),
      ONWARD_HTTP_PORT: String(await freePort()),
      ONWARD_SES_PORT: String(await freePort()),
      ONWARD_OWNER_EMAIL: OWNER,
      ONWARD_TIME_ZONE: 'America/New_York',
    },
    90_000,
    { via: 'npm' },
  );
  banner = cli.output();
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (cli) expect(await cli.interrupt()).toBe(0);
  await rm(dataDir, { recursive: true, force: true });
});

const line = (label: string) => new RegExp(`${label}\\s+(http:\\S+)`).exec(banner)![1]!;

/** Opens the mailbox until `until` shows on it (mail is sent a moment after it is accepted). */
async function mailboxShowing(page: Page, url: string, until: RegExp): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    await page.goto(url);
    if (until.test(await page.locator('main').innerText())) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the mailbox never showed ${until}: ${(await page.locator('main').innerText()).slice(0, 500)}`);
}

describe('the first ten minutes', () => {
  it('start, ingest with the banner’s command, open the mailbox, Review, Send, and see the letter in the mailbox', async () => {
    const mailboxUrl = line('Your mailbox');
    expect(banner.indexOf('Your mailbox')).toBeLessThan(banner.indexOf('Your cases'));

    // Another terminal: none of npm start's variables, the command exactly as printed.
    const command = /Try it:\s+(.+)$/m.exec(banner)![1]!;
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ONWARD_')));
    const ingest = spawnSync('sh', ['-c', command], { env, encoding: 'utf8', timeout: 90_000 });
    expect(ingest.status, ingest.stderr).toBe(0);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    try {
      await mailboxShowing(page, mailboxUrl, /Draft thank-you: Grainwood/);
      const draft = page.locator('article.mail').first();
      await expect(draft.innerText()).resolves.toMatch(/To\s+Sam Rivera <ana@example\.org>/);
      // Sent "Tue, 24 Nov 2026, 18:02 GMT-5": the owner's zone, one format.
      await expect(draft.locator('time').innerText()).resolves.toMatch(
        /^\w{3}, \d{1,2} \w{3} \d{4}, \d\d:\d\d GMT-[45]$/,
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'first-mailbox-draft.png'), fullPage: true });

      // The Review link is a link: click it.
      await draft.getByRole('link', { name: /\/t\/[^/]+\.review\./ }).click();
      await page.getByLabel('Letter', { exact: true }).waitFor();
      expect(await page.title()).toContain('Grainwood');
      await page.getByLabel(/^One thing I liked/).fill('the tour of the plant');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^\s*Sent\. The letter left on / })
        .waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'first-review-sent.png'), fullPage: true });

      // The letter, in the mailbox, with its draft in view.
      await mailboxShowing(page, mailboxUrl, /sandra\.ing@grainwood\.example/);
      const letter = page.locator('article.mail').filter({ hasText: 'I especially liked the tour of the plant.' });
      await expect(letter.first().innerText()).resolves.toMatch(/To\s+(Sandra Ing <)?sandra\.ing@grainwood\.example/);
      await expect(letter.first().innerText()).resolves.toMatch(
        /Subject\s+Re: Your application for Administrative Assistant/,
      );

      // On a phone: readable without sideways scrolling.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(mailboxUrl);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'first-mailbox-phone-top.png') });
      await page.screenshot({ path: path.join(ARTIFACTS, 'first-mailbox-phone.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('pastes a rejection that came as a LinkedIn message, from the cases page, and opens its letter from the draft email', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    try {
      await page.goto(line('Your cases'));
      await page.getByRole('link', { name: 'Paste a rejection' }).click();
      const text = page.getByLabel('The rejection', { exact: true });
      await text.fill(
        'Hi Sam,\n\nThank you for interviewing with us for the Data Analyst role at Northwind. After much deliberation we have decided not to move forward with your candidacy.\n\nAll the best,\nJordan Lee\nNorthwind Traders',
      );
      await page.getByLabel(/^Who sent it/).fill('Jordan Lee <jordan@northwind.example>');
      await page.screenshot({ path: path.join(ARTIFACTS, 'first-paste-phone.png'), fullPage: true });
      await page.getByRole('button', { name: 'Read it and draft a letter' }).click();
      // The inbound function reads it, as a forward: the page says the draft comes by email.
      await page.getByRole('heading', { name: 'Pasted: onward is reading it' }).waitFor();
      await expect(page.getByRole('status').innerText()).resolves.toMatch(/draft letter comes to you by email/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'first-pasted-phone.png'), fullPage: true });

      await mailboxShowing(page, line('Your mailbox'), /Draft thank-you: Northwind/);
      const draft = page.locator('article.mail').filter({ hasText: 'Draft thank-you: Northwind' }).first();
      await expect(draft.innerText()).resolves.toMatch(/To\s+Sam Rivera <ana@example\.org>/);
      await draft.getByRole('link', { name: /\/t\/[^/]+\.review\./ }).click();
      await page.getByLabel('Letter', { exact: true }).waitFor();
      expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('jordan@northwind.example');
      expect(await page.getByLabel('Letter', { exact: true }).inputValue()).toMatch(/^Dear Jordan,/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);
});
