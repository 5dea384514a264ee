// The local stack as a process: killed with SIGKILL mid-processing, the
// next `onward start` finishes every case, none lost or doubled; and what the process prints,
// apart from its start banner, holds no address, subject, body text or token.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli.ts';
import { leak } from '../support/log-guard.ts';
import { freePort } from '../support/net.ts';
import { linkIn, outbox, reviewForm } from '../support/outbox.ts';
import { INBOUND, OWNER, asNewEmail } from '../support/stack.ts';
import { readFile } from 'node:fs/promises';

let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'onward-process-'));
  env = {
    ONWARD_DATA_DIR: dataDir,
    ONWARD_SMTP_PORT: String(await freePort()),
    ONWARD_HTTP_PORT: String(await freePort()),
    ONWARD_SES_PORT: String(await freePort()),
  };
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Forwards `count` messages and returns the ids the server gave the ones it accepted. */
async function forwardMany(count: number): Promise<string[]> {
  const raw = await readFile('examples/rejection-after-interview.eml');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(env.ONWARD_SMTP_PORT),
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 4,
  });
  const infos = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      transport.sendMail({
        from: OWNER,
        to: INBOUND,
        subject: `Fwd: ${i}`,
        text: 'fwd',
        attachments: [{ filename: 'r.eml', content: asNewEmail(raw), contentType: 'message/rfc822' }],
      }),
    ),
  );
  transport.close();
  return infos.map((info) => /Queued as (\S+)/.exec(info.response)![1]!);
}

const caseIdOf = (text: string) =>
  Buffer.from(linkIn(text, 'Review, edit and send:').split('/t/')[1]!.split('.')[0]!, 'base64url').toString();

describe('SIGKILL mid-processing', () => {
  it('finishes every accepted message on the next start: one case each, none lost', async () => {
    const first = await startCli(env);
    const accepted = await forwardMany(30);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    // The kill must have cut work off, or this test would prove nothing (30 arrive faster than
    // they are processed; about 10 are left each time here).
    const unfinished = (await readdir(path.join(dataDir, 'pending')).catch(() => [])).length;
    expect(unfinished).toBeGreaterThan(0);

    const restartedAt = Date.now();
    const second = await startCli(env);
    try {
      const casesUrl = /Your cases\s+(http:\S+)/.exec(second.output())![1]!;
      let page = '';
      for (let i = 0; i < 100; i += 1) {
        page = await (await fetch(casesUrl)).text();
        if ((page.match(/data-status="AWAITING_APPROVAL"/g) ?? []).length >= accepted.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const ids = [...page.matchAll(/<tr><td class="date">[\s\S]*?\/t\/([A-Za-z0-9_-]+)\./g)].map((m) =>
        Buffer.from(m[1]!, 'base64url').toString(),
      );
      // One case per message the server accepted, none twice. (A pooled client may resend a
      // message whose reply it lost; that resend is a message of its own, with its own case.)
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(accepted));
      expect(page).not.toMatch(/data-status="(RECEIVED|DRAFTED)"/);
      const drafted = new Set(
        (await outbox(path.join(dataDir, 'outbox')))
          .filter((m) => m.mail.subject.startsWith('Draft thank-you'))
          .map((m) => caseIdOf(m.mail.text)),
      );
      expect([...drafted].sort()).toEqual([...ids].sort());
      expect(await readdir(path.join(dataDir, 'pending'))).toEqual([]);
      // The mailbox shows what was sent before the restart too, each at the time it was sent —
      // not the restart's time.
      const mailboxUrl = /Your mailbox\s+(http:\S+)/.exec(second.output())![1]!;
      const mailbox = await (await fetch(mailboxUrl)).text();
      const shown = [
        ...mailbox.matchAll(/<dd>Draft thank-you: [^<]*<\/dd>\s*<dt>Sent<\/dt><dd><time datetime="([^"]+)">/g),
      ];
      expect(shown.length).toBeGreaterThanOrEqual(drafted.size);
      const sentBefore = shown.filter((m) => Date.parse(m[1]!) < restartedAt);
      expect(sentBefore.length).toBeGreaterThan(0);
      const files = (await readdir(path.join(dataDir, 'outbox'))).map((f) => Number(f.split('-')[0]));
      for (const m of shown) expect(files).toContain(Date.parse(m[1]!));
    } finally {
      expect(await second.interrupt()).toBe(0);
    }
  }, 90_000);
});

describe('what the process prints', () => {
  it('holds only ids and outcomes after the banner', async () => {
    const cli = await startCli(env);
    let output = '';
    try {
      await forwardMany(2);
      const raw = await readFile('examples/interview-invitation.eml');
      const t = nodemailer.createTransport({
        host: '127.0.0.1',
        port: Number(env.ONWARD_SMTP_PORT),
        secure: false,
        ignoreTLS: true,
      });
      await t.sendMail({
        from: OWNER,
        to: INBOUND,
        subject: 'Fwd: x',
        text: 'x',
        attachments: [{ filename: 'i.eml', content: raw, contentType: 'message/rfc822' }],
      });
      await t.sendMail({
        from: 'stranger@elsewhere.example',
        to: INBOUND,
        subject: 'Secret subject line',
        text: 'Secret body text',
      });
      await t
        .sendMail({
          from: OWNER,
          to: 'inbox+r-aaaaaaaaaaaaaaaaaaaaaaaa@onward.localhost',
          subject: 'Re: x',
          text: 'send',
        })
        .catch(() => undefined);
      t.close();
      await new Promise((r) => setTimeout(r, 1500));
      const drafts = (await outbox(path.join(dataDir, 'outbox'))).filter((m) =>
        m.mail.subject.startsWith('Draft thank-you'),
      );
      const reviewUrl = linkIn(drafts.at(-1)!.mail.text, 'Review, edit and send:');
      const form = reviewForm(await (await fetch(reviewUrl)).text());
      await fetch(form.action, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ to: form.to, subject: form.subject, body: form.body, detail: 'the tour' }),
      });
      await fetch(`${reviewUrl}x`);
      await fetch(form.action, { method: 'POST', headers: { origin: 'https://evil.example' }, body: 'to=x' });
    } finally {
      expect(await cli.interrupt()).toBe(0);
      output = cli.output();
    }
    const afterBanner = output.slice(output.indexOf('Ctrl-C stops everything')).split('\n').slice(1);
    const lines = afterBanner.filter((l) => l.trim() && !l.startsWith('onward: stop'));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.map((line) => ({ line: line.slice(0, 160), why: leak(line) })).filter((l) => l.why)).toEqual([]);
    for (const secret of ['Administrative Assistant', 'Secret subject line', 'Secret body text', 'Dear Sam', 'sandra'])
      expect(output).not.toContain(secret);
  }, 90_000);
});
