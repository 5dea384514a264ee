// The cases page as the owner's record of the search, in a real browser (Debian's Chromium through
// playwright-core): months of seeded cases of every stage drawn as the chart at the top, the list
// below it, noise one click away — on a desktop screen and on a phone's, with JavaScript off and
// nothing refused by the page's CSP. Screenshots go to test/artifacts/.
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsHttp } from '../../lambdas/adapters/aws-http.ts';
import { dynamoCaseRepository } from '../../lambdas/adapters/dynamo-cases.ts';
import type { Case } from '../../lambdas/core/case/index.ts';
import type { Stage } from '../../lambdas/core/extract/index.ts';
import { TABLE } from '../../lambdas/local/data.ts';
import { ARTIFACTS, type Harness, startHarness } from './harness.ts';

declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };

let h: Harness;

const DAY = 24 * 3600 * 1000;
const STAGES: (Stage | null)[] = ['application', 'application', 'test', 'interview', null];
const COMPANIES = ['Grainwood', 'Marlow Labs', 'Northwind', 'Bluefin Health', 'Acme Robotics'];

/** Eight months of a search up to now: every stage, letters sent after interviews, and two duplicates. */
function seeded(now: number): Case[] {
  const cases: Case[] = [];
  for (let i = 0; i < 24; i += 1) {
    const written = new Date(now - (3 + i * 10) * DAY).toISOString();
    const stage = STAGES[i % STAGES.length]!;
    const interviewed = stage === 'interview';
    cases.push({
      id: `seed-${i}`,
      status: interviewed ? 'SENT' : 'IGNORED',
      ...(interviewed
        ? { sentAt: new Date(now - (2 + i * 10) * DAY).toISOString() }
        : { reason: 'no-letter-suggested' }),
      receivedAt: new Date(now - (2 + i * 10) * DAY).toISOString(),
      updatedAt: written,
      original: {
        style: 'attachment',
        from: { name: 'Kim Oduya', address: `kim${i}@example.com` },
        subject: 'Your application',
        date: written,
        messageId: null,
        references: null,
        excerpt: 'Thank you for your interest.',
      },
      classification: { verdict: 'rejection', confidence: 0.9, kind: 'rejection', reasons: [] },
      extraction: {
        company: COMPANIES[i % COMPANIES.length]!,
        role: i % 2 ? 'Senior Data Platform Engineer, Payments Infrastructure' : 'Analyst',
        department: null,
        contactName: 'Kim Oduya',
        contactEmail: `kim${i}@example.com`,
        agency: null,
        stage,
        interviewed,
        noReplySender: false,
        candidates: [],
      },
    });
  }
  for (const id of ['dup-1', 'dup-2'])
    cases.push({ ...cases[0]!, id, status: 'IGNORED', reason: 'duplicate', duplicateOf: 'seed-0' });
  return cases;
}

beforeAll(async () => {
  h = await startHarness();
  const cases = dynamoCaseRepository(awsHttp('dynamodb', process.env), TABLE);
  for (const record of seeded(Date.now())) await cases.create(record);
});

afterAll(async () => {
  await h?.stop();
});

async function open(options: BrowserContextOptions) {
  // No JavaScript: the pages need none, and the chart is SVG in the page.
  const context = await h.browser.newContext({ javaScriptEnabled: false, ...options });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

describe('the cases page as the record of the search', () => {
  it('shows the chart of months of rejections by stage above the list, on a desktop screen', async () => {
    const { context, page, problems } = await open({ viewport: { width: 1280, height: 900 } });
    try {
      expect((await page.goto(h.stack.urls.cases))?.status()).toBe(200);
      const chart = page.locator('svg.chart');
      await chart.waitFor();
      expect(await page.locator('h2#chart-title').innerText()).toBe('Your search, by month');
      // Every stage drawn, and the letters beside them.
      for (const series of ['application', 'test', 'interview', 'unstated', 'sent'])
        expect(await chart.locator(`rect[data-series="${series}"]`).count()).toBeGreaterThan(0);
      const box = (await chart.boundingBox())!;
      expect(box.height).toBeGreaterThan(150);
      // Drawn with its presentation attributes: the bars have colour, the CSP refused nothing.
      const fill = await chart
        .locator('rect[data-series="interview"]')
        .first()
        .evaluate((el) => {
          const style = (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(
            el,
          );
          return style.fill;
        });
      expect(fill).toBe('rgb(192, 87, 123)');
      expect(problems).toEqual([]);
      // The list below it: the rejection's own date, company, contact, stage, letter, follow-up.
      const headers = await page.locator('table.cases th').allInnerTexts();
      expect(headers).toEqual(['Rejected', 'Company, role', 'Contact', 'Stage', 'Letter', 'Next follow-up']);
      expect(await page.locator('table.cases tbody tr').count()).toBe(24);
      expect(await page.locator('text=duplicate').count()).toBe(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'cases-record-desktop.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('fits a phone’s width: the chart scales, each row says what its cells are', async () => {
    const { context, page, problems } = await open({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    try {
      expect((await page.goto(h.stack.urls.cases))?.status()).toBe(200);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const chart = (await page.locator('svg.chart').boundingBox())!;
      expect(chart.width).toBeLessThanOrEqual(375);
      expect(chart.width).toBeGreaterThan(300);
      const first = page.locator('table.cases tbody tr').first();
      expect(await first.innerText()).toContain('Kim Oduya');
      // Without the table's header row, each cell is named in front of it (CSS generated content).
      const named = await first
        .locator('td[data-label]')
        .evaluateAll((cells) =>
          cells.map(
            (cell) =>
              (
                globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }
              ).getComputedStyle(cell, '::before').content,
          ),
        );
      expect(named).toEqual(['"Contact: "', '"Stage: "', '"Letter: "', '"Next follow-up: "']);
      expect(problems).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'cases-record-phone.png'), fullPage: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'cases-record-phone-top.png') });
      const list = (await page.locator('table.cases').boundingBox())!;
      await page.screenshot({
        path: path.join(ARTIFACTS, 'cases-record-phone-list.png'),
        fullPage: true,
        clip: { x: 0, y: list.y - 120, width: 375, height: 740 },
      });
    } finally {
      await context.close();
    }
  });

  it('keeps noise one click away, and one click back', async () => {
    const { context, page } = await open({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(h.stack.urls.cases);
      await page.getByRole('link', { name: 'set aside (2)' }).click();
      expect(await page.locator('table.cases tbody tr').count()).toBe(2);
      expect(await page.locator('table.cases').innerText()).toContain('duplicate');
      expect(await page.locator('svg.chart').count()).toBe(0);
      await page.getByRole('link', { name: 'Back to your record' }).click();
      expect(await page.locator('table.cases tbody tr').count()).toBe(24);
    } finally {
      await context.close();
    }
  });
});
