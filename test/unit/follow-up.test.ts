import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { SINCE_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import {
  draftDueFollowUps,
  followUpAgain,
  sendFollowUp,
  snoozeFollowUp,
  stopFollowUp,
  sweepStaleFollowUps,
  switchAllFollowUps,
} from '../../lambdas/workflow/follow-up.ts';
import { sendLetter } from '../../lambdas/workflow/send-letter.ts';
import { MailRejected } from '../../lambdas/workflow/ports.ts';
import { fakeLinks, fixedClock, memoryCases, owner, recordingMailer, silentLog } from '../support/fakes.ts';

const thankYou = {
  to: 'sandra.ing@grainwood.example',
  toName: 'Sandra Ing',
  subject: 'Re: Your application',
  body: 'Dear Sandra,\n\nThank you for considering me.\n\nAgain, thank you!\n\nSam Rivera',
  inReplyTo: '<orig@grainwood.example>',
  references: '<orig@grainwood.example>',
};

function sentCase(id: string, sentAt: string, over: Partial<Case> = {}): Case {
  return {
    id,
    status: 'SENT',
    receivedAt: sentAt,
    updatedAt: sentAt,
    letter: thankYou,
    sentAt,
    sentMessageId: 'ses-0',
    extraction: { company: 'Grainwood', role: 'Backend Engineer' } as Case['extraction'],
    followUp: { status: 'SCHEDULED', round: 1, since: sentAt, at: sentAt },
    ...over,
  };
}

function world(now = '2026-11-26T12:00:00.000Z', followUpDays = 56) {
  const cases = memoryCases();
  const mailer = recordingMailer();
  const log = silentLog();
  const deps = { cases, mailer, owner, links: fakeLinks, clock: fixedClock(now), log, followUpDays };
  return { cases, mailer, log, deps };
}

/** The letter as the owner finished it on the page: the marked line written. */
function finished(c: Case) {
  const letter = c.followUp!.letter!;
  return {
    to: letter.to!,
    subject: letter.subject,
    body: letter.body.replace(SINCE_PLACEHOLDER, 'I finished a Go course.'),
  };
}

describe('a follow-up, drafted when due', () => {
  it('is drafted the set days after the thank-you left, to the same person in the same thread, and mailed to the owner', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z', 56);
    cases.items.set('due', sentCase('due', '2026-09-30T12:00:00.000Z')); // 57 days ago
    cases.items.set('young', sentCase('young', '2026-10-05T12:00:00.000Z')); // 52 days ago
    cases.items.set('none', { ...sentCase('none', '2026-01-01T00:00:00.000Z'), followUp: undefined });
    expect(await draftDueFollowUps(deps)).toEqual({ drafted: 1, barred: 0, told: 1 });

    const f = cases.items.get('due')!.followUp!;
    expect(f.status).toBe('AWAITING_APPROVAL');
    expect(f.letter).toMatchObject({
      to: thankYou.to,
      toName: 'Sandra Ing',
      subject: thankYou.subject,
      inReplyTo: thankYou.inReplyTo,
      references: thankYou.references,
    });
    // The greeting the owner approved; the line only they can write is a marked blank.
    expect(f.letter!.body.split('\n')[0]).toBe('Dear Sandra,');
    expect(f.letter!.body).toContain('still very interested in working at Grainwood');
    expect(f.letter!.body).toContain(SINCE_PLACEHOLDER);
    expect(f.letter!.body).toContain('kept me in mind');
    expect(cases.items.get('young')!.followUp!.status).toBe('SCHEDULED');
    expect(cases.items.get('none')!.followUp).toBeUndefined();

    // Only the owner hears of it, with the follow-up's own page and its own reply address.
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.address).toBe(owner.email);
    expect(mailer.sent[0]!.subject).toBe('Follow-up draft: Grainwood — Backend Engineer');
    expect(mailer.sent[0]!.text).toContain(fakeLinks.followUp('due', 1));
    expect(mailer.sent[0]!.replyTo).toBe(fakeLinks.replyAddress('due#follow-up-1', f.letter));
    expect(f.replyRef).toBe(fakeLinks.replyRef('due#follow-up-1'));
    expect(f.replyRef).not.toBe(fakeLinks.replyRef('due'));

    // A second run drafts and mails nothing more.
    expect(await draftDueFollowUps(deps)).toEqual({ drafted: 0, barred: 0, told: 0 });
    expect(mailer.sent).toHaveLength(1);
  });

  it('with 0 days is due at the next run', async () => {
    const { cases, deps } = world('2026-11-26T12:00:00.000Z', 0);
    cases.items.set('c', sentCase('c', '2026-11-26T12:00:00.000Z'));
    expect((await draftDueFollowUps(deps)).drafted).toBe(1);
  });

  it('starts its wait when the thank-you leaves', async () => {
    const { cases, deps } = world();
    cases.items.set('c', { ...sentCase('c', ''), status: 'AWAITING_APPROVAL', followUp: undefined, sentAt: undefined });
    await sendLetter(deps, 'c', { to: thankYou.to, subject: thankYou.subject, body: thankYou.body, detail: '' });
    expect(cases.items.get('c')!.followUp).toEqual({
      status: 'SCHEDULED',
      round: 1,
      since: '2026-11-26T12:00:00.000Z',
      at: '2026-11-26T12:00:00.000Z',
    });
  });

  it('is mailed on the next run when the draft email could not leave', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z', 0);
    cases.items.set('c', sentCase('c', '2026-11-26T12:00:00.000Z'));
    mailer.failWith = new Error('throttled');
    await expect(draftDueFollowUps(deps)).rejects.toThrow('throttled');
    expect(cases.items.get('c')!.followUp).toMatchObject({ status: 'AWAITING_APPROVAL', ownerNotified: false });
    mailer.failWith = undefined;
    expect(await draftDueFollowUps(deps)).toEqual({ drafted: 0, barred: 0, told: 1 });
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Follow-up draft: Grainwood — Backend Engineer']);
  });

  it('never goes to an address that bounced for good or complained; a transient bounce may pass', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z', 0);
    const at = '2026-11-26T12:00:00.000Z';
    cases.items.set('bounced', sentCase('bounced', at, { delivery: { outcome: 'bounced', at } }));
    cases.items.set('complained', sentCase('complained', at, { delivery: { outcome: 'complained', at } }));
    cases.items.set('full', sentCase('full', at, { delivery: { outcome: 'bounced-transient', at } }));
    expect(await draftDueFollowUps(deps)).toEqual({ drafted: 1, barred: 2, told: 1 });
    expect(cases.items.get('bounced')!.followUp).toMatchObject({ status: 'STOPPED', stopped: 'bounced' });
    expect(cases.items.get('complained')!.followUp).toMatchObject({ status: 'STOPPED', stopped: 'bounced' });
    expect(cases.items.get('full')!.followUp!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent).toHaveLength(1);
  });

  it('is drafted for nobody while the owner’s switch is off, and again once it is on', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z', 0);
    cases.items.set('c', sentCase('c', '2026-11-26T12:00:00.000Z'));
    await switchAllFollowUps(deps, false);
    expect(await draftDueFollowUps(deps)).toEqual({ drafted: 0, barred: 0, told: 0 });
    expect(cases.items.get('c')!.followUp!.status).toBe('SCHEDULED');
    expect(mailer.sent).toEqual([]);
    await switchAllFollowUps(deps, true);
    expect((await draftDueFollowUps(deps)).drafted).toBe(1);
  });
});

describe('sending a follow-up', () => {
  async function drafted() {
    const w = world('2026-11-26T12:00:00.000Z', 0);
    w.cases.items.set('c', sentCase('c', '2026-11-26T12:00:00.000Z'));
    await draftDueFollowUps(w.deps);
    w.mailer.sent.length = 0;
    return w;
  }

  it('is refused while the marked line is unwritten, and sends nothing', async () => {
    const { cases, mailer, deps } = await drafted();
    const letter = cases.items.get('c')!.followUp!.letter!;
    const result = await sendFollowUp(deps, 'c', 1, { to: letter.to!, subject: letter.subject, body: letter.body });
    expect(result.outcome).toBe('invalid');
    expect(result.outcome === 'invalid' && result.problems).toEqual([
      'Write one line about what you have done since in the marked line, or delete that line.',
    ]);
    expect(mailer.sent).toEqual([]);
  });

  it('leaves once, to the contact, in the thread, with the owner on blind copy; the thank-you stays SENT', async () => {
    const { cases, mailer, deps } = await drafted();
    const edits = finished(cases.items.get('c')!);
    expect((await sendFollowUp(deps, 'c', 1, edits)).outcome).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      to: { address: thankYou.to },
      bcc: owner.email,
      subject: thankYou.subject,
      inReplyTo: thankYou.inReplyTo,
      references: thankYou.references,
      caseId: 'c',
    });
    expect(mailer.sent[0]!.text).toContain('I finished a Go course.');
    const record = cases.items.get('c')!;
    expect(record.status).toBe('SENT');
    expect(record.sentMessageId).toBe('ses-0');
    expect(record.followUp).toMatchObject({
      status: 'SENT',
      sentMessageId: 'ses-1',
      sentAt: '2026-11-26T12:00:00.000Z',
    });
    expect((await sendFollowUp(deps, 'c', 1, edits)).outcome).toBe('already-sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('leaves once when two Sends race', async () => {
    const { cases, mailer, deps } = await drafted();
    const edits = finished(cases.items.get('c')!);
    const outcomes = await Promise.all([1, 2, 3].map(() => sendFollowUp(deps, 'c', 1, edits)));
    // The others found it claimed (being sent) and sent nothing.
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['not-sendable', 'not-sendable', 'sent']);
    expect(mailer.sent).toHaveLength(1);
  });

  it('is parked, never resent, when the connection broke mid-send; a refusal may be retried', async () => {
    const { cases, mailer, deps } = await drafted();
    const edits = finished(cases.items.get('c')!);
    mailer.failWith = new MailRejected('MessageRejected', 'Email address is not verified');
    expect((await sendFollowUp(deps, 'c', 1, edits)).outcome).toBe('failed');
    mailer.failWith = new Error('socket hang up');
    expect((await sendFollowUp(deps, 'c', 1, edits)).outcome).toBe('unknown');
    mailer.failWith = undefined;
    expect((await sendFollowUp(deps, 'c', 1, edits)).outcome).toBe('not-sendable');
    expect(cases.items.get('c')!.followUp!.status).toBe('SEND_UNKNOWN');
    // Nothing left through onward (the note to the owner failed with the same broken connection).
    expect(mailer.sent).toEqual([]);
  });

  it('stale claims are parked by the housekeeping, never resent', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z');
    const at = '2026-11-26T11:00:00.000Z';
    cases.items.set(
      'c',
      sentCase('c', at, { followUp: { status: 'SENDING', round: 1, since: at, at, letter: thankYou } }),
    );
    expect(await sweepStaleFollowUps(deps, 15 * 60)).toBe(1);
    expect(cases.items.get('c')!.followUp!.status).toBe('SEND_UNKNOWN');
    // Only the owner hears of it: it may have left, and only they can check.
    expect(mailer.sent.map((m) => [m.to.address, m.subject])).toEqual([
      [owner.email, `Check your follow-up: ${thankYou.subject}`],
    ]);
    // A younger claim may still be sending: left alone.
    const young = '2026-11-26T11:50:00.000Z';
    cases.items.set('d', sentCase('d', at, { followUp: { status: 'SENDING', round: 1, since: at, at: young } }));
    expect(await sweepStaleFollowUps(deps, 15 * 60)).toBe(0);
  });

  it('of an earlier round sends nothing of a later one', async () => {
    const { cases, mailer, deps } = await drafted();
    const edits = finished(cases.items.get('c')!);
    expect((await sendFollowUp(deps, 'c', 2, edits)).outcome).toBe('not-sendable');
    expect(mailer.sent).toEqual([]);
  });
});

describe('the owner’s word on a follow-up', () => {
  it('"Not now" puts the draft away, as left, for two weeks', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z', 0);
    cases.items.set('c', sentCase('c', '2026-11-26T12:00:00.000Z'));
    await draftDueFollowUps(deps);
    const letter = cases.items.get('c')!.followUp!.letter;
    expect((await snoozeFollowUp(deps, 'c', 1)).outcome).toBe('done');
    expect(cases.items.get('c')!.followUp).toMatchObject({
      status: 'SCHEDULED',
      snoozedUntil: '2026-12-10T12:00:00.000Z',
      letter,
    });
    // Not sendable while snoozed; not drafted before its day; drafted again, as left, on it.
    expect((await sendFollowUp(deps, 'c', 1, finished(cases.items.get('c')!))).outcome).toBe('not-sendable');
    expect((await draftDueFollowUps(deps)).drafted).toBe(0);
    const later = world('2026-12-10T12:00:00.000Z', 0);
    later.cases.items.set('c', cases.items.get('c')!);
    expect((await draftDueFollowUps(later.deps)).drafted).toBe(1);
    expect(later.cases.items.get('c')!.followUp).toMatchObject({ status: 'AWAITING_APPROVAL', letter });
    expect(later.cases.items.get('c')!.followUp!.snoozedUntil).toBeUndefined();
    expect(mailer.sent).toHaveLength(1);
  });

  it('"Stop" ends follow-ups on the case: nothing is drafted or sent after', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z', 0);
    cases.items.set('scheduled', sentCase('scheduled', '2026-11-26T12:00:00.000Z'));
    cases.items.set('waiting', sentCase('waiting', '2026-11-26T12:00:00.000Z'));
    expect((await stopFollowUp(deps, 'scheduled', 1)).outcome).toBe('done');
    await draftDueFollowUps(deps);
    mailer.sent.length = 0;
    const edits = finished(cases.items.get('waiting')!);
    expect((await stopFollowUp(deps, 'waiting', 1)).outcome).toBe('done');
    expect(cases.items.get('scheduled')!.followUp).toMatchObject({ status: 'STOPPED', stopped: 'owner' });
    expect(cases.items.get('waiting')!.followUp).toMatchObject({ status: 'STOPPED', stopped: 'owner' });
    expect((await sendFollowUp(deps, 'waiting', 1, edits)).outcome).toBe('not-sendable');
    expect(await draftDueFollowUps(deps)).toEqual({ drafted: 0, barred: 0, told: 0 });
    expect(mailer.sent).toEqual([]);
    // A sent follow-up cannot be stopped: it left.
    expect((await stopFollowUp(deps, 'missing', 1)).outcome).toBe('missing');
  });

  it('"Follow up again" after one left schedules the next round, whose draft is its own', async () => {
    const { cases, mailer, deps } = world('2026-11-26T12:00:00.000Z', 0);
    cases.items.set('c', sentCase('c', '2026-11-26T12:00:00.000Z'));
    // Not before one left.
    expect((await followUpAgain(deps, 'c', 1)).outcome).toBe('unchanged');
    await draftDueFollowUps(deps);
    const edits = finished(cases.items.get('c')!);
    await sendFollowUp(deps, 'c', 1, edits);
    expect((await followUpAgain(deps, 'c', 1)).outcome).toBe('done');
    // Pressed twice (an old page): one new round only.
    expect((await followUpAgain(deps, 'c', 1)).outcome).toBe('unchanged');
    expect(cases.items.get('c')!.followUp).toEqual({
      status: 'SCHEDULED',
      round: 2,
      since: '2026-11-26T12:00:00.000Z',
      at: '2026-11-26T12:00:00.000Z',
      earlier: [{ sentAt: '2026-11-26T12:00:00.000Z', sentMessageId: 'ses-2' }],
    });
    // The first round's Send, replayed, sends nothing of the second.
    await draftDueFollowUps(deps);
    expect((await sendFollowUp(deps, 'c', 1, edits)).outcome).toBe('not-sendable');
    expect(cases.items.get('c')!.followUp!.replyRef).toBe(fakeLinks.replyRef('c#follow-up-2'));
    expect(mailer.sent.map((m) => m.subject)).toEqual([
      'Follow-up draft: Grainwood — Backend Engineer',
      thankYou.subject,
      'Follow-up draft: Grainwood — Backend Engineer',
    ]);
  });
});
