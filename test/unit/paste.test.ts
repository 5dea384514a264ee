// A pasted rejection (a LinkedIn message, a portal's notice) is read, recorded and drafted exactly
// as a forward is: the same letter, the same draft email, the same duplicate rules; one case per
// paste; bad input answered with every problem and nothing recorded.
import { describe, expect, it } from 'vitest';
import { parseMime } from '../../lambdas/adapters/mime.ts';
import { type PasteDeps, receivePaste } from '../../lambdas/workflow/paste.ts';
import { fakeLinks, fixedClock, memoryCases, owner, recordingMailer, silentLog } from '../support/fakes.ts';

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
  const deps: PasteDeps = {
    cases,
    mailer,
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
  };
  return { cases, mailer, deps };
}

describe('a pasted rejection', () => {
  it('without headers: drafted as a forward is, addressed to whoever the owner says sent it', async () => {
    const { cases, mailer, deps } = setup();
    const result = await receivePaste(deps, 'p1', {
      text: REJECTION,
      from: 'Sandra Ing <sandra.ing@grainwood.example>',
    });
    expect(result).toEqual({ outcome: 'drafted', caseId: 'p1' });
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
    const { cases, deps } = setup();
    expect(await receivePaste(deps, 'p2', { text: WITH_HEADERS, from: '' })).toEqual({
      outcome: 'drafted',
      caseId: 'p2',
    });
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
    const { cases, mailer, deps } = setup();
    await receivePaste(deps, 'p1', { text: WITH_HEADERS, from: '' });
    const again = await receivePaste(deps, 'p2', { text: WITH_HEADERS, from: '' });
    expect(again).toEqual({ outcome: 'ignored', caseId: 'p2', reason: 'duplicate' });
    expect(cases.items.get('p2')).toMatchObject({ status: 'IGNORED', duplicateOf: 'p1' });
    expect(mailer.sent.map((m) => m.subject)).toEqual([
      'Draft thank-you: Grainwood, Inc. — Administrative Assistant',
      'Already forwarded: Your application for Administrative Assistant',
    ]);
  });

  it('that is no rejection: the same notice with "Draft anyway" a forward gets', async () => {
    const { cases, mailer, deps } = setup();
    const invite =
      'Hi Sam,\n\nWe would like to invite you to a 30-minute video interview. Could you share a few times?\n\nPriya';
    expect(await receivePaste(deps, 'p3', { text: invite, from: '' })).toEqual({ outcome: 'noticed', caseId: 'p3' });
    expect(cases.items.get('p3')).toMatchObject({ status: 'IGNORED', reason: 'not-a-rejection' });
    expect(mailer.sent[0]!.text).toContain(`draft a thank-you anyway: ${fakeLinks.draftAnyway('p3')}`);
  });

  it('empty, oversized or with a sender that is no address: every problem at once, nothing recorded', async () => {
    const { cases, mailer, deps } = setup();
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
    expect(cases.items.size).toBe(0);
    expect(mailer.sent).toHaveLength(0);
  });
});
