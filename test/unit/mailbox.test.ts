// onward's local mailbox page, from the files the outbox keeps: newest first, each at the time it
// was sent (the file's name, so a restart changes nothing), text escaped, http links clickable,
// attachments listed, and the mail of one conversation together.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxPage, readMailbox } from '../../lambdas/local/mailbox.ts';

let dir: string;
const at = (iso: string) => Date.parse(iso);

function eml(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\nMIME-Version: 1.0\r\n${body}`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onward-mailbox-'));
  const text = (s: string) => `Content-Type: text/plain; charset=utf-8\r\n\r\n${s}\r\n`;
  await writeFile(
    path.join(dir, `${at('2026-11-26T09:00:00Z')}-00001.eml`),
    eml(
      {
        From: 'onward <letters@onward.localhost>',
        To: 'Sam Rivera <me@example.com>',
        Subject: 'Draft thank-you: Grainwood — <b>Assistant</b>',
        'Message-ID': '<d1@onward.localhost>',
      },
      text('Review, edit and send: http://localhost:3131/t/abc.review.x1.sig\r\nNot a link: javascript:alert(1)'),
    ),
  );
  await writeFile(
    path.join(dir, `${at('2026-11-26T09:05:00Z')}-00002.eml`),
    eml(
      {
        From: 'Sam Rivera <letters@onward.localhost>',
        To: 'sandra@grainwood.example',
        Subject: 'Re: Your application',
        'Message-ID': '<l1@onward.localhost>',
        'In-Reply-To': '<orig@grainwood.example>',
        References: '<orig@grainwood.example>',
      },
      'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nDear Sandra,\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="cv.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n',
    ),
  );
  await writeFile(
    path.join(dir, `${at('2026-11-26T09:06:00Z')}-00003.eml`),
    eml(
      {
        From: 'onward <letters@onward.localhost>',
        To: 'me@example.com',
        Subject: 'Draft expired: Grainwood — <b>Assistant</b>',
      },
      text('It expired.'),
    ),
  );
  await writeFile(path.join(dir, `${at('2026-11-26T09:07:00Z')}-00004.eml`), Buffer.from([0, 1, 2, 3]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the local mailbox page', () => {
  it('shows every message newest first, at the time it was sent, in the owner’s time zone', async () => {
    const box = await readMailbox(dir);
    const { html } = mailboxPage(box, { timeZone: 'Europe/Berlin', folder: dir, casesUrl: '/c' });
    expect(html).toContain('<time datetime="2026-11-26T09:05:00.000Z">Thu, 26 Nov 2026, 10:05 CET</time>');
    const order = ['09:06:00', '09:00:00', '09:05:00'].map((t) => html.indexOf(`2026-11-26T${t}.000Z`));
    // The draft and its expiry note are one thread (newest first), the letter another.
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[0]).toBeLessThan(order[1]!);
    expect(order[1]).toBeLessThan(order[2]!);
    expect(html).toContain('(2 messages)');
  });

  it('escapes everything, links only http(s) addresses, and lists attachments', async () => {
    const { html, headers } = mailboxPage(await readMailbox(dir), { timeZone: 'UTC', folder: dir, casesUrl: '/c' });
    expect(html).not.toContain('<b>');
    expect(html).toContain('Grainwood — &lt;b&gt;Assistant&lt;/b&gt;');
    expect(html).toContain(
      '<a href="http://localhost:3131/t/abc.review.x1.sig">http://localhost:3131/t/abc.review.x1.sig</a>',
    );
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<strong>Attached:</strong> cv.pdf <small>(application/pdf, 9 bytes)</small>');
    expect(html).not.toMatch(/<script/i);
    expect(headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-[^']+'/);
  });

  it('says so when nothing was sent yet', async () => {
    const empty = await readMailbox(path.join(dir, 'none'));
    expect(mailboxPage(empty, { timeZone: 'UTC', folder: dir, casesUrl: '/c' }).html).toContain('Nothing yet.');
  });
});
