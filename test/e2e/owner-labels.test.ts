// The owner corrects the reader by reply, end to end on the local stack through real SMTP:
// "not a rejection" to a draft email drops it and nothing leaves; the next email of that template
// gets a notice saying why; "draft" to that notice drafts it after all. `npx onward labels` then
// prints both corrections as corpus records — through the running stack, and from the folder
// once it has stopped.
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn } from '../support/outbox.ts';
import {
  asNewEmail,
  forwardRaw,
  INBOUND,
  OWNER,
  outboxCount,
  outboxSince,
  startTestStack,
  type TestStack,
} from '../support/stack.ts';

const run = promisify(execFile);
let t: TestStack;
let stopped = false;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  if (stopped) await rm(t.dataDir, { recursive: true, force: true });
  else await t?.stop();
});

/** A rejection template no other test uses, greeting `name`. */
const marlow = async (name: string) =>
  asNewEmail(
    (await readFile('examples/rejection-after-interview.eml', 'utf8'))
      .replace(/sandra\.ing@grainwood\.example/g, 'kim.oduya@marlow.example')
      .replace('Subject: Your application for Administrative Assistant', 'Subject: Your interview at Marlow Labs')
      .replace('Dear Sam,', `Dear ${name},`),
  );

/** The first mail to the owner after `before` whose subject starts so. */
async function waitForOwnerMail(before: number, subject: string) {
  const until = Date.now() + 15_000;
  for (;;) {
    const found = (await outboxSince(t, before)).find(
      (m) => m.mail.to[0]?.address === OWNER && m.mail.subject.startsWith(subject),
    );
    if (found) return found;
    if (Date.now() > until) throw new Error(`no “${subject}” mail arrived`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function answer(to: string, text: string) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: t.config.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    await transport.sendMail({ from: OWNER, to, subject: 'Re: onward', text });
  } finally {
    transport.close();
  }
}

/** `npx onward labels` as the owner runs it, in its own process. */
async function labels() {
  const { stdout, stderr } = await run(process.execPath, ['bin/onward.mjs', 'labels'], {
    env: { ...process.env, ONWARD_DATA_DIR: t.dataDir },
    timeout: 60_000,
  });
  return {
    stderr,
    records: stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('correcting the reader by reply', () => {
  let records: Record<string, unknown>[] = [];

  it('"not a rejection" drops the draft and sends nothing; the next email like it gets a notice saying why', async () => {
    const start = await outboxCount(t);
    await forwardRaw(t, await marlow('Sam'), 'marlow.eml');
    const draft = await waitForOwnerMail(start, 'Draft thank-you');
    const replyTo = draft.mail.replyTo[0]!.address;
    expect(replyTo).toMatch(/^inbox\+r-[a-z2-7]+-[a-z2-7]{8}@onward\.localhost$/);

    const before = await outboxCount(t);
    await answer(replyTo, 'Not a rejection\n\nSam');
    const note = await waitForOwnerMail(before, 'Not a rejection:');
    expect(note.mail.text).toContain('Its draft is discarded; nothing was sent.');
    await t.stack.invoker.idle();
    expect((await outboxSince(t, start)).filter((m) => m.mail.to[0]?.address !== OWNER)).toEqual([]);
    const cases = await (await fetch(t.stack.urls.cases)).text();
    expect(cases).toContain('data-status="DISCARDED"');

    const next = await outboxCount(t);
    await forwardRaw(t, await marlow('Sam Rivera'), 'marlow.eml');
    const notice = await waitForOwnerMail(next, 'No letter drafted');
    expect(notice.mail.text).toMatch(
      /What onward saw: you said an email like this is not a rejection on \d\d \w{3} \d{4}\./,
    );
    expect(notice.mail.text).toContain('or reply "draft" to this email');
    const noticeReplyTo = notice.mail.replyTo[0]!.address;
    expect(noticeReplyTo).toMatch(/^inbox\+r-[a-z2-7]+@onward\.localhost$/);

    // "draft" to the notice: drafted after all, and the draft email arrives.
    const later = await outboxCount(t);
    await answer(noticeReplyTo, 'draft');
    const drafted = await waitForOwnerMail(later, 'Draft thank-you');
    expect(linkIn(drafted.mail.text, 'Review, edit and send:')).toContain(t.stack.urls.review);
    await t.stack.invoker.idle();
    expect((await outboxSince(t, start)).filter((m) => m.mail.to[0]?.address !== OWNER)).toEqual([]);
    expect((await outboxSince(t, start)).some((m) => m.mail.to[0]?.address === INBOUND)).toBe(false);
  });

  it('npx onward labels prints both corrections as corpus records while the stack runs', async () => {
    const out = await labels();
    records = out.records;
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      label: 'not_rejection',
      category: 'owner-correction',
      language: 'en',
      from_email: 'kim.oduya@marlow.example',
      subject: 'Your interview at Marlow Labs',
      expected: { company: null, role: null, sender_name: null, sender_email: null },
      ambiguous: false,
      notes: expect.stringMatching(/^owner correction \d{4}-\d\d-\d\d$/),
    });
    // The whole text, from the raw mail: more than the case's 600-character opening.
    expect(records[0]!.body).toMatch(/^Dear Sam,\n\nThank you for taking the time to interview/);
    expect(records[0]!.body).toContain('Sales Director');
    expect(records[1]).toMatchObject({
      label: 'rejection',
      expected: {
        company: 'Grainwood, Inc.',
        role: 'Administrative Assistant',
        sender_email: 'kim.oduya@marlow.example',
      },
    });
    expect(records[1]!.body).toMatch(/^Dear Sam Rivera,/);
  });

  it('a pasted rejection the owner labelled is printed with its whole text, as it was pasted', async () => {
    const cases = await (await fetch(t.stack.urls.cases)).text();
    const pasteUrl = /<a href="([^"]+)">Paste a rejection<\/a>/.exec(cases)![1]!;
    const text =
      'Hi Sam,\n\nWe would like to invite you to a 30-minute video call about the Platform role. Could you share a few times next week?\n\nPriya Natarajan\nQuillfeather';
    const before = await outboxCount(t);
    const page = await fetch(pasteUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' },
      body: new URLSearchParams({ op: 'paste', text, from: 'Priya Natarajan <priya@quillfeather.example>' }),
    });
    expect(page.status).toBe(202);
    // Read by the inbound function as a forward: no rejection, so the notice, by email.
    const notice = await waitForOwnerMail(before, 'No letter drafted');
    const later = await outboxCount(t);
    await answer(notice.mail.replyTo[0]!.address, 'draft');
    await waitForOwnerMail(later, 'Draft thank-you');
    await t.stack.invoker.idle();

    const out = await labels();
    expect(out.records).toHaveLength(3);
    const pasted = out.records.find((r) => r.from_email === 'priya@quillfeather.example');
    expect(pasted).toMatchObject({ label: 'rejection', category: 'owner-correction' });
    // Its stored text read as a paste, not as a message whose first lines would be headers.
    expect(pasted!.body).toBe(text);
    records = out.records;
  });

  it('prints the same from the data folder once the stack has stopped, and nothing for a folder never used', async () => {
    await t.stack.stop();
    stopped = true;
    expect((await labels()).records).toEqual(records);
    const empty = await run(process.execPath, ['bin/onward.mjs', 'labels'], {
      env: { ...process.env, ONWARD_DATA_DIR: `${t.dataDir}/nothing-here` },
    });
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('nothing recorded in');
  }, 60_000);
});
