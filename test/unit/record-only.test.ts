// A past rejection forwarded with "record" as the first line of the owner's note: recorded for
// the owner's history — in the list and the chart — with no letter and no email; any other note
// (or none) drafts as always.
import { describe, expect, it } from 'vitest';
import { unwrapForward } from '../../lambdas/core/forward/index.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import { searchChart } from '../../lambdas/core/record/index.ts';
import { draftAnyway } from '../../lambdas/workflow/draft-anyway.ts';
import type { ReceiveDeps } from '../../lambdas/workflow/inbound.ts';
import { receiveMail } from '../../lambdas/workflow/receive-mail.ts';
import {
  fakeLinks,
  fixedClock,
  memoryCases,
  owner,
  parsed,
  rawStore,
  recordingMailer,
  silentLog,
  repliesInProcess,
} from '../support/fakes.ts';

const asksRecordOnly = (mail: ParsedMail) => unwrapForward(mail).recordOnly;

const REJECTION = `Dear Sam,

Thank you for taking the time to interview for the Administrative Assistant position.
After careful consideration, we have decided to move forward with another candidate for this role.

Best regards,
Sandra Ing
Grainwood, Inc.`;

const recruiter = (text = REJECTION) =>
  parsed({
    messageId: '<orig@grainwood.example>',
    from: [{ name: 'Sandra Ing', address: 'sandra.ing@grainwood.example' }],
    subject: 'Your application for Administrative Assistant',
    date: '2026-03-10T14:00:00.000Z',
    text,
  });

/** The owner's forward as an attachment, with their note above it. */
const attached = (note: string) => parsed({ subject: 'Fwd: Your application', text: note, attached: recruiter() });

/** The owner's inline forward (Gmail's header block), with their note above it. */
const inline = (note: string) =>
  parsed({
    subject: 'Fwd: Your application for Administrative Assistant',
    text: `${note}\n\n---------- Forwarded message ---------\nFrom: Sandra Ing <sandra.ing@grainwood.example>\nDate: Tue, Mar 10, 2026 at 2:00 PM\nSubject: Your application for Administrative Assistant\nTo: <me@example.com>\n\n${REJECTION}`,
  });

describe('"record" as the first line of the owner’s note', () => {
  it('is read from a forward as attachment and from an inline forward', () => {
    for (const note of ['record', 'Record', 'Record.', '  record:  ', '\n\nrecord\n\nfrom last spring\nSam'])
      expect([note, asksRecordOnly(attached(note))]).toEqual([note, true]);
    expect(asksRecordOnly(inline('record'))).toBe(true);
    expect(asksRecordOnly(inline('Record\n\n-- \nSam Rivera'))).toBe(true);
  });

  it('is only the whole first line, and only the owner’s note — never the recruiter’s text', () => {
    for (const note of ['', 'fyi', 'record this one', 'please record', 'recorded', 'fyi\nrecord'])
      expect([note, asksRecordOnly(attached(note))]).toEqual([note, false]);
    expect(asksRecordOnly(inline('fyi'))).toBe(false);
    // A forward of a forward: the note is the owner's, above the outer header block — not one
    // written by whoever forwarded it to them.
    const twice = (outer: string, inner: string) =>
      parsed({
        subject: 'Fwd: Fwd: Your application for Administrative Assistant',
        text: `${outer}\n\n---------- Forwarded message ---------\nFrom: Alex Moreno <alex@example.org>\nDate: Wed, Mar 11, 2026 at 9:00 AM\nSubject: Fwd: Your application for Administrative Assistant\nTo: <me@example.com>\n\n${inline(inner).text}`,
      });
    expect(unwrapForward(twice('record', 'fyi')).original.from?.address).toBe('sandra.ing@grainwood.example');
    expect(asksRecordOnly(twice('record', 'fyi'))).toBe(true);
    expect(asksRecordOnly(twice('fyi', 'record'))).toBe(false);
    // Mail that came as it was (an auto-forward): its text is the recruiter's.
    expect(asksRecordOnly(recruiter('Record\n\nWe have decided not to proceed.'))).toBe(false);
  });
});

function setup(mail: ParsedMail) {
  const cases = memoryCases();
  const mailer = recordingMailer();
  const deps: ReceiveDeps = {
    replies: repliesInProcess(() => deps),
    cases,
    rawMail: rawStore({ 'inbound/m1': 'raw message' }),
    parser: { parse: async () => structuredClone(mail) },
    mailer,
    links: fakeLinks,
    clock: fixedClock('2026-12-02T10:00:00.000Z'),
    log: silentLog(),
    owner,
    policy: { allowedSenders: ['me@example.com'], ownAddresses: ['letters@onward.test'], requireDmarcPass: false },
    maxMessageBytes: 1000,
    inboundAddress: 'inbox@onward.test',
  };
  return { deps, cases, mailer };
}

const event = {
  messageId: 'm1',
  objectKey: 'inbound/m1',
  envelope: { source: 'me@example.com', spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY', spf: 'GRAY' } as const,
  recipients: ['inbox@onward.test'],
};

describe('a past rejection forwarded to record', () => {
  it('is recorded with what was read, no letter, no email, and kept (no expiry)', async () => {
    const { deps, cases, mailer } = setup(attached('record'));
    expect(await receiveMail(deps, event)).toEqual({ outcome: 'recorded', caseId: 'm1' });
    const record = cases.items.get('m1')!;
    expect(record).toMatchObject({
      status: 'IGNORED',
      reason: 'record-only',
      original: { date: '2026-03-10T14:00:00.000Z', from: { address: 'sandra.ing@grainwood.example' } },
      extraction: { company: 'Grainwood, Inc.', stage: 'interview' },
    });
    expect(record.letter).toBeUndefined();
    expect(record.expiresAt).toBeUndefined();
    expect(mailer.sent).toEqual([]);
    // Replayed, it stays recorded and still sends nothing.
    expect(await receiveMail(deps, event)).toEqual({ outcome: 'duplicate', caseId: 'm1' });
    expect(mailer.sent).toEqual([]);
  });

  it('starts the chart with the real history: counted in the month the recruiter wrote it', async () => {
    const { deps, cases } = setup(inline('record'));
    await receiveMail(deps, event);
    const chart = searchChart([...cases.items.values()], '2026-12-02', 'UTC')!;
    expect(chart.period).toBe('month');
    expect(chart.periods[0]).toMatchObject({ start: '2026-03-01', counts: { interview: 1 } });
  });

  it('can still get a letter, from "Write one anyway"', async () => {
    const { deps, cases } = setup(attached('record'));
    await receiveMail(deps, event);
    expect((await draftAnyway(deps, 'm1')).outcome).toBe('done');
    expect(cases.items.get('m1')).toMatchObject({
      status: 'AWAITING_APPROVAL',
      letter: { to: 'sandra.ing@grainwood.example' },
    });
  });

  it('is recorded once: forwarded to record again it is a quiet duplicate; forwarded for a letter, it drafts', async () => {
    const { deps, cases, mailer } = setup(attached('record'));
    deps.rawMail = rawStore({ 'inbound/m1': 'record', 'inbound/m2': 'Record.', 'inbound/m3': 'fyi' });
    // Each forward is the same email with the note its raw message holds.
    deps.parser = { parse: async (raw) => attached(new TextDecoder().decode(raw)) };
    const forward = (id: string) => receiveMail(deps, { ...event, messageId: id, objectKey: `inbound/${id}` });
    expect(await forward('m1')).toEqual({ outcome: 'recorded', caseId: 'm1' });
    expect(await forward('m2')).toEqual({ outcome: 'duplicate', caseId: 'm2' });
    expect(cases.items.get('m2')).toMatchObject({ status: 'IGNORED', reason: 'duplicate', duplicateOf: 'm1' });
    expect(mailer.sent).toEqual([]);
    expect(searchChart([...cases.items.values()], '2026-12-02', 'UTC')!.totals.interview).toBe(1);
    expect(await forward('m3')).toEqual({ outcome: 'drafted', caseId: 'm3' });
  });

  it('drafts as always when the note says anything else', async () => {
    const { deps, cases, mailer } = setup(attached('record this one please'));
    expect(await receiveMail(deps, event)).toEqual({ outcome: 'drafted', caseId: 'm1' });
    expect(cases.items.get('m1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent).toHaveLength(1);
  });
});
