// The sender policy where SES computes verdicts (AWS), over every combination of SPF, DKIM and
// DMARC verdicts for the three ways mail comes from the owner — a forward by hand, an automatic
// forward by their provider, a reply to a draft email — and mail From the owner sent through
// someone else's servers. Each row: does onward take the mail, and if not, is the owner told why?
// The expectation is written out here from the rules, not computed by the code under test.
import { describe, expect, it } from 'vitest';
import type { VerdictStatus } from '../../lambdas/core/trust/index.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import type { ReceiveDeps } from '../../lambdas/workflow/inbound.ts';
import { receiveMail } from '../../lambdas/workflow/receive-mail.ts';
import {
  fakeLinks,
  fixedClock,
  memoryCases,
  owner,
  parsed,
  recordingMailer,
  silentLog,
  repliesInProcess,
} from '../support/fakes.ts';

const REJECTION = `Dear Sam,

Thank you for taking the time to interview for the Administrative Assistant position in our Sales Department.
After careful consideration, we have decided to move forward with another candidate for this role.

Best regards,
Sandra Ing
Grainwood, Inc.`;

const recruiter = (headers: ParsedMail['headers'] = []) =>
  parsed({
    messageId: '<orig@grainwood.example>',
    from: [{ name: 'Sandra Ing', address: 'sandra.ing@grainwood.example' }],
    subject: 'Your application for Administrative Assistant',
    text: REJECTION,
    headers,
  });

type Status = Exclude<VerdictStatus, 'DISABLED'>;
const STATUSES: Status[] = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED'];
interface Verdicts {
  spf: Status;
  dkim: Status;
  dmarc: Status;
}

/** How the mail reaches onward: its message, envelope sender, verified DKIM domains and recipient. */
const KINDS = {
  // The owner forwards by hand from their own provider: envelope and signature at example.com.
  direct: {
    mail: () => parsed({ subject: 'Fwd: Your application', text: 'fyi', attached: recruiter() }),
    source: 'me@example.com',
    dkimDomains: ['example.com'],
    to: () => 'inbox@onward.test',
  },
  // "From" the owner, but sent and signed by another domain's servers.
  elsewhere: {
    mail: () => parsed({ subject: 'Fwd: Your application', text: 'fyi', attached: recruiter() }),
    source: 'bounce-123@mailer.evil.test',
    dkimDomains: ['evil.test'],
    to: () => 'inbox@onward.test',
  },
  // Gmail forwards automatically: the recruiter's From and signature, the owner's envelope.
  'auto-forward': {
    mail: () => recruiter([{ name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' }]),
    source: 'me+caf_=inbox=onward.test@example.com',
    dkimDomains: ['grainwood.example'],
    to: () => 'inbox@onward.test',
  },
  // The owner answers a draft email: "send", from their own provider.
  reply: {
    mail: () => parsed({ subject: 'Re: Draft thank-you', text: 'send' }),
    source: 'me@example.com',
    dkimDomains: ['example.com'],
    to: () => fakeLinks.replyAddress('earlier'),
  },
} as const;
type Kind = keyof typeof KINDS;

/** The rules, written out: null when the mail is taken, else the cause the owner is told. */
function expected(kind: Kind, v: Verdicts): string | null {
  if (kind === 'auto-forward') return v.spf === 'PASS' ? null : 'forward-unauthenticated';
  if (v.dmarc === 'PASS') return null;
  if (v.dmarc === 'FAIL') return 'dmarc-fail';
  // No policy published (GRAY) or none readable (PROCESSING_FAILED): alignment decides. Only the
  // owner's own servers align; the same verdicts for another domain's do not.
  const aligned = kind !== 'elsewhere' && (v.dkim === 'PASS' || v.spf === 'PASS');
  if (aligned) return null;
  return v.dmarc === 'GRAY' ? 'not-aligned' : 'unverifiable';
}

function setup(mail: ParsedMail, clock = fixedClock()) {
  const cases = memoryCases();
  const mailer = recordingMailer();
  const deps: ReceiveDeps = {
    replies: repliesInProcess(() => deps),
    cases,
    rawMail: { read: async () => ({ tooLarge: false, bytes: new TextEncoder().encode('raw') }) },
    parser: { parse: async () => structuredClone(mail) },
    mailer,
    links: fakeLinks,
    clock,
    log: silentLog(),
    owner,
    policy: {
      allowedSenders: ['me@example.com'],
      ownAddresses: ['letters@onward.test', 'inbox@onward.test'],
      requireDmarcPass: true,
    },
    maxMessageBytes: 10_000,
    inboundAddress: 'inbox@onward.test',
  };
  return { deps, cases, mailer };
}

function delivery(kind: Kind, v: Verdicts, messageId = 'm1', extra: { spam?: Status; virus?: Status } = {}) {
  const k = KINDS[kind];
  return {
    messageId,
    objectKey: `inbound/${messageId}`,
    recipients: [k.to()],
    envelope: {
      source: k.source,
      spam: extra.spam ?? 'PASS',
      virus: extra.virus ?? 'PASS',
      ...v,
      dkimDomains: v.dkim === 'PASS' ? k.dkimDomains : [],
    },
  } as const;
}

const COMBINATIONS: Verdicts[] = STATUSES.flatMap((spf) =>
  STATUSES.flatMap((dkim) => STATUSES.map((dmarc) => ({ spf, dkim, dmarc }))),
);
const SENDER_REASONS = ['dmarc', 'not-allowed', 'spam', 'virus'];

describe.each(Object.keys(KINDS) as Kind[])('%s mail, every SPF × DKIM × DMARC verdict', (kind) => {
  it.each(COMBINATIONS.map((v) => [`spf ${v.spf}, dkim ${v.dkim}, dmarc ${v.dmarc}`, v] as const))(
    '%s',
    async (_name, v) => {
      const { deps, cases, mailer } = setup(KINDS[kind].mail());
      const outcome = await receiveMail(deps, delivery(kind, v));
      const record = cases.items.get('m1')!;
      const cause = expected(kind, v);
      const notices = mailer.sent.filter((m) => m.subject.startsWith('Not accepted'));
      if (cause === null) {
        expect(SENDER_REASONS).not.toContain(outcome.outcome === 'ignored' ? outcome.reason : null);
        expect(record.refusal).toBeUndefined();
        expect(notices).toEqual([]);
      } else {
        expect(outcome).toMatchObject({ outcome: 'ignored' });
        expect(record.refusal?.cause).toBe(cause);
        expect(record.classification).toBeUndefined();
        // The owner is told, once, with what to change.
        expect(notices).toHaveLength(1);
        expect(notices[0]!.to.address).toBe('me@example.com');
        expect(notices[0]!.automatic).toBe(true);
        expect(notices[0]!.text).toContain('What to change');
      }
    },
  );
});

describe('spam and viruses in the owner’s own mail', () => {
  it.each([
    ['spam', { spam: 'FAIL' }],
    ['virus', { virus: 'FAIL' }],
  ] as const)('%s: refused, and the owner is told', async (cause, extra) => {
    const { deps, cases, mailer } = setup(KINDS.direct.mail());
    const v: Verdicts = { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' };
    expect(await receiveMail(deps, delivery('direct', v, 'm1', extra))).toMatchObject({ reason: cause });
    expect(cases.items.get('m1')!.refusal?.cause).toBe(cause);
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Not accepted: Fwd: Your application']);
  });
});

describe('telling the owner: once per cause per day', () => {
  const unaligned: Verdicts = { spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' };

  it('a second refusal for the same cause that day is recorded, and not mailed again', async () => {
    const clock = { now: () => new Date('2026-11-26T08:00:00Z') };
    const { deps, cases, mailer } = setup(KINDS.elsewhere.mail(), clock);
    await receiveMail(deps, delivery('elsewhere', unaligned, 'm1'));
    await receiveMail(deps, delivery('elsewhere', unaligned, 'm2'));
    expect(mailer.sent).toHaveLength(1);
    expect(cases.items.get('m2')).toMatchObject({
      status: 'IGNORED',
      refusal: { cause: 'not-aligned' },
      ownerNotified: true,
    });
    // Another cause the same day is told.
    await receiveMail(deps, delivery('elsewhere', { ...unaligned, dmarc: 'FAIL' }, 'm3'));
    expect(mailer.sent).toHaveLength(2);
    // The next day (UTC), the first cause again.
    clock.now = () => new Date('2026-11-27T00:00:01Z');
    await receiveMail(deps, delivery('elsewhere', unaligned, 'm4'));
    expect(mailer.sent).toHaveLength(3);
  });

  it('a notice that failed to leave is sent when SES delivers the event again', async () => {
    const { deps, mailer } = setup(KINDS.elsewhere.mail());
    mailer.failWith = new Error('network');
    await expect(receiveMail(deps, delivery('elsewhere', unaligned))).rejects.toThrow('network');
    mailer.failWith = undefined;
    await receiveMail(deps, delivery('elsewhere', unaligned));
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Not accepted: Fwd: Your application']);
    // And only once.
    await receiveMail(deps, delivery('elsewhere', unaligned));
    expect(mailer.sent).toHaveLength(1);
  });

  it('says what SES saw and what to change, naming the owner’s domain', async () => {
    const { deps, mailer } = setup(KINDS.elsewhere.mail());
    await receiveMail(deps, delivery('elsewhere', unaligned));
    const text = mailer.sent[0]!.text;
    expect(text).toContain('example.com publishes no DMARC record');
    expect(text).toContain('It was signed for evil.test, and its envelope was at mailer.evil.test.');
    expect(text).toContain('_dmarc.example.com  TXT  "v=DMARC1; p=none"');
  });
});

describe('refused mail the owner is never told about', () => {
  it('onward’s own mail coming back, however it fails', async () => {
    const own = parsed({
      from: [{ name: 'onward', address: 'letters@onward.test' }],
      subject: 'Not accepted: x',
      text: 'x',
    });
    const { deps, mailer } = setup(own);
    const v: Verdicts = { spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' };
    expect(
      await receiveMail(deps, {
        ...delivery('direct', v),
        envelope: { ...delivery('direct', v).envelope, source: 'letters@onward.test' },
      }),
    ).toMatchObject({ reason: 'own-mail' });
    expect(mailer.sent).toEqual([]);
  });

  it('a stranger’s mail, and a forward nobody authenticated', async () => {
    const stranger = parsed({ from: [{ name: 'Mallory', address: 'mallory@evil.test' }], text: REJECTION });
    const a = setup(stranger);
    await receiveMail(a.deps, {
      ...delivery('direct', { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' }),
      envelope: {
        ...delivery('direct', { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' }).envelope,
        source: 'mallory@evil.test',
      },
    });
    expect(a.mailer.sent).toEqual([]);
    const b = setup(recruiter([{ name: 'x-forwarded-for', value: 'sam.other@gmail.test inbox@onward.test' }]));
    const unauthenticated = delivery('auto-forward', { spf: 'FAIL', dkim: 'PASS', dmarc: 'PASS' });
    await receiveMail(b.deps, {
      ...unauthenticated,
      envelope: { ...unauthenticated.envelope, source: 'sam.other+caf_=inbox=onward.test@gmail.test' },
    });
    expect(b.mailer.sent).toEqual([]);
  });
});
