// The review page in a real browser (Debian's Chromium through playwright-core), as the owner
// uses it: open the Review link from the draft email, read, edit, press Send, see it was sent —
// and the letter in the outbox is what was on screen. Also without JavaScript, at phone width,
// by keyboard, and with the headers and origin checks the browser actually sees.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import { linkIn } from '../support/outbox.ts';
import { asNewEmail, forwardRaw } from '../support/stack.ts';
import {
  ARTIFACTS,
  OWNER,
  forwardForReview,
  newMail,
  outboxMark,
  startHarness,
  to,
  waitForNewMail,
  type Harness,
} from './harness.ts';

// Some functions below run inside the page. The project compiles without the DOM library, so
// name the little they use here (module-scoped declarations: nothing leaks into other files).
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
}
declare const document: {
  documentElement: { scrollWidth: number };
  activeElement: PageElement | null;
  body: PageElement;
};
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): {
  cursor: string;
  opacity: string;
  outlineStyle: string;
  borderRadius: string;
};
type Validity = { validity: { valueMissing: boolean; patternMismatch: boolean } };

const SANDRA = 'sandra.ing@grainwood.example';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

/**
 * A fresh context and page. Console errors and page errors are collected in `problems`, except
 * Content-Security-Policy reports, which go to `csp` (one test owns those).
 */
async function open(
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[]; csp: string[] }> {
  const context = await h.browser.newContext(options);
  // Fail within the test's time with Playwright's own message, not vitest's timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const csp: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    (/Content Security Policy/.test(m.text()) ? csp : problems).push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems, csp };
}

/** The review page's fields, found the way a person (or a screen reader) finds them: by label. */
/** Opens a review link; when the page is not the editable review page, says what it was instead. */
async function gotoReview(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  const editable = await page.locator('form.letter').count();
  if (response?.status() !== 200 || !editable) {
    throw new Error(
      `review page not editable: HTTP ${response?.status()}: ${(await page.locator('main').innerText()).slice(0, 400)}`,
    );
  }
}

function fields(page: Page) {
  return {
    to: page.getByLabel('To', { exact: true }),
    subject: page.getByLabel('Subject', { exact: true }),
    detail: page.getByLabel(/^One thing I liked/),
    body: page.getByLabel('Letter', { exact: true }),
    send: page.getByRole('button', { name: 'Send', exact: true }),
    discard: page.getByRole('button', { name: 'Discard', exact: true }),
  };
}

/** POSTs the page made, with the headers Chromium really sent. */
function recordPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r);
  });
  return posts;
}

async function sentBanner(page: Page) {
  // Not "Nothing has been sent.": the banner that says the letter left.
  const banner = page.getByRole('status').filter({ hasText: /^\s*Sent\. The letter left on / });
  await banner.waitFor({ timeout: 10_000 });
  return banner;
}

/** Lets the stack finish anything in flight, so "nothing was sent" is not just "not sent yet". */
async function settle() {
  await h.stack.invoker.idle();
  await new Promise((r) => setTimeout(r, 300));
}

const noScroll = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe('the owner reviews, edits and sends a letter in the browser', () => {
  it('shows the original and what was detected, sends the edited letter exactly as shown, and confirms', async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    expect(reviewUrl.startsWith(h.stack.urls.review)).toBe(true);
    const { context, page, problems } = await open({ viewport: { width: 1280, height: 900 } });
    try {
      const response = await page.goto(reviewUrl);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toContain('Grainwood');

      // The email that was forwarded: from, subject and an excerpt.
      const original = page.getByRole('region', { name: 'The email you forwarded' });
      await expect(original.innerText()).resolves.toContain('Sandra Ing <sandra.ing@grainwood.example>');
      await expect(original.innerText()).resolves.toContain('Your application for Administrative Assistant');
      await expect(original.innerText()).resolves.toMatch(/Date\s+Wed, 25 Nov 2026, 00:02 CET/);
      await expect(original.locator('blockquote').innerText()).resolves.toContain(
        'Thank you for taking the time to interview',
      );

      // What onward detected, and why.
      const detected = await page.getByRole('region', { name: 'What onward detected' }).innerText();
      for (const expected of ['Grainwood', 'Administrative Assistant', 'Sandra Ing', SANDRA, 'Why'])
        expect(detected).toContain(expected);

      // Labelled fields holding the draft.
      const f = fields(page);
      expect(await f.to.inputValue()).toBe(SANDRA);
      expect(await f.subject.inputValue()).toBe('Re: Your application for Administrative Assistant');
      expect(await f.detail.inputValue()).toBe('');
      const drafted = await f.body.inputValue();
      expect(drafted).toContain(DETAIL_PLACEHOLDER);
      expect(drafted).toContain('Again, thank you!');
      expect(drafted.trim().endsWith('Sam Rivera')).toBe(true);
      await expect(page.locator('#detail-help').isVisible()).resolves.toBe(true);
      expect(await f.send.isEnabled()).toBe(true);

      // The owner changes a sentence and writes the one true detail.
      const edited = drafted.replace('Again, thank you!', 'Thank you again, and good luck with the Sales Department.');
      expect(edited).not.toBe(drafted);
      await f.body.fill(edited);
      await f.detail.fill('how openly you walked me through the sales pipeline');
      const shownTo = await f.to.inputValue();
      const shownSubject = await f.subject.inputValue();
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-page.png'), fullPage: true });

      const mark = await outboxMark(h);
      const posts = recordPosts(page);
      // Enter in a one-line field sends nothing — a browser submits a form on Enter, and a letter
      // typed half-way must not leave: a letter leaves only when Send itself is pressed.
      for (const field of [f.detail, f.to, f.subject]) await field.press('Enter');
      await page.waitForTimeout(300);
      expect(posts).toHaveLength(0);
      expect(await f.detail.inputValue()).toBe('how openly you walked me through the sales pipeline');
      await f.send.click();
      const banner = await sentBanner(page);
      expect(await banner.innerText()).toMatch(/Sent\. The letter left on \w{3}, \d+ \w{3} \d{4}, \d\d:\d\d CES?T\./);
      expect(posts).toHaveLength(1);
      expect((await posts[0]!.response())?.status()).toBe(303);
      // After Send the page shows the letter as sent, and no form to send it again.
      expect(await page.locator('form.letter').count()).toBe(0);
      const sentSection = page.getByRole('region', { name: 'The letter as sent' });
      const onScreenBody = await sentSection.locator('pre.letter').innerText();
      expect(await sentSection.innerText()).toContain(`Sandra Ing <${SANDRA}>`);
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-sent.png'), fullPage: true });

      const letter = await waitForNewMail(h, mark, to(SANDRA));
      expect(letter.mail.to.map((a) => a.address)).toEqual([shownTo]);
      expect(letter.mail.subject).toBe(shownSubject);
      expect(letter.mail.replyTo[0]?.address).toBe(OWNER);
      const text = letter.mail.text.replace(/\r\n/g, '\n').trim();
      expect(text).toContain('Thank you again, and good luck with the Sales Department.');
      expect(text).not.toContain('Again, thank you!');
      expect(text).toContain('I especially liked how openly you walked me through the sales pipeline.');
      expect(text).not.toContain('[');
      expect(text.endsWith('Sam Rivera')).toBe(true);
      // Exactly what the owner saw: the edited body with the detail in the marked paragraph's place.
      expect(text).toBe(
        edited
          .replace(DETAIL_PLACEHOLDER, 'I especially liked how openly you walked me through the sales pipeline.')
          .trim(),
      );
      expect(text).toBe(onScreenBody.trim());
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('starts To empty for a no-reply sender, explains why, and will not send until To holds an address', async () => {
    const { reviewUrl } = await forwardForReview(h, 'ats-no-reply-rejection.eml');
    const { context, page, problems } = await open();
    try {
      await gotoReview(page, reviewUrl);
      const f = fields(page);
      expect(await f.to.inputValue()).toBe('');
      const help = page.locator('#to-help');
      expect(await help.isVisible()).toBe(true);
      expect(await help.innerText()).toMatch(/no-reply/i);
      expect(await help.innerText()).toContain('no-reply@us.greenhouse-mail.io');
      // The explanation is tied to the field for screen readers.
      expect(await f.to.getAttribute('aria-describedby')).toContain('to-help');
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-no-reply.png'), fullPage: true });

      // The button looks unusable while the form is invalid...
      expect(await page.locator('form.letter:invalid').count()).toBe(1);
      expect(await f.send.evaluate((b) => getComputedStyle(b).cursor)).toBe('not-allowed');
      expect(Number(await f.send.evaluate((b) => getComputedStyle(b).opacity))).toBeLessThan(1);

      // ...and pressing it anyway submits nothing, empty or not an address.
      const mark = await outboxMark(h);
      const posts = recordPosts(page);
      const before = page.url();
      await f.send.click();
      expect(await f.to.evaluate((i) => (i as unknown as Validity).validity.valueMissing)).toBe(true);
      for (const notOne of ['recruiting team', 'jordan.lee@northwind.example, sam@northwind.example']) {
        await f.to.fill(notOne);
        expect(await page.locator('form.letter:invalid').count()).toBe(1);
        await f.send.click();
        expect(await f.to.evaluate((i) => (i as unknown as Validity).validity.patternMismatch)).toBe(true);
      }
      await page.waitForTimeout(300);
      expect(posts).toHaveLength(0);
      expect(page.url()).toBe(before);

      // An address as a mail client shows it, with the name, makes the form valid; the owner
      // deletes the marked paragraph instead of filling it.
      await f.to.fill('Jordan Lee <jordan.lee@northwind.example>');
      expect(await page.locator('form.letter:invalid').count()).toBe(0);
      expect(Number(await f.send.evaluate((b) => getComputedStyle(b).opacity))).toBe(1);
      const drafted = await f.body.inputValue();
      expect(drafted).toContain(DETAIL_PLACEHOLDER);
      await f.body.fill(drafted.replace(`${DETAIL_PLACEHOLDER}\n\n`, ''));
      await f.send.click();
      await sentBanner(page);
      expect(posts).toHaveLength(1);

      const letter = await waitForNewMail(h, mark, to('jordan.lee@northwind.example'));
      expect(letter.mail.to).toEqual([{ name: 'Jordan Lee', address: 'jordan.lee@northwind.example' }]);
      expect(letter.mail.text).not.toContain(DETAIL_PLACEHOLDER);
      expect(letter.mail.text).toContain('Northwind');
      await settle();
      expect(await newMail(h, mark, (m) => !to(OWNER)(m))).toHaveLength(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses to send a letter with the marked paragraph unfilled, with a readable error, and keeps the edits', async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    const { context, page } = await open();
    try {
      await gotoReview(page, reviewUrl);
      const f = fields(page);
      const body = (await f.body.inputValue()).replace('Again, thank you!', 'Many thanks again!');
      await f.body.fill(body);
      // Typed as a mail client shows it, name and all: the name must survive the error.
      await f.to.fill(`Sandra Ing <${SANDRA}>`);
      await f.subject.fill('Re: Thank you — Administrative Assistant');
      const mark = await outboxMark(h);
      const posts = recordPosts(page);
      await f.send.click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      expect(posts).toHaveLength(1);
      expect((await posts[0]!.response())?.status()).toBe(422);
      const message = await alert.innerText();
      expect(message).toContain('Not sent yet');
      expect(message).toMatch(/Write one true detail you liked in the marked paragraph, or delete that paragraph/);
      expect(await alert.isVisible()).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-error.png'), fullPage: true });
      // Nothing claims it left; what the owner typed is still there to fix.
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: /^\s*Sent\./ })
          .count(),
      ).toBe(0);
      expect(await page.getByRole('status').innerText()).toContain('Nothing has been sent.');
      expect(await f.body.inputValue()).toBe(body);
      expect(await f.to.inputValue()).toBe(`Sandra Ing <${SANDRA}>`);
      expect(await f.subject.inputValue()).toBe('Re: Thank you — Administrative Assistant');
      await settle();
      expect(await newMail(h, mark, (m) => !to(OWNER)(m))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // A detail onward reshapes (a sentence of its own) comes back in the letter to read first:
  // the owner sees every word that leaves (docs/DESIGN.md §1).
  it('shows a reshaped detail in the letter before it is sent, and sends that on the next Send', async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    const { context, page } = await open();
    try {
      await gotoReview(page, reviewUrl);
      const f = fields(page);
      await f.detail.fill('the whiteboard exercise was fun');
      const mark = await outboxMark(h);
      await f.send.click();
      await page.getByRole('alert').waitFor({ timeout: 10_000 });
      expect(await page.getByRole('alert').innerText()).toContain('Your detail is now in the letter, as it will read.');
      expect(await f.body.inputValue()).toContain('The whiteboard exercise was fun.');
      expect(await f.body.inputValue()).not.toContain(DETAIL_PLACEHOLDER);
      expect(await f.detail.inputValue()).toBe('');
      await settle();
      expect(await newMail(h, mark, (m) => !to(OWNER)(m))).toEqual([]);
      await f.send.click();
      await sentBanner(page);
      const letter = await waitForNewMail(h, mark, to(SANDRA));
      expect(letter.mail.text).toContain('The whiteboard exercise was fun.');
    } finally {
      await context.close();
    }
  });

  // Found by a first-time user: edits typed, Discard pressed by mistake, "Bring it back to review"
  // — and the letter came back as drafted, the edits gone.
  it('brings a discarded letter back as the owner left it, half-typed address and all', async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    const { context, page } = await open();
    try {
      await gotoReview(page, reviewUrl);
      const f = fields(page);
      const body = (await f.body.inputValue()).replace('Again, thank you!', 'Thanks once more, truly.');
      await f.body.fill(body);
      await f.subject.fill('Thank you, Sandra');
      await f.to.fill('sandra.ing@grain');
      await f.discard.click();
      const revive = page.getByRole('button', { name: 'Bring it back to review' });
      await revive.waitFor();
      expect(await page.getByRole('status').innerText()).toContain('You discarded this draft. Nothing was sent.');
      await revive.click();
      await f.body.waitFor();
      expect(await f.body.inputValue()).toBe(body);
      expect(await f.subject.inputValue()).toBe('Thank you, Sandra');
      expect(await f.to.inputValue()).toBe('sandra.ing@grain');
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript', async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    const { context, page } = await open({ javaScriptEnabled: false });
    try {
      await gotoReview(page, reviewUrl);
      expect(await page.locator('script').count()).toBe(0);
      const f = fields(page);
      await f.detail.fill('meeting the whole sales team');
      const mark = await outboxMark(h);
      await f.send.click();
      await sentBanner(page);
      const letter = await waitForNewMail(h, mark, to(SANDRA));
      expect(letter.mail.text).toContain('I especially liked meeting the whole sales team.');
    } finally {
      await context.close();
    }
  });

  it('fits a phone-width screen without sideways scrolling, with usable fields', async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    const { context, page } = await open({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    try {
      await gotoReview(page, reviewUrl);
      const { scrollWidth, innerWidth } = await noScroll(page);
      expect(innerWidth).toBe(375);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const f = fields(page);
      for (const [name, field] of Object.entries({
        to: f.to,
        subject: f.subject,
        detail: f.detail,
        body: f.body,
        send: f.send,
      })) {
        const box = await field.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x, name).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(375);
        expect(box!.height, name).toBeGreaterThanOrEqual(32); // big enough to tap
      }
      // The whole letter shows, its end included, without a scroll bar inside the box: on a phone
      // a fixed-height box hides the sign-off the owner must read before sending.
      const inner = await f.body.evaluate((t) => ({ scroll: t.scrollHeight, client: t.clientHeight }));
      expect(inner.scroll).toBeLessThanOrEqual(inner.client + 1);
      await f.detail.tap();
      await page.keyboard.type('the coffee');
      expect(await f.detail.inputValue()).toBe('the coffee');
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-phone.png'), fullPage: true });
      // Still no sideways scrolling once the letter is sent (the typed detail fills the marked paragraph).
      await f.send.tap();
      await sentBanner(page);
      const after = await noScroll(page);
      expect(after.scrollWidth).toBeLessThanOrEqual(after.innerWidth);
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-phone-sent.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('lists cases on a phone without sideways scrolling, each row telling company and role apart', async () => {
    await forwardForReview(h, 'rejection-after-interview.eml');
    await forwardForReview(h, 'ats-no-reply-rejection.eml');
    const { context, page } = await open({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    try {
      expect((await page.goto(h.stack.urls.cases))?.status()).toBe(200);
      const { scrollWidth, innerWidth } = await noScroll(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const rows = await page.locator('tbody tr').allInnerTexts();
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.join('\n')).toContain('Administrative Assistant');
      // The date stays on one line.
      // Line boxes of the date's text (a Range over it), counted in the page.
      const lines = await page
        .locator('td.date time')
        .first()
        .evaluate((el) => {
          const range = (
            globalThis as unknown as {
              document: {
                createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { length: number } };
              };
            }
          ).document.createRange();
          range.selectNodeContents(el);
          return range.getClientRects().length;
        });
      expect(lines).toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'cases-phone.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  for (const key of ['Enter', 'Space'] as const) {
    it(`can be used by keyboard alone: Tab through the fields in order, ${key} on Send sends`, async () => {
      const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
      const { context, page } = await open();
      try {
        await gotoReview(page, reviewUrl);
        const order: string[] = [];
        const focused = () =>
          page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return 'body';
            return el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
          });
        // Tab from the top of the page until Send has focus, typing the detail on the way.
        for (let i = 0; i < 20; i += 1) {
          await page.keyboard.press('Tab');
          const now = await focused();
          order.push(now);
          if (now === 'detail') await page.keyboard.type('the tour of the office');
          if (now === 'button:Send') break;
        }
        const wanted = ['to', 'subject', 'detail', 'body', 'button:Send'];
        const positions = wanted.map((id) => order.indexOf(id));
        expect(
          positions.every((p) => p >= 0),
          `focus order: ${order.join(' → ')}`,
        ).toBe(true);
        expect(
          [...positions].sort((a, b) => a - b),
          `focus order: ${order.join(' → ')}`,
        ).toEqual(positions);
        // The focus is visible on the button that will act.
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');

        const mark = await outboxMark(h);
        await page.keyboard.press(key);
        await sentBanner(page);
        const letter = await waitForNewMail(h, mark, to(SANDRA));
        expect(letter.mail.text).toMatch(/tour of the office\./);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the owner says an email is not a rejection', () => {
  /**
   * A rejection template of its own (no other test forwards it, so labelling it changes nothing
   * elsewhere): the example's text from another sender, under another subject, greeting `name`.
   */
  const marlow = async (name: string) =>
    asNewEmail(
      (await readFile('examples/rejection-after-interview.eml', 'utf8'))
        .replace(/sandra\.ing@grainwood\.example/g, 'kim.oduya@marlow.example')
        .replace('Subject: Your application for Administrative Assistant', 'Subject: Your interview at Marlow Labs')
        .replace('Dear Sam,', `Dear ${name},`),
    );

  it('drops the draft by a POST from the page (following its URL changes nothing), sends nothing, and the next email like it gets no letter', async () => {
    const mark = await outboxMark(h);
    await forwardRaw(h, await marlow('Sam'), 'marlow.eml');
    const draft = await waitForNewMail(h, mark, (m) => to(OWNER)(m) && m.mail.subject.startsWith('Draft thank-you'));
    expect(draft.mail.text).toContain('Reply "not a rejection"');
    const reviewUrl = linkIn(draft.mail.text, 'Review, edit and send:');
    const { context, page, problems } = await open();
    try {
      await gotoReview(page, reviewUrl);
      const button = page.getByRole('button', { name: 'Not a rejection', exact: true });
      await expect(button.isVisible()).resolves.toBe(true);
      await expect(page.locator('#not-rejection-help').innerText()).resolves.toContain(
        'the draft is discarded, nothing is sent',
      );
      // A mail scanner following the button's URL: the page, and nothing else.
      const action = (await page.locator('form#not-rejection').getAttribute('action'))!;
      for (const method of ['GET', 'HEAD']) expect((await fetch(action, { method })).status).toBe(200);
      await gotoReview(page, reviewUrl);

      await page.screenshot({ path: path.join(ARTIFACTS, 'review-with-not-a-rejection.png'), fullPage: true });
      const posts = recordPosts(page);
      await button.click();
      const status = page.getByRole('status').filter({ hasText: 'The draft is discarded. Nothing was sent.' });
      await status.waitFor();
      await expect(status.innerText()).resolves.toMatch(
        /You said on \d\d \w{3} \d{4} that this email is not a rejection: onward reads emails like this one \(the same sender, subject and opening\) that way\./,
      );
      expect(posts).toHaveLength(1);
      expect((await posts[0]!.response())?.status()).toBe(303);
      expect(await page.locator('form.letter').count()).toBe(0);
      // Said once: no second button; bringing the draft back says what it means.
      expect(await page.getByRole('button', { name: 'Not a rejection' }).count()).toBe(0);
      await expect(
        page.getByText('Bringing it back tells onward this email is a rejection after all.').isVisible(),
      ).resolves.toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-not-a-rejection.png'), fullPage: true });
      await settle();
      expect(await newMail(h, mark, (m) => !to(OWNER)(m))).toEqual([]);

      // The next email of the template, greeting the owner by full name: a notice, with the owner's reason.
      const next = await outboxMark(h);
      await forwardRaw(h, await marlow('Sam Rivera'), 'marlow.eml');
      const notice = await waitForNewMail(
        h,
        next,
        (m) => to(OWNER)(m) && m.mail.subject.startsWith('No letter drafted'),
      );
      expect(notice.mail.text).toMatch(
        /What onward saw: you said an email like this is not a rejection on \d\d \w{3} \d{4}\./,
      );
      await settle();
      expect(await newMail(h, next, (m) => !to(OWNER)(m))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('what the browser sees of the security rules', () => {
  let attacker: http.Server;
  let attackerOrigin = '';
  let attackPage = '';

  beforeAll(async () => {
    // Another site, on another port and host name: it knows a send link and tries to use it.
    attacker = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(attackPage);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    attacker?.closeAllConnections();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('serves the page with no-store, no-referrer and a CSP that forbids framing, and its own stylesheet is allowed', async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    const { context, page, problems, csp } = await open();
    try {
      const response = await page.goto(reviewUrl);
      const headers = await response!.allHeaders();
      expect(headers['cache-control']).toBe('no-store');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("default-src 'none'");
      // The CSP lets the page's one stylesheet apply (a hash mismatch would leave it unstyled).
      expect(await page.locator('button.primary').evaluate((b) => getComputedStyle(b).borderRadius)).toBe('8px');
      // ...and nothing on the page needs more than the CSP allows (style="" attributes are blocked).
      expect(csp).toEqual([]);
      expect(await page.locator('[style]').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 80)))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("accepts the page's own POST (Chromium sends Origin: null under no-referrer) and refuses a POST from another site", async () => {
    const { reviewUrl } = await forwardForReview(h, 'rejection-after-interview.eml');
    const { context, page, csp } = await open();
    try {
      await gotoReview(page, reviewUrl);
      const sendUrl = await page.locator('form.letter').getAttribute('action');
      expect(sendUrl).toBeTruthy();

      // Another site submits the same form to the send link, with a filled-in letter.
      attackPage = `<!doctype html><form method="post" action="${sendUrl}">
<input name="to" value="victim@elsewhere.example"><input name="subject" value="Hi"><input name="body" value="Spam">
<input name="detail" value=""><button name="op" value="send">Go</button></form>`;
      const evil = await context.newPage();
      const mark = await outboxMark(h);
      await evil.goto(attackerOrigin);
      const evilPosts = recordPosts(evil);
      await evil.getByRole('button', { name: 'Go' }).click();
      await evil.waitForLoadState();
      await expect.poll(() => evilPosts.length).toBe(1);
      const evilHeaders = await evilPosts[0]!.allHeaders();
      expect(evilHeaders.origin).toBe(attackerOrigin);
      expect((await evilPosts[0]!.response())?.status()).toBe(403);
      expect(await evil.locator('h1').innerText()).toBe('Refused');

      // Framing the review page from another site is blocked by frame-ancestors.
      attackPage = `<!doctype html><iframe src="${reviewUrl}" width="600" height="400"></iframe>`;
      const refused = evil.waitForEvent('console', {
        predicate: (m) => /frame-ancestors 'none'/.test(m.text()),
        timeout: 5_000,
      });
      await evil.goto(attackerOrigin, { waitUntil: 'load' });
      expect((await refused).text()).toMatch(/^Framing '.*' violates .*frame-ancestors 'none'/);

      // The owner's own page still sends: its POST carries Origin: null (or none) and is accepted.
      const posts = recordPosts(page);
      await page.reload();
      await fields(page).detail.fill('the tour of your office');
      await fields(page).send.click();
      await sentBanner(page);
      const headers = await posts[0]!.allHeaders();
      expect(headers.origin === undefined || headers.origin === 'null', `Origin was ${headers.origin}`).toBe(true);
      expect((await posts[0]!.response())?.status()).toBe(303);

      await waitForNewMail(h, mark, to(SANDRA));
      await settle();
      const letters = await newMail(h, mark, (m) => !to(OWNER)(m));
      expect(letters.map((m) => m.mail.to[0]?.address)).toEqual([SANDRA]);
      // The sent page, too, needs nothing the CSP blocks.
      expect(csp).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
