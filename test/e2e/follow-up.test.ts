// A follow-up, end to end, as the README tells a user to try it: `onward start`, forward a
// rejection (`onward ingest`), send the letter from its page, run `onward housekeeping` with
// ONWARD_FOLLOW_UP_DAYS=0, receive the follow-up's draft, approve it by reply through real SMTP,
// see it on the cases page — then forward the interviewer's answer, which joins the case and
// cancels the next follow-up.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SINCE_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import { type RunningCli, startCli } from '../support/cli.ts';
import { freePort } from '../support/net.ts';
import { linkIn, outbox, reviewForm, type SentMail, waitForMail } from '../support/outbox.ts';

const OWNER = 'me@example.com';
const INTERVIEWER = 'sandra.ing@grainwood.example';
let env: Record<string, string>;
let cli: RunningCli | null = null;
let dataDir: string;
let smtpPort: number;

const bareEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ONWARD_')));
/** A command in a second terminal, with this stack's data folder (and the variables given). */
const run = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/onward.mjs', ...args], {
    env: { ...bareEnv(), ONWARD_DATA_DIR: dataDir, ...extra },
    encoding: 'utf8',
    timeout: 60_000,
  });
const outboxDir = () => path.join(dataDir, 'outbox');
const toOwner = (subject: string) => (m: SentMail) =>
  m.mail.to[0]?.address === OWNER && m.mail.subject.startsWith(subject);
const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function smtpSend(mail: {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from: OWNER, ...mail });
  } finally {
    transport.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'onward-follow-up-'));
  smtpPort = await freePort();
  env = {
    ONWARD_DATA_DIR: dataDir,
    ONWARD_SMTP_PORT: String(smtpPort),
    ONWARD_HTTP_PORT: String(await freePort()),
    ONWARD_SES_PORT: String(await freePort()),
  };
  cli = await startCli(env, 60_000);
}, 90_000);

afterAll(async () => {
  await cli?.interrupt();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a follow-up, from npm start', () => {
  let casesUrl = '';
  let followUpId = '';

  it('leaves the letter, then drafts its follow-up when housekeeping runs with ONWARD_FOLLOW_UP_DAYS=0', async () => {
    const ingest = run(['ingest', 'examples/rejection-after-interview.eml']);
    expect(ingest.status).toBe(0);
    const draft = await waitForMail(outboxDir(), toOwner('Draft thank-you'));
    casesUrl = linkIn(draft.mail.text, 'All your cases:');
    const form = reviewForm(await (await fetch(linkIn(draft.mail.text, 'Review, edit and send:'))).text());
    const body = new URLSearchParams({
      to: form.to,
      subject: form.subject,
      body: form.body,
      detail: 'the tour',
      op: 'send',
    });
    expect((await fetch(form.action, { method: 'POST', body, redirect: 'manual' })).status).toBe(303);
    const letter = await waitForMail(outboxDir(), (m) => m.mail.to[0]?.address === INTERVIEWER);
    expect(letter.mail.messageId).toMatch(/^<onward\..+\.letter@onward\.localhost>$/);

    // The default wait is eight weeks: nothing is due yet.
    const early = run(['housekeeping']);
    expect(early.status).toBe(0);
    expect(early.stdout).toContain('Housekeeping done: 0 follow-ups drafted');
    const now = run(['housekeeping'], { ONWARD_FOLLOW_UP_DAYS: '0' });
    expect(now.stderr).toBe('');
    expect(now.status).toBe(0);
    expect(now.stdout).toContain(
      'Housekeeping done: 1 follow-up drafted, 0 drafts expired, 0 unfinished sends parked.',
    );
    expect(now.stdout).toContain(`Their drafts are in your mailbox: http://localhost:${env.ONWARD_HTTP_PORT}/mailbox`);
    // Run again: nothing more.
    expect(run(['housekeeping'], { ONWARD_FOLLOW_UP_DAYS: '0' }).stdout).toContain('0 follow-ups drafted');

    const followUp = await waitForMail(outboxDir(), toOwner('Follow-up draft'));
    expect(followUp.mail.subject).toBe('Follow-up draft: Grainwood, Inc. — Administrative Assistant');
    expect(followUp.mail.text).toContain(SINCE_PLACEHOLDER);
    expect(followUp.mail.text).toContain(`To:      Sandra Ing <${INTERVIEWER}>`);
    expect(followUp.mail.replyTo[0]!.address).toMatch(/^inbox\+r-[a-z2-7]+-[a-z2-7]{8}@onward\.localhost$/);
    expect((await outbox(outboxDir())).filter(toOwner('Follow-up draft'))).toHaveLength(1);
    // Nothing went to the interviewer but the letter.
    expect((await outbox(outboxDir())).filter((m) => m.mail.to[0]?.address === INTERVIEWER)).toHaveLength(1);
  }, 120_000);

  it('is approved by reply — revised, then "send" — and leaves once, in the thread', async () => {
    const draft = await waitForMail(outboxDir(), toOwner('Follow-up draft'));
    const shown = /-{60}\n([\s\S]*?)\n-{60}/.exec(draft.mail.text)![1]!;
    const revised = shown.replace(SINCE_PLACEHOLDER, 'Since then I have finished a course in project management.');
    // "send" to a draft with the marked line unwritten sends nothing, and says why.
    await smtpSend({ to: draft.mail.replyTo[0]!.address, subject: `Re: ${draft.mail.subject}`, text: 'send' });
    const refused = await waitForMail(outboxDir(), toOwner('Not sent: follow-up'));
    expect(refused.mail.text).toContain('Write one line about what you have done since');

    await smtpSend({ to: draft.mail.replyTo[0]!.address, subject: `Re: ${draft.mail.subject}`, text: revised });
    const fresh = await waitForMail(
      outboxDir(),
      (m) => toOwner('Follow-up draft')(m) && m.mail.text.includes('finished a course in project management'),
    );
    await smtpSend({ to: fresh.mail.replyTo[0]!.address, subject: `Re: ${fresh.mail.subject}`, text: 'Yes, send it.' });
    await waitForMail(outboxDir(), toOwner('Sent: follow-up'));
    const toInterviewer = (await outbox(outboxDir())).filter((m) => m.mail.to[0]?.address === INTERVIEWER);
    expect(toInterviewer).toHaveLength(2);
    const sent = toInterviewer.find((m) => m.mail.text.includes('finished a course'))!;
    const letter = toInterviewer.find((m) => !m.mail.text.includes('finished a course'))!;
    expect(sent.mail.subject).toBe(letter.mail.subject);
    expect(sent.mail.references).toBe(letter.mail.references);
    expect(sent.mail.messageId).toMatch(/^<onward\..+\.follow-up-1@onward\.localhost>$/);
    followUpId = sent.mail.messageId!;
    // "send" again to the same email: nothing more leaves.
    await smtpSend({ to: fresh.mail.replyTo[0]!.address, subject: `Re: ${fresh.mail.subject}`, text: 'send' });
    await waitForMail(outboxDir(), toOwner('Already sent: follow-up'));
    expect((await outbox(outboxDir())).filter((m) => m.mail.to[0]?.address === INTERVIEWER)).toHaveLength(2);
  }, 60_000);

  it('shows on the cases page; the interviewer’s answer joins the case and cancels the next follow-up', async () => {
    const cases = await (await fetch(casesUrl)).text();
    expect(cases).toContain('data-follow-up="SENT"');
    expect(cases).toMatch(/follow-up sent \d{2} \w{3} \d{4}/);
    expect(cases).toContain('Follow-ups: on');

    // Follow up again, from the follow-up's page (linked from the case's row).
    const page = unescapeHtml(/data-follow-up="SENT"><a href="([^"]+)"/.exec(cases)![1]!);
    const again = unescapeHtml(
      /<form method="post" action="([^"]+)"><div class="actions"><button class="secondary" type="submit" name="op" value="again">/.exec(
        await (await fetch(page)).text(),
      )![1]!,
    );
    expect(
      (await fetch(again, { method: 'POST', body: new URLSearchParams({ op: 'again' }), redirect: 'manual' })).status,
    ).toBe(303);
    expect(await (await fetch(casesUrl)).text()).toContain('data-follow-up="SCHEDULED"');

    // Sandra answers the follow-up; the owner forwards her answer as an attachment.
    const answer = [
      `From: Sandra Ing <${INTERVIEWER}>`,
      `To: Sam Rivera <${OWNER}>`,
      'Subject: Re: Your application for Administrative Assistant',
      'Message-ID: <answer-1@mail.grainwood.example>',
      `In-Reply-To: ${followUpId}`,
      `References: <c0ffee42.grainwood-2611@mail.grainwood.example> ${followUpId}`,
      'Date: Mon, 1 Feb 2027 10:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hi Sam,',
      '',
      'Thanks for checking in. Nothing open right now, but we will let you know.',
      '',
      'Sandra',
    ].join('\r\n');
    await smtpSend({
      to: 'inbox@onward.localhost',
      subject: 'Fwd: Re: Your application',
      text: 'Her answer.',
      attachments: [{ filename: 'answer.eml', content: answer, contentType: 'message/rfc822' }],
    });
    const recorded = await waitForMail(outboxDir(), toOwner('Answer recorded'));
    expect(recorded.mail.text).toContain('Sandra Ing answered your letter');
    expect(recorded.mail.text).toContain('is cancelled');
    const after = await (await fetch(casesUrl)).text();
    expect(after).toContain('they answered: no follow-up');
    // Nothing was drafted or sent for her answer.
    expect((await outbox(outboxDir())).filter(toOwner('Draft thank-you'))).toHaveLength(1);
    expect((await outbox(outboxDir())).filter((m) => m.mail.to[0]?.address === INTERVIEWER)).toHaveLength(2);
  }, 60_000);
});
