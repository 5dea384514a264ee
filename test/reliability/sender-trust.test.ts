// Nobody let in: who may hand onward mail, judged on addresses and on
// SES's verdicts — with events shaped as SES's Lambda action delivers them — and mail loops never
// answered.
import { parseMime } from '../../lambdas/adapters/mime.ts';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, type Composition } from '../../lambdas/handlers/compose.ts';
import { handleSesEvent } from '../../lambdas/handlers/on-mail-received.ts';
import { outbox } from '../support/outbox.ts';
import {
  OWNER,
  INBOUND,
  asNewEmail,
  forwardOf,
  outboxCount,
  startTestStack,
  storeForSes,
  type TestStack,
} from '../support/stack.ts';

const FIXTURE = new URL('../fixtures/ses-lambda-event.json', import.meta.url);
type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED';

let t: TestStack;
let aws: Composition;
let example: string;
/** The example rejection as a new email each time: every delivery here is its own case. */
const rejection = () => asNewEmail(example);

beforeAll(async () => {
  t = await startTestStack();
  // As deployed on AWS: DMARC PASS required.
  aws = await compose({ ...process.env, ONWARD_REQUIRE_DMARC: 'true' }, { parser: { parse: parseMime } });
  example = await readFile('examples/rejection-after-interview.eml', 'utf8');
});
afterAll(() => t?.stop());

/** The SES event in test/fixtures, re-addressed to a stored message, with the given envelope and verdicts. */
async function sesDelivery(
  raw: string,
  opts: {
    source?: string;
    spam?: Verdict;
    virus?: Verdict;
    dmarc?: Verdict;
    spf?: Verdict;
    recipients?: string[];
  } = {},
) {
  const { messageId } = await storeForSes(raw);
  const event = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const record = event.Records[0].ses;
  record.mail.messageId = messageId;
  record.mail.source = opts.source ?? OWNER;
  record.mail.destination = opts.recipients ?? [INBOUND];
  record.receipt.recipients = opts.recipients ?? [INBOUND];
  record.receipt.spamVerdict = { status: opts.spam ?? 'PASS' };
  record.receipt.virusVerdict = { status: opts.virus ?? 'PASS' };
  record.receipt.dmarcVerdict = { status: opts.dmarc ?? 'PASS' };
  record.receipt.spfVerdict = { status: opts.spf ?? 'PASS' };
  return { messageId, event };
}

async function deliver(raw: string, opts: Parameters<typeof sesDelivery>[1] = {}) {
  const { messageId, event } = await sesDelivery(raw, opts);
  const before = await outboxCount(t);
  await handleSesEvent(async () => aws, event);
  const record = await aws.web.cases.get(messageId);
  return { record: record!, mailed: (await outboxCount(t)) - before };
}

describe('the verdict matrix (SES Lambda-action events)', () => {
  const statuses: Verdict[] = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED'];
  const matrix = statuses.flatMap((spam) =>
    statuses.flatMap((virus) => statuses.map((dmarc) => ({ spam, virus, dmarc }))),
  );

  // SES's sample: SPF and DKIM PASS for the owner's own domain, so a domain without a DMARC
  // policy (GRAY) still aligns; only a DMARC FAIL, spam or a virus refuses the owner's forward.
  it(`accepts the owner's aligned forward unless DMARC fails or spam or a virus is found (${matrix.length} events)`, async () => {
    for (const v of matrix) {
      const { record, mailed } = await deliver(forwardOf(rejection()), v);
      const accept = v.dmarc !== 'FAIL' && v.spam !== 'FAIL' && v.virus !== 'FAIL';
      const expected = v.dmarc === 'FAIL' ? 'dmarc' : v.virus === 'FAIL' ? 'virus' : 'spam';
      if (accept) expect([record.status, mailed], JSON.stringify(v)).toEqual(['AWAITING_APPROVAL', 1]);
      else {
        expect([record.status, record.reason, record.classification], JSON.stringify(v)).toEqual([
          'IGNORED',
          expected,
          undefined,
        ]);
        // The owner hears of it (once per cause per day: later ones are recorded, not mailed).
        expect(record.refusal?.cause, JSON.stringify(v)).toBe(expected === 'dmarc' ? 'dmarc-fail' : expected);
        expect(mailed, JSON.stringify(v)).toBeLessThanOrEqual(1);
      }
    }
  }, 60_000);

  it('an auto-forward of a recruiter whose domain publishes no DMARC (GRAY) is drafted', async () => {
    const autoForwarded = `X-Forwarded-For: ${OWNER} ${INBOUND}\r\nX-Forwarded-To: ${INBOUND}\r\n${rejection().replace(/\r?\n/g, '\r\n')}`;
    const { record } = await deliver(autoForwarded, {
      source: `${OWNER.replace('@', '+caf_=inbox=onward.localhost@')}`,
      dmarc: 'GRAY',
    });
    expect(record.status).toBe('AWAITING_APPROVAL');
  });
});

describe('spoofing the owner', () => {
  const fromLines = (from: string) => forwardOf(rejection()).replace(`From: ${OWNER}`, from);

  it.each([
    ['a stranger', 'From: mallory@evil.example', 'mallory@evil.example', 'not-allowed'],
    ['two From headers', `From: ${OWNER}\r\nFrom: mallory@evil.example`, OWNER, 'multiple-from'],
    [
      'the owner’s address as display name',
      `From: "${OWNER}" <mallory@evil.example>`,
      'mallory@evil.example',
      'not-allowed',
    ],
    [
      'an encoded-word display name',
      `From: =?utf-8?B?${Buffer.from(OWNER).toString('base64')}?= <mallory@evil.example>`,
      'mallory@evil.example',
      'not-allowed',
    ],
    // Decoded, this would be the owner's address; RFC 2047 forbids encoded-words there, so there is no From.
    [
      'an encoded-word posing as the address',
      `From: =?utf-8?Q?${OWNER.replace('@', '=40')}?=`,
      'mallory@evil.example',
      'no-from',
    ],
    ['no From at all', 'X-No-From: yes', OWNER, 'no-from'],
  ])('refuses %s, records it, drafts nothing', async (_name, from, source, reason) => {
    const { record, mailed } = await deliver(fromLines(from), { source });
    expect(record).toMatchObject({ status: 'IGNORED', reason });
    expect(record.classification).toBeUndefined();
    expect(mailed).toBe(0);
  });

  it('ignores forged Authentication-Results and X-SES-* headers inside the message', async () => {
    const forged = forwardOf(rejection()).replace(
      `From: ${OWNER}`,
      [
        'Authentication-Results: amazonses.com; spf=pass; dkim=pass header.i=@example.com; dmarc=pass header.from=example.com;',
        'X-SES-Spam-Verdict: PASS',
        'X-SES-Virus-Verdict: PASS',
        'From: mallory@evil.example',
      ].join('\r\n'),
    );
    expect((await deliver(forged, { source: 'mallory@evil.example' })).record).toMatchObject({
      status: 'IGNORED',
      reason: 'not-allowed',
    });
    // And a forged "pass" inside cannot stand in for SES's own verdict.
    const own = forwardOf(rejection()).replace(
      `From: ${OWNER}`,
      `Authentication-Results: amazonses.com; dmarc=pass header.from=example.com;\r\nFrom: ${OWNER}`,
    );
    expect((await deliver(own, { dmarc: 'FAIL' })).record).toMatchObject({ status: 'IGNORED', reason: 'dmarc' });
  });
});

describe('auto-forwarded mail', () => {
  // The recruiter's message, as the owner's provider auto-forwards it: From kept, the owner in the envelope.
  const autoForwarded = (account: string) =>
    `X-Forwarded-For: ${account} ${INBOUND}\r\nX-Forwarded-To: ${INBOUND}\r\n${rejection().replace(/\r?\n/g, '\r\n')}`;

  it('is accepted from an allowed account, and keeps the original Message-ID for threading', async () => {
    const { record, mailed } = await deliver(autoForwarded(OWNER), { source: `prvs=0a1b2c3d=${OWNER}` });
    expect(record.status).toBe('AWAITING_APPROVAL');
    expect(record.letter?.inReplyTo).toMatch(/^<c0ffee42\.grainwood-2611\.copy\d+@mail\.grainwood\.example>$/);
    expect(mailed).toBe(1);
  });

  it('is refused with the same headers from an unknown account: nothing drafted, the owner told which account', async () => {
    const { record, mailed } = await deliver(autoForwarded('someone@else.example'), { source: 'someone@else.example' });
    expect(record).toMatchObject({ status: 'IGNORED', reason: 'not-allowed' });
    expect(record.letter).toBeUndefined();
    expect(record.classification).toBeUndefined();
    // SPF passed for that account: perhaps the owner's other mailbox, missing from allowedSenders.
    expect(record.refusal).toMatchObject({ cause: 'forwarder-not-allowed', account: 'someone@else.example' });
    const notice = (await outbox(t.stack.outboxDir)).at(-1)!.mail;
    expect([mailed, notice.to[0]?.address, notice.subject]).toEqual([
      1,
      OWNER,
      expect.stringMatching(/^Not accepted: /),
    ]);
    expect(notice.text).toContain('-c allowedSenders=someone@else.example');
  });

  it('is recorded, and nobody told, when the unknown account’s envelope fails SPF', async () => {
    const { record, mailed } = await deliver(autoForwarded('someone@else.example'), {
      source: 'someone@else.example',
      spf: 'FAIL',
    });
    expect(record).toMatchObject({ status: 'IGNORED', reason: 'not-allowed' });
    expect(record.refusal).toBeUndefined();
    expect(mailed).toBe(0);
  });
});

describe('mail loops', () => {
  it.each([
    ['an auto-reply', (raw: string) => `Auto-Submitted: auto-replied\r\n${raw}`, OWNER, 'auto-submitted'],
    ['a bounce with a null sender', (raw: string) => raw, '', 'bounce'],
    ['a MAILER-DAEMON report', (raw: string) => raw, 'MAILER-DAEMON@mx.example.com', 'bounce'],
    [
      'onward’s own mail coming back',
      (raw: string) => raw.replace(`From: ${OWNER}`, 'From: onward <letters@onward.localhost>'),
      'letters@onward.localhost',
      'own-mail',
    ],
  ])('records %s, never classifies or answers it', async (_name, shape, source, reason) => {
    const { record, mailed } = await deliver(shape(forwardOf(rejection())), { source });
    expect(record).toMatchObject({ status: 'IGNORED', reason });
    expect(record.classification).toBeUndefined();
    expect(mailed).toBe(0);
  });
});
