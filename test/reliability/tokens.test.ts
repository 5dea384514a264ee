// Links under attack: tampered, truncated, swapped, expired and replayed
// tokens get 403 / 410 / "already sent" — never a 500, never a send — and scanners change nothing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composer, type Composition } from '../../lambdas/handlers/compose.ts';
import { signToken } from '../../lambdas/core/links/index.ts';
import { linkIn, reviewForm, waitForMail } from '../support/outbox.ts';
import { OWNER, forwardExample, outboxCount, outboxSince, startTestStack, type TestStack } from '../support/stack.ts';

let t: TestStack;
let deps: Composition;
let key: Buffer;
const INTERVIEWER = 'sandra.ing@grainwood.example';

beforeAll(async () => {
  t = await startTestStack();
  deps = await composer(process.env)();
  key = Buffer.from((await readFile(path.join(t.dataDir, 'signing.key'), 'utf8')).trim(), 'utf8');
});
afterAll(() => t?.stop());

/** A fresh case waiting for approval, with its review link and the page's form. */
async function freshCase() {
  const seen = new Set((await deps.web.cases.list()).map((c) => c.id));
  await forwardExample(t, 'rejection-after-interview.eml');
  let id: string | undefined;
  for (let i = 0; i < 200 && !id; i += 1) {
    id = (await deps.web.cases.list()).find((c) => !seen.has(c.id) && c.status === 'AWAITING_APPROVAL')?.id;
    if (!id) await new Promise((r) => setTimeout(r, 50));
  }
  if (!id) throw new Error('no new case');
  const tokenId = Buffer.from(id).toString('base64url');
  const draft = await waitForMail(
    t.stack.outboxDir,
    (m) => m.mail.subject.startsWith('Draft thank-you') && m.mail.text.includes(tokenId),
  );
  const reviewUrl = linkIn(draft.mail.text, 'Review, edit and send:');
  const form = reviewForm(await (await fetch(reviewUrl)).text());
  const body = new URLSearchParams({ to: form.to, subject: form.subject, body: form.body, detail: 'the office tour' });
  return { id, reviewUrl, form, body };
}

const letters = async () =>
  (await (await import('../support/outbox.ts')).outbox(t.stack.outboxDir)).filter(
    (m) => m.mail.to[0]?.address === INTERVIEWER,
  ).length;
const base = () => `http://localhost:${t.config.httpPort}/t/`;

describe('scanners and double clicks', () => {
  it('20 scanner-like GET and HEAD requests change nothing', async () => {
    const { id, reviewUrl, form } = await freshCase();
    const agents = [
      'Mozilla/5.0 (compatible; Microsoft Safe Links)',
      'Mimecast URL Protect',
      'Proofpoint URL Defense',
      'GoogleImageProxy',
      'Barracuda Sentinel',
    ];
    const before = await outboxCount(t);
    for (let i = 0; i < 20; i += 1) {
      const url = [reviewUrl, form.action, form.discard][i % 3]!;
      const res = await fetch(url, {
        method: i % 2 ? 'HEAD' : 'GET',
        headers: { 'user-agent': agents[i % agents.length]! },
      });
      expect(res.status).toBe(200);
    }
    expect(await outboxCount(t)).toBe(before);
    expect((await deps.web.cases.get(id))?.status).toBe('AWAITING_APPROVAL');
  });

  it('10 parallel Send POSTs send exactly one letter', async () => {
    const { id, form, body } = await freshCase();
    const before = await letters();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => fetch(form.action, { method: 'POST', body, redirect: 'manual' })),
    );
    expect(answers.map((a) => a.status).filter((s) => s >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status === 303)).toHaveLength(1);
    expect(await letters()).toBe(before + 1);
    expect((await deps.web.cases.get(id))?.status).toBe('SENT');
  });
});

describe('bad tokens', () => {
  it('tampered, truncated, foreign and swapped tokens get 403, never a send', async () => {
    const a = await freshCase();
    const b = await freshCase();
    const token = a.form.action.slice(base().length);
    const [idPart, action, exp, sig] = token.split('.') as [string, string, string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const swapped = [Buffer.from(b.id).toString('base64url'), action, exp, sig].join('.');
    const foreign = signToken(Buffer.from('another installation’s key, 32+ chars'), {
      caseId: a.id,
      action: 'send',
      expiresAt: 4_000_000_000,
    });
    const before = await letters();
    for (const bad of [
      flip(token, 5),
      flip(token, token.length - 3),
      token.slice(0, -1),
      token.slice(0, 20),
      `${idPart}.${action}.${exp}`,
      swapped,
      foreign,
      'x',
      '%00',
      '..%2f..',
      '%E0%A4%A',
      `${token}%`,
    ]) {
      for (const method of ['GET', 'POST']) {
        const res = await fetch(`${base()}${bad}`, {
          method,
          body: method === 'POST' ? a.body : undefined,
          redirect: 'manual',
        });
        expect([403, 404], `${method} ${bad}`).toContain(res.status);
      }
    }
    expect(await letters()).toBe(before);
  });

  it('an expired link gets 410 with an offer of a fresh link, which goes to the owner only', async () => {
    const { id, body } = await freshCase();
    const past = Math.floor(Date.now() / 1000) - 60;
    const expiredSend = `${base()}${signToken(key, { caseId: id, action: 'send', expiresAt: past })}`;
    const expiredReview = `${base()}${signToken(key, { caseId: id, action: 'review', expiresAt: past })}`;
    const before = await outboxCount(t);
    expect((await fetch(expiredSend, { method: 'POST', body, redirect: 'manual' })).status).toBe(410);
    const page = await fetch(expiredReview);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Email me a fresh link');
    expect(await outboxCount(t)).toBe(before);

    const refresh = await fetch(expiredReview, { method: 'POST', body: new URLSearchParams({ op: 'refresh' }) });
    expect(refresh.status).toBe(200);
    const sent = await outboxSince(t, before);
    expect(sent.map((m) => m.mail.to[0]?.address)).toEqual([OWNER]);
    const fresh = linkIn(sent[0]!.mail.text, 'Review this case here:');
    expect((await fetch(fresh)).status).toBe(200);
    expect((await deps.web.cases.get(id))?.status).toBe('AWAITING_APPROVAL');
  });

  // A page left open past its link's lifetime must not lose what was typed, and an old cases
  // link must not speak of letters it knows nothing of.
  it('an expired Send shows what was typed, and an expired cases link offers a fresh one without speaking of letters', async () => {
    const { id, body } = await freshCase();
    const past = Math.floor(Date.now() / 1000) - 60;
    const typed = new URLSearchParams(body);
    typed.set('body', `${body.get('body')}\n\nP.S. A line I typed & would hate to lose <3`);
    const expiredSend = await fetch(`${base()}${signToken(key, { caseId: id, action: 'send', expiresAt: past })}`, {
      method: 'POST',
      body: typed,
      redirect: 'manual',
    });
    expect(expiredSend.status).toBe(410);
    const page = await expiredSend.text();
    expect(page).toContain('What you typed');
    expect(page).toContain('P.S. A line I typed &amp; would hate to lose &lt;3');
    expect(page).toContain('Email me a fresh link');
    // Asking for the fresh link keeps what was typed on screen: it is the owner's only copy.
    expect(page.indexOf('What you typed')).toBeLessThan(page.indexOf('Email me a fresh link'));
    const refreshed = await fetch(`${base()}${signToken(key, { caseId: id, action: 'send', expiresAt: past })}`, {
      method: 'POST',
      body: new URLSearchParams({ ...Object.fromEntries(typed), op: 'refresh' }),
    });
    expect(refreshed.status).toBe(200);
    const after = await refreshed.text();
    expect(after).toContain('A fresh link is on its way');
    expect(after).toContain('P.S. A line I typed &amp; would hate to lose &lt;3');

    const expiredCases = `${base()}${signToken(key, { caseId: '*', action: 'cases', expiresAt: past })}`;
    const casesPage = await fetch(expiredCases);
    expect(casesPage.status).toBe(410);
    const text = await casesPage.text();
    expect(text).toContain('Email me a fresh link');
    expect(text).not.toContain('Nothing was sent');
    const before = await outboxCount(t);
    expect((await fetch(expiredCases, { method: 'POST', body: new URLSearchParams({ op: 'refresh' }) })).status).toBe(
      200,
    );
    const [mail] = await outboxSince(t, before);
    expect(mail!.mail.to[0]?.address).toBe(OWNER);
    expect((await fetch(linkIn(mail!.mail.text, 'All your cases:'))).status).toBe(200);
  });

  it('an expired link to a letter that left says it was sent, not that nothing was', async () => {
    const { id, form, body } = await freshCase();
    expect((await fetch(form.action, { method: 'POST', body, redirect: 'manual' })).status).toBe(303);
    const past = Math.floor(Date.now() / 1000) - 60;
    const page = await fetch(`${base()}${signToken(key, { caseId: id, action: 'review', expiresAt: past })}`);
    expect(page.status).toBe(410);
    const text = await page.text();
    expect(text).toMatch(
      /Your letter was sent on \w{3}, \d{1,2} \w{3} \d{4}, \d\d:\d\d \S+ to \S+@\S+; nothing more will be sent\./,
    );
    expect(text).not.toContain('Nothing was sent');
  });

  it('a Send replayed after sending says it was already sent, and sends nothing', async () => {
    const { form, body } = await freshCase();
    expect((await fetch(form.action, { method: 'POST', body, redirect: 'manual' })).status).toBe(303);
    const before = await letters();
    for (let i = 0; i < 3; i += 1) {
      const again = await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
      expect(again.status).toBe(200);
      expect(await again.text()).toContain('Already sent');
    }
    expect(await letters()).toBe(before);
  });

  // The limit is in characters of any script; only a form far beyond any letter is refused by size.
  it('takes a long letter in any script, and answers a form far bigger than any letter with a page', async () => {
    const { id, form } = await freshCase();
    const body = form.body.replace(/\[One thing I liked[^\]]*\]/, 'Ж'.repeat(14_410));
    const sent = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams({ to: form.to, subject: form.subject, body, detail: '' }),
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    expect((await deps.web.cases.get(id))?.status).toBe('SENT');
    const huge = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams({ body: 'x'.repeat(2 * 1024 * 1024) }),
      redirect: 'manual',
    });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('That is far more than a letter, so nothing was saved or sent.');
  });

  it('a POST from another site is refused', async () => {
    const { form, body } = await freshCase();
    const before = await letters();
    const res = await fetch(form.action, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await letters()).toBe(before);
  });
});
