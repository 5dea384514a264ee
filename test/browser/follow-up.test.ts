// The follow-up's page in a real browser (Debian's Chromium through playwright-core), as the owner
// uses it: open the Review link of the follow-up's draft email, write the marked line, press Send,
// see it was sent — and the follow-up in the outbox is what was on screen. No script runs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SINCE_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import { linkIn, reviewForm } from '../support/outbox.ts';
import { forwardForReview, type Harness, OWNER, outboxMark, startHarness, to, waitForNewMail } from './harness.ts';

const SANDRA = 'sandra.ing@grainwood.example';
let h: Harness;

beforeAll(async () => {
  // Due at once: the test runs the housekeeping itself, as `npx onward housekeeping` does.
  h = await startHarness({ ONWARD_FOLLOW_UP_DAYS: '0' });
});

afterAll(async () => {
  await h?.stop();
});

/** A letter sent from its page, then the housekeeping run: the follow-up's draft email. */
async function followUpDraft() {
  const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
  // The draft email leaves just before the case is marked waiting: let the stack finish.
  await h.stack.invoker.idle();
  const form = reviewForm(await (await fetch(reviewUrl)).text());
  const body = new URLSearchParams({
    to: form.to,
    subject: form.subject,
    body: form.body,
    detail: 'the tour',
    op: 'send',
  });
  await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
  const mark = await outboxMark(h);
  // The stack's own housekeeping handler, in this process (the stack runs here).
  const { handler } = await import('../../lambdas/handlers/expire-drafts.ts');
  await handler({});
  return waitForNewMail(h, mark, (m) => to(OWNER)(m) && m.mail.subject.startsWith('Follow-up draft'));
}

async function open() {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

const body = (page: Page) => page.getByLabel('Follow-up', { exact: true });

describe('the owner reviews and sends a follow-up in the browser', () => {
  it('refuses the marked line unwritten, keeps the edits, then sends exactly what is on screen, once', async () => {
    const draft = await followUpDraft();
    const { context, page, problems } = await open();
    try {
      expect((await page.goto(linkIn(draft.mail.text, 'Review, edit and send:')))?.status()).toBe(200);
      expect(await page.title()).toContain('Follow-up to Grainwood');
      expect(await page.getByLabel('To').inputValue()).toBe(SANDRA);
      const drafted = await body(page).inputValue();
      expect(drafted).toContain(SINCE_PLACEHOLDER);
      expect(drafted.split('\n')[0]).toBe('Dear Sandra,');

      // Send with the marked line still there: refused, the page says why, nothing left.
      const mark = await outboxMark(h);
      await body(page).fill(drafted.replace('Dear Sandra,', 'Dear Ms. Ing,'));
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toContain(
        'Write one line about what you have done since',
      );

      // What was typed is still there.
      const kept = await body(page).inputValue();
      expect(kept.split('\n')[0]).toBe('Dear Ms. Ing,');
      const written = kept.replace(SINCE_PLACEHOLDER, 'Since then I have led our office move.');
      await body(page).fill(written);
      await page.getByRole('button', { name: 'Send' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Sent\. The follow-up left on / })
        .waitFor();
      const sent = await waitForNewMail(h, mark, to(SANDRA));
      expect(sent.mail.text.trim().replace(/\r\n/g, '\n')).toBe(written.trim());
      expect(await page.getByRole('button', { name: 'Follow up again' }).isVisible()).toBe(true);

      // The refused Send's 422 is the only error the browser reported: no script, nothing else.
      expect(problems).toEqual([
        'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
      ]);
    } finally {
      await context.close();
    }
  });

  it('Not now puts it away: the page says when onward asks again, and no script ran', async () => {
    const draft = await followUpDraft();
    const { context, page, problems } = await open();
    try {
      await page.goto(linkIn(draft.mail.text, 'Review, edit and send:'));
      await page.getByRole('button', { name: 'Not now' }).click();
      await expect(page.getByRole('status').innerText()).resolves.toMatch(
        /onward drafts this follow-up on \w{3}, \d+ \w{3} \d{4}/,
      );
      await expect(page.getByRole('button', { name: 'Stop follow-ups for this case' }).isVisible()).resolves.toBe(true);
      const width = await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
      expect(width).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
