// The acceptance test of the local stack, as a user would try it: forward through a real SMTP
// client, read the draft in the outbox, open the review link, press Send, press it again.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalConfig, type LocalConfig } from '../../lambdas/local/config.ts';
import { startLocalStack, type LocalStack } from '../../lambdas/local/stack.ts';
import { startCli } from '../support/cli.ts';
import { freePort } from '../support/net.ts';
import { linkIn, outbox, reviewForm, waitForMail } from '../support/outbox.ts';

const OWNER = 'me@example.com';
const INBOUND = 'inbox@onward.localhost';
let config: LocalConfig;
let stack: LocalStack | null;
let dataDir: string;

async function smtp() {
  return nodemailer.createTransport({ host: '127.0.0.1', port: config.smtpPort, secure: false, ignoreTLS: true });
}

/** Forward as attachment, as "Forward as attachment" in a mail client does. */
async function forward(file: string, from = OWNER) {
  const raw = await readFile(path.join('examples', file));
  const transport = await smtp();
  try {
    return await transport.sendMail({
      from,
      to: INBOUND,
      subject: 'Fwd: see attached',
      text: 'Forwarding this one.',
      attachments: [{ filename: file, content: raw, contentType: 'message/rfc822' }],
    });
  } finally {
    transport.close();
  }
}

const toOwner = (subject: string) => (m: { mail: { to: { address: string }[]; subject: string } }) =>
  m.mail.to[0]?.address === OWNER && m.mail.subject.includes(subject);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'onward-e2e-'));
  const result = loadLocalConfig({
    ONWARD_DATA_DIR: dataDir,
    ONWARD_SMTP_PORT: String(await freePort()),
    ONWARD_HTTP_PORT: String(await freePort()),
    ONWARD_SES_PORT: String(await freePort()),
    ONWARD_MAX_MESSAGE_BYTES: String(200 * 1024),
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  config = result.config;
  stack = await startLocalStack(config, { retryDelaysMs: [10, 20] });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a forwarded rejection, end to end', () => {
  let reviewUrl = '';

  it('emails the owner a draft with what was detected and a Review link', async () => {
    await forward('rejection-after-interview.eml');
    const draft = await waitForMail(stack!.outboxDir, toOwner('Draft thank-you'));
    expect(draft.mail.from[0]?.address).toBe(config.senderAddress);
    for (const expected of [
      'Grainwood',
      'Administrative Assistant',
      'Sandra Ing',
      'sandra.ing@grainwood.example',
      'Why:',
      'Again, thank you!',
      'Sam Rivera',
    ]) {
      expect(draft.mail.text).toContain(expected);
    }
    reviewUrl = linkIn(draft.mail.text, 'Review, edit and send:');
    expect(reviewUrl.startsWith(stack!.urls.review)).toBe(true);
  });

  it('shows the letter on GET and HEAD, any number of times, and sends nothing', async () => {
    const before = (await outbox(stack!.outboxDir)).length;
    for (let i = 0; i < 3; i += 1) {
      const page = await fetch(reviewUrl, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; SafeLinks scanner)' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).toContain('sandra.ing@grainwood.example');
      expect(html).toContain('Re: Your application for Administrative Assistant');
    }
    expect((await fetch(reviewUrl, { method: 'HEAD' })).status).toBe(200);
    const form = reviewForm(await (await fetch(reviewUrl)).text());
    expect((await fetch(form.action)).status).toBe(200); // a scanner following the form's URL
    expect((await outbox(stack!.outboxDir)).length).toBe(before);
  });

  it('sends the letter once on Send, threaded and signed, and says so on every later Send', async () => {
    const form = reviewForm(await (await fetch(reviewUrl)).text());
    const body = new URLSearchParams({
      to: form.to,
      subject: form.subject,
      body: form.body,
      detail: 'the tour of your office',
      op: 'send',
    });
    const sent = await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
    expect(sent.status).toBe(303);

    const letter = await waitForMail(stack!.outboxDir, (m) => m.mail.to[0]?.address === 'sandra.ing@grainwood.example');
    expect(letter.mail.from[0]).toEqual({ name: 'Sam Rivera', address: config.senderAddress });
    expect(letter.mail.subject).toBe('Re: Your application for Administrative Assistant');
    expect(letter.mail.inReplyTo).toBe('<c0ffee42.grainwood-2611@mail.grainwood.example>');
    expect(letter.mail.references).toContain('<c0ffee42.grainwood-2611@mail.grainwood.example>');
    expect(letter.mail.replyTo[0]?.address).toBe(OWNER);
    expect(letter.mail.text).toContain('I especially liked the tour of your office.');
    expect(letter.mail.text.trim().endsWith('Sam Rivera')).toBe(true);

    const again = await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Already sent');
    const page = await (await fetch(reviewUrl)).text();
    expect(page).toContain('Sent.');
    await stack!.invoker.idle();
    const letters = (await outbox(stack!.outboxDir)).filter(
      (m) => m.mail.to[0]?.address === 'sandra.ing@grainwood.example',
    );
    expect(letters).toHaveLength(1);
  });
});

describe('approving by reply', () => {
  it('takes a reply as the revised letter, then sends it on "send"', async () => {
    await forward('ats-no-reply-rejection.eml');
    const draft = await waitForMail(stack!.outboxDir, toOwner('Northwind'));
    const replyTo = draft.mail.replyTo[0]!.address;
    expect(replyTo).toMatch(/^inbox\+r-[a-z2-7]+-[a-z2-7]{8}@onward\.localhost$/);
    expect(draft.mail.text).toContain('no-reply');

    // No recipient yet (a no-reply sender): a plain "send" is refused with the reason.
    const transport = await smtp();
    const answer = (text: string) =>
      transport.sendMail({ from: OWNER, to: replyTo, subject: `Re: ${draft.mail.subject}`, text });
    await answer('send');
    const refused = await waitForMail(stack!.outboxDir, toOwner('Not sent: Northwind'));
    expect(refused.mail.text).toContain('Add the address the letter goes to.');
    transport.close();
  });
});

describe('mail that gets no letter', () => {
  it('tells the owner what an interview invitation looked like, with a Draft anyway link', async () => {
    await forward('interview-invitation.eml');
    const notice = await waitForMail(stack!.outboxDir, toOwner('No letter drafted'));
    expect(notice.mail.text).toMatch(/interview/i);
    const link = linkIn(notice.mail.text, 'draft a thank-you anyway:');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Draft a thank-you');
  });

  it('refuses other recipients and oversized mail at the SMTP level', async () => {
    const transport = await smtp();
    await expect(
      transport.sendMail({ from: OWNER, to: 'someone@else.example', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      transport.sendMail({ from: OWNER, to: INBOUND, subject: 'big', text: 'x'.repeat(300 * 1024) }),
    ).rejects.toMatchObject({ responseCode: 552 });
    transport.close();
  });

  it('records mail from a stranger and answers nobody', async () => {
    const before = (await outbox(stack!.outboxDir)).length;
    await forward('rejection-after-interview.eml', 'stranger@elsewhere.example');
    await stack!.invoker.idle();
    // Not part of the owner's record: one click away, among the mail set aside.
    const casesPage = await (await fetch(stack!.urls.cases)).text();
    expect(casesPage).not.toContain('not allowed');
    const aside = await (await fetch(`${stack!.urls.cases}?view=noise`)).text();
    expect(aside).toMatch(/data-status="IGNORED">no letter<br><small>not allowed<\/small>/);
    expect((await outbox(stack!.outboxDir)).length).toBe(before);
  });
});

describe('mail from the owner that onward refuses', () => {
  it('an auto-forward from the owner’s other mailbox, not allowed: the owner is told how to allow it', async () => {
    // As Gmail auto-forwards: the recruiter's message, the forwarding account in the envelope and headers.
    const original = (await readFile('examples/rejection-after-interview.eml', 'utf8')).replace(/\r?\n/g, '\r\n');
    const transport = await smtp();
    try {
      await transport.sendMail({
        envelope: { from: 'sam.other+caf_=inbox=onward.localhost@gmail.example', to: [INBOUND] },
        raw: `X-Forwarded-For: sam.other@gmail.example ${INBOUND}\r\nX-Forwarded-To: ${INBOUND}\r\n${original}`,
      });
    } finally {
      transport.close();
    }
    const notice = await waitForMail(stack!.outboxDir, (m) => m.mail.subject.startsWith('Not accepted: '));
    expect(notice.mail.to[0]!.address).toBe(OWNER);
    expect(notice.mail.text).toContain('sam.other@gmail.example, which is not on the list');
    expect(notice.mail.text).toContain('ONWARD_ALLOWED_SENDERS=sam.other@gmail.example');
  });
});

describe('stopping and starting again', () => {
  it('stops cleanly on Ctrl-C and finds every case where it was on the next start', async () => {
    const before = await (await fetch(stack!.urls.cases)).text();
    await stack!.stop();
    const env = {
      ONWARD_DATA_DIR: dataDir,
      ONWARD_SMTP_PORT: String(config.smtpPort),
      ONWARD_HTTP_PORT: String(config.httpPort),
      ONWARD_SES_PORT: String(config.sesPort),
    };
    for (let run = 0; run < 2; run += 1) {
      const cli = await startCli(env);
      const casesUrl = /Your cases\s+(http:\S+)/.exec(cli.output())![1]!;
      const after = await (await fetch(casesUrl)).text();
      for (const status of ['SENT', 'IGNORED']) expect(after).toContain(status);
      expect(after.match(/<tr>/g)?.length).toBe(before.match(/<tr>/g)?.length);
      expect(await cli.interrupt()).toBe(0);
      expect(cli.output()).toContain('onward: stopped');
    }
    stack = null;
  }, 90_000);
});
