// Exactly once where it matters, against the real local stack: replays of one
// SES event, a crash after SES accepted the letter, and SES refusing it.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsHttp } from '../../lambdas/adapters/aws-http.ts';
import { sesMailer } from '../../lambdas/adapters/ses-mailer.ts';
import { composer, type Composition } from '../../lambdas/handlers/compose.ts';
import { sendLetter } from '../../lambdas/workflow/send-letter.ts';
import { linkIn, reviewForm, waitForMail } from '../support/outbox.ts';
import {
  OWNER,
  asNewEmail,
  forwardOf,
  outboxCount,
  outboxSince,
  startTestStack,
  storeForSes,
  type TestStack,
} from '../support/stack.ts';

let t: TestStack;
let deps: Composition;
let inbound: typeof import('../../lambdas/handlers/on-mail-received.ts');
let housekeeping: typeof import('../../lambdas/handlers/expire-drafts.ts');
const example = async () => asNewEmail(await readFile('examples/rejection-after-interview.eml', 'utf8'));
const INTERVIEWER = 'sandra.ing@grainwood.example';

beforeAll(async () => {
  t = await startTestStack();
  deps = await composer(process.env)();
  inbound = await import('../../lambdas/handlers/on-mail-received.ts');
  housekeeping = await import('../../lambdas/handlers/expire-drafts.ts');
});
afterAll(() => t?.stop());

/** A case waiting for approval, through the handler, as SES would deliver it. */
async function awaitingCase(): Promise<string> {
  const { messageId, event } = await storeForSes(forwardOf(await example()));
  await inbound.handler(event);
  expect((await deps.web.cases.get(messageId))?.status).toBe('AWAITING_APPROVAL');
  return messageId;
}

const edits = {
  to: INTERVIEWER,
  subject: 'Re: Your application for Administrative Assistant',
  detail: 'the office tour',
};

describe('one SES event delivered five times', () => {
  it('makes one case and one draft email, concurrently and in sequence', async () => {
    const before = await outboxCount(t);
    const { messageId, event } = await storeForSes(forwardOf(await example()));
    await Promise.all(Array.from({ length: 5 }, () => inbound.handler(event)));
    for (let i = 0; i < 5; i += 1) await inbound.handler(event);
    const cases = (await deps.web.cases.list()).filter((c) => c.id === messageId);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.status).toBe('AWAITING_APPROVAL');
    const drafts = (await outboxSince(t, before)).filter((m) => m.mail.subject.startsWith('Draft thank-you'));
    expect(drafts).toHaveLength(1);
  });
});

describe('a crash after SES accepted the letter', () => {
  it('parks the case as SEND_UNKNOWN, tells the owner, and never resends', async () => {
    const id = await awaitingCase();
    const record = (await deps.web.cases.get(id))!;
    const before = await outboxCount(t);
    // The letter leaves, then the response is lost (the fault): SES has it, onward cannot know.
    const lostResponse = {
      send: async (mail: Parameters<typeof deps.web.mailer.send>[0]) => {
        await deps.web.mailer.send(mail);
        throw new Error('socket hang up');
      },
    };
    const result = await sendLetter({ ...deps.web, mailer: lostResponse }, id, { ...edits, body: record.letter!.body });
    expect(result.outcome).toBe('unknown');
    expect((await deps.web.cases.get(id))?.status).toBe('SEND_UNKNOWN');

    const sent = await outboxSince(t, before);
    expect(sent.filter((m) => m.mail.to[0]?.address === INTERVIEWER)).toHaveLength(1);
    const note = sent.find((m) => m.mail.to[0]?.address === OWNER);
    expect(note?.mail.subject).toContain('Check your letter');

    // Send again from the page: nothing more leaves.
    const again = await sendLetter(deps.web, id, { ...edits, body: record.letter!.body });
    expect(again.outcome).toBe('not-sendable');
    expect((await outboxSince(t, before)).filter((m) => m.mail.to[0]?.address === INTERVIEWER)).toHaveLength(1);
  });

  it('parks a letter whose sender died mid-send at the next housekeeping, without sending it', async () => {
    const id = await awaitingCase();
    await deps.web.cases.transition(id, ['AWAITING_APPROVAL'], 'SENDING', {});
    const before = await outboxCount(t);
    expect(await housekeeping.handler({ staleSendSeconds: 0 })).toMatchObject({ parked: 1 });
    expect((await deps.web.cases.get(id))?.status).toBe('SEND_UNKNOWN');
    const sent = await outboxSince(t, before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.mail.to[0]?.address).toBe(OWNER);
  });
});

describe('SES refusing the letter', () => {
  it('records SEND_FAILED with the reason, shows it with a retry, and sends once on retry', async () => {
    // A stand-in for SES that refuses every message, as SES does for an unverified address.
    const refusing = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(
          '<ErrorResponse><Error><Type>Sender</Type><Code>MessageRejected</Code><Message>Email address is not verified.</Message></Error><RequestId>r1</RequestId></ErrorResponse>',
        );
      });
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', () => r()));
    const endpoint = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    try {
      const { messageId, event } = await storeForSes(forwardOf(await example()));
      const before = await outboxCount(t);
      await inbound.handler(event);
      const draft = await waitForMail(
        t.stack.outboxDir,
        (m) =>
          m.mail.subject.startsWith('Draft thank-you') &&
          m.mail.text.includes(Buffer.from(messageId).toString('base64url')),
      );
      const reviewUrl = linkIn(draft.mail.text, 'Review, edit and send:');
      const record = (await deps.web.cases.get(messageId))!;

      const refusedMailer = sesMailer(awsHttp('ses', { ...process.env, AWS_ENDPOINT_URL_SES: endpoint }));
      const result = await sendLetter({ ...deps.web, mailer: refusedMailer }, messageId, {
        ...edits,
        body: record.letter!.body,
      });
      expect(result.outcome).toBe('failed');
      expect(await deps.web.cases.get(messageId)).toMatchObject({
        status: 'SEND_FAILED',
        failure: 'MessageRejected: Email address is not verified.',
      });

      const page = await (await fetch(reviewUrl)).text();
      expect(page).toContain('refused the letter');
      expect(page).toContain('MessageRejected: Email address is not verified.');
      const form = reviewForm(page);
      const retry = await fetch(form.action, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ to: form.to, subject: form.subject, body: form.body, detail: '' }),
      });
      // The refused letter kept the detail already slotted in: the retry sends the page as shown.
      expect(retry.status).toBe(303);
      expect(await deps.web.cases.get(messageId)).toMatchObject({ status: 'SENT' });
      expect((await deps.web.cases.get(messageId))?.failure).toBeUndefined();
      const letters = (await outboxSince(t, before)).filter((m) => m.mail.to[0]?.address === INTERVIEWER);
      expect(letters).toHaveLength(1);
    } finally {
      refusing.close();
    }
  });
});
