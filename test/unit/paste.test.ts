// A pasted rejection (a LinkedIn message, a portal's notice): the review site checks it, stores
// its text as the paste's raw message and hands it to the inbound function (paste.ts); that
// function reads, records and drafts it exactly as a forward (read-paste.ts): the same letter,
// the same draft email, the same duplicate rules, one case per paste. Bad input is answered with
// every problem, and nothing is stored or handed over. Here the two halves are joined in-process,
// as the local stack joins them.
import { describe, expect, it } from 'vitest';
import { parseMime } from '../../lambdas/adapters/mime.ts';
import { type PasteDeps, receivePaste } from '../../lambdas/workflow/paste.ts';
import { readPaste } from '../../lambdas/workflow/read-paste.ts';
import type { ReceiveDeps, ReceiveOutcome } from '../../lambdas/workflow/inbound.ts';
import type { PastedRejection } from '../../lambdas/workflow/ports.ts';
import { ALL_CASES, linkFor } from '../../lambdas/core/links/index.ts';
import type { WebDeps } from '../../lambdas/web/routes.ts';
import {
  fakeLinks,
  fixedClock,
  memoryCases,
  owner,
  rawStore,
  recordingMailer,
  silentLog,
  testSigner,
  webDefaults,
  repliesInProcess,
  siteCall,
} from '../support/fakes.ts';

const REJECTION = `Dear Sam,

Thank you for taking the time to interview for the Administrative Assistant position in our Sales Department.
After careful consideration, we have decided to move forward with another candidate for this role.

Best regards,
Sandra Ing
Sales Director
Grainwood, Inc.`;

const WITH_HEADERS = `From: Sandra Ing <sandra.ing@grainwood.example>
Subject: Your application for Administrative Assistant
Date: Tue, 24 Nov 2026 23:02:11 +0000
Message-ID: <decision-1@grainwood.example>

${REJECTION}`;

function setup() {
  const cases = memoryCases();
  const mailer = recordingMailer();
  const stored: Record<string, string | Uint8Array> = {};
  const rawMail = rawStore(stored);
  const inbound: ReceiveDeps = {
    replies: repliesInProcess(() => inbound),
    cases,
    mailer,
    rawMail,
    parser: { parse: parseMime },
    links: fakeLinks,
    clock: fixedClock(),
    log: silentLog(),
    owner,
    policy: {
      allowedSenders: [owner.email],
      ownAddresses: [owner.senderAddress, 'inbox@onward.test'],
      requireDmarcPass: false,
    },
    maxMessageBytes: 10 * 1024 * 1024,
    inboundAddress: 'inbox@onward.test',
  };
  // What the inbound function was handed, and what its reading came to.
  const handed: PastedRejection[] = [];
  const outcomes: ReceiveOutcome[] = [];
  const deps: PasteDeps = {
    rawMail,
    rawMailPrefix: 'inbound/',
    log: silentLog(),
    inbound: {
      async readPaste(paste) {
        handed.push(paste);
        outcomes.push(await readPaste(inbound, { ...paste, objectKey: `inbound/${paste.caseId}` }));
      },
    },
  };
  /** Pastes on the page, and answers what the inbound function made of it. */
  const paste = async (id: string, text: string, from = '') => {
    expect(await receivePaste(deps, id, { text, from })).toEqual({ outcome: 'handed-over', caseId: id });
    return outcomes.at(-1)!;
  };
  return { cases, mailer, stored, handed, inbound, deps, paste };
}

describe('a pasted rejection', () => {
  it('is stored as the paste’s raw message and handed to the inbound function, which reads nothing else', async () => {
    const { stored, handed, deps } = setup();
    const result = await receivePaste(deps, 'paste-1', {
      text: `\r\n${REJECTION.replace(/\n/g, '\r\n')}\r\n`,
      from: ' Sandra Ing <sandra.ing@grainwood.example> ',
    });
    expect(result).toEqual({ outcome: 'handed-over', caseId: 'paste-1' });
    expect(stored['inbound/paste-1']).toBe(REJECTION);
    expect(handed).toEqual([{ caseId: 'paste-1', from: 'Sandra Ing <sandra.ing@grainwood.example>' }]);
  });

  it('without headers: drafted as a forward is, addressed to whoever the owner says sent it', async () => {
    const { cases, mailer, paste } = setup();
    expect(await paste('p1', REJECTION, 'Sandra Ing <sandra.ing@grainwood.example>')).toEqual({
      outcome: 'drafted',
      caseId: 'p1',
    });
    const record = cases.items.get('p1')!;
    expect(record.status).toBe('AWAITING_APPROVAL');
    expect(record.letter).toMatchObject({ to: 'sandra.ing@grainwood.example', subject: 'Re: Thank you' });
    expect(record.letter!.body).toMatch(/^Dear Sandra,/);
    expect(record.extraction).toMatchObject({ company: 'Grainwood, Inc.', role: 'Administrative Assistant' });
    // The draft email, as for a forward: to the owner, with the Review link.
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.address).toBe(owner.email);
    expect(mailer.sent[0]!.text).toContain(`Review, edit and send: ${fakeLinks.review('p1')}`);
  });

  it('with its headers: who, when and the subject come from them, and the letter threads', async () => {
    const { cases, paste } = setup();
    expect(await paste('p2', WITH_HEADERS)).toEqual({ outcome: 'drafted', caseId: 'p2' });
    const record = cases.items.get('p2')!;
    expect(record.original).toMatchObject({
      subject: 'Your application for Administrative Assistant',
      date: '2026-11-24T23:02:11.000Z',
      messageId: '<decision-1@grainwood.example>',
    });
    expect(record.letter).toMatchObject({
      to: 'sandra.ing@grainwood.example',
      subject: 'Re: Your application for Administrative Assistant',
      inReplyTo: '<decision-1@grainwood.example>',
    });
  });

  it('pasted twice: one letter, and "Already forwarded" pointing to the first', async () => {
    const { cases, mailer, paste } = setup();
    await paste('p1', WITH_HEADERS);
    expect(await paste('p2', WITH_HEADERS)).toEqual({ outcome: 'ignored', caseId: 'p2', reason: 'duplicate' });
    expect(cases.items.get('p2')).toMatchObject({ status: 'IGNORED', duplicateOf: 'p1' });
    expect(mailer.sent.map((m) => m.subject)).toEqual([
      'Draft thank-you: Grainwood, Inc. — Administrative Assistant',
      'Already forwarded: Your application for Administrative Assistant',
    ]);
  });

  it('that is no rejection: the owner gets the notice with "Draft anyway" a forward gets, by email', async () => {
    const { cases, mailer, paste } = setup();
    const invite =
      'Hi Sam,\n\nWe would like to invite you to a 30-minute video interview. Could you share a few times?\n\nPriya';
    expect(await paste('p3', invite)).toEqual({ outcome: 'noticed', caseId: 'p3' });
    expect(cases.items.get('p3')).toMatchObject({ status: 'IGNORED', reason: 'not-a-rejection' });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.address).toBe(owner.email);
    expect(mailer.sent[0]!.text).toContain(`draft a thank-you anyway: ${fakeLinks.draftAnyway('p3')}`);
  });

  it('handed over twice (Lambda retries an event): read once, one email', async () => {
    const { cases, mailer, paste, inbound } = setup();
    await paste('p1', REJECTION, 'sandra.ing@grainwood.example');
    const again = await readPaste(inbound, {
      caseId: 'p1',
      from: 'sandra.ing@grainwood.example',
      objectKey: 'inbound/p1',
    });
    expect(again).toEqual({ outcome: 'duplicate', caseId: 'p1' });
    expect(cases.items.get('p1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent).toHaveLength(1);
  });

  it('empty, oversized or with a sender that is no address: every problem at once, nothing stored or handed over', async () => {
    const { cases, mailer, stored, handed, deps } = setup();
    expect(await receivePaste(deps, 'p4', { text: '  \n ', from: 'Sandra from Grainwood' })).toEqual({
      outcome: 'invalid',
      problems: [
        'Paste the text of the rejection.',
        '“Sandra from Grainwood” is not an email address (write one, e.g. jordan@acme.com or Jordan Lee <jordan@acme.com>).',
      ],
    });
    const huge = await receivePaste(deps, 'p5', { text: 'x'.repeat(100_001), from: '' });
    expect(huge).toMatchObject({
      outcome: 'invalid',
      problems: [expect.stringMatching(/^That is 100,001 characters/)],
    });
    expect(stored).toEqual({});
    expect(handed).toEqual([]);
    expect(cases.items.size).toBe(0);
    expect(mailer.sent).toHaveLength(0);
  });
});

describe('the paste page', () => {
  const NOW = 1_800_000_000;
  function site(inbound: PasteDeps['inbound']) {
    const stored: Record<string, string | Uint8Array> = {};
    const deps: WebDeps = {
      ...webDefaults,
      cases: memoryCases(),
      mailer: recordingMailer(),
      clock: fixedClock(),
      log: silentLog(),
      owner,
      signer: testSigner(NOW),
      paste: { rawMail: rawStore(stored), rawMailPrefix: 'inbound/', inbound, log: silentLog() },
      newId: () => 'paste-00000000-0000-4000-8000-000000000001',
    };
    const post = (text: string) =>
      siteCall(deps)('POST', linkFor(deps.signer, ALL_CASES, 'paste'), { op: 'paste', text, from: '' });
    return { stored, post };
  }

  it('says the draft (or why there is none) comes by email, and shows no letter yet', async () => {
    const handed: PastedRejection[] = [];
    const { stored, post } = site({ readPaste: async (p) => void handed.push(p) });
    const page = await post(REJECTION);
    expect(page.statusCode).toBe(202);
    expect(page.body).toContain('Pasted: onward is reading it');
    expect(page.body).toMatch(/your draft letter comes to you by email/);
    expect(page.body).toContain('Draft a thank-you anyway');
    expect(page.body).not.toContain('name="letter"');
    expect(handed).toEqual([{ caseId: 'paste-00000000-0000-4000-8000-000000000001', from: '' }]);
    expect(stored['inbound/paste-00000000-0000-4000-8000-000000000001']).toBe(REJECTION);
  });

  it('keeps what was typed when it cannot be handed over now, and asks to try again', async () => {
    const { post } = site({
      readPaste: async () => {
        throw new Error('TooManyRequestsException');
      },
    });
    const page = await post(REJECTION);
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('could not take it just now');
    expect(page.body).toContain('Grainwood, Inc.</textarea>');
  });
});
