// The owner's replies leave the inbound function for a function of their own: the inbound side
// records the reply and checks its sender, then hands it over (acting on nothing); the replies
// side reads it again and acts once, however often the event comes.
import { describe, expect, it } from 'vitest';
import type { HandlerConfig } from '../../lambdas/handlers/config.ts';
import { handleReplyEvent } from '../../lambdas/handlers/on-reply-received.ts';
import type { Case } from '../../lambdas/core/case/index.ts';
import type { InboundMail, ReceiveDeps } from '../../lambdas/workflow/inbound.ts';
import { receiveMail } from '../../lambdas/workflow/receive-mail.ts';
import { receiveReply } from '../../lambdas/workflow/reply-received.ts';
import { fakeLinks, fixedClock, memoryCases, owner, parsed, recordingMailer, silentLog } from '../support/fakes.ts';

const DRAFT: Case = {
  id: 'c1',
  status: 'AWAITING_APPROVAL',
  receivedAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
  replyRef: fakeLinks.replyRef('c1'),
  letter: {
    to: 'sandra@grainwood.example',
    toName: 'Sandra Ing',
    subject: 'Re: Your application',
    body: 'Dear Sandra,\n\nThank you for considering me.\n\nSam Rivera',
    inReplyTo: null,
    references: null,
  },
};

function setup(text: string, from = 'me@example.com') {
  const cases = memoryCases();
  cases.items.set('c1', { ...DRAFT });
  const mailer = recordingMailer();
  const handed: InboundMail[] = [];
  const deps: ReceiveDeps = {
    cases,
    mailer,
    links: fakeLinks,
    clock: fixedClock(),
    log: silentLog(),
    owner,
    maxMessageBytes: 10_000,
    inboundAddress: 'inbox@onward.test',
    rawMail: { read: async () => ({ tooLarge: false, bytes: new Uint8Array([1]) }) },
    parser: { parse: async () => parsed({ from: [{ name: null, address: from }], subject: 'Re: Draft', text }) },
    policy: { allowedSenders: ['me@example.com'], ownAddresses: ['letters@onward.test'], requireDmarcPass: false },
    // The inbound function's side: the reply is handed over, as on AWS.
    replies: {
      async handle(mail, record) {
        handed.push(mail);
        return { outcome: 'handed-over', caseId: record.id };
      },
    },
  };
  const mail: InboundMail = {
    messageId: 'r1',
    objectKey: 'inbound/r1',
    recipients: [fakeLinks.replyAddress('c1', DRAFT.letter)],
    envelope: { source: from, spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY', spf: 'GRAY' },
  };
  return { cases, mailer, handed, deps, mail };
}

describe('a reply to a draft email', () => {
  it('is recorded and handed over by the inbound function, which acts on nothing itself', async () => {
    const { cases, mailer, handed, deps, mail } = setup('discard');
    expect(await receiveMail(deps, mail)).toEqual({ outcome: 'handed-over', caseId: 'r1' });
    expect(handed).toEqual([mail]);
    expect(cases.items.get('r1')!.status).toBe('RECEIVED');
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent).toHaveLength(0);
  });

  it('is acted on by the replies function once, however often its event comes', async () => {
    const { cases, deps, mail } = setup('discard');
    await receiveMail(deps, mail);
    expect(await receiveReply(deps, mail)).toEqual({ outcome: 'replied', caseId: 'r1' });
    expect(cases.items.get('c1')!.status).toBe('DISCARDED');
    expect(cases.items.get('r1')).toMatchObject({ status: 'IGNORED', reason: 'owner-reply', repliedTo: 'c1' });
    expect(await receiveReply(deps, mail)).toEqual({ outcome: 'duplicate', caseId: 'r1' });
    // An event for mail the inbound function never recorded does nothing either.
    expect(await receiveReply(deps, { ...mail, messageId: 'r9' })).toEqual({ outcome: 'duplicate', caseId: 'r9' });
  });

  it('from anyone but the owner: set aside by the inbound function, never handed over', async () => {
    const { cases, handed, deps, mail } = setup('send', 'stranger@elsewhere.example');
    expect(
      await receiveMail(deps, { ...mail, envelope: { ...mail.envelope, source: 'stranger@elsewhere.example' } }),
    ).toMatchObject({ outcome: 'ignored' });
    expect(handed).toEqual([]);
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
  });

  it('the replies function takes only the event the inbound function sends', async () => {
    const { cases, deps, mail } = setup('discard');
    await receiveMail(deps, mail);
    const dependencies = async () => ({ receive: deps, config: { inboundPrefix: 'inbound/' } as HandlerConfig });
    expect(await handleReplyEvent(dependencies, { Records: [] })).toEqual({ outcomes: [] });
    expect(await handleReplyEvent(dependencies, { reply: { messageId: '../x', recipients: ['a'] } })).toEqual({
      outcomes: [],
    });
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
    expect(await handleReplyEvent(dependencies, { reply: { messageId: 'r1', recipients: mail.recipients } })).toEqual({
      outcomes: [{ outcome: 'replied', caseId: 'r1' }],
    });
    expect(cases.items.get('c1')!.status).toBe('DISCARDED');
  });
});
