import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { discardDraft } from '../../lambdas/workflow/discard.ts';
import { expireDrafts } from '../../lambdas/workflow/expire.ts';
import { reviveDraft } from '../../lambdas/workflow/revive.ts';
import { sendLetter } from '../../lambdas/workflow/send-letter.ts';
import { sweepStaleSends } from '../../lambdas/workflow/stale-sends.ts';
import { fakeLinks, fixedClock, memoryCases, owner, recordingMailer, silentLog } from '../support/fakes.ts';

const DAY = 24 * 3600;
const letter = {
  to: 'jo@acme.example',
  toName: null,
  subject: 'Re: x',
  body: 'Dear Jo,\n\nThank you.\n\nSam',
  inReplyTo: null,
  references: null,
};

function at(id: string, status: Case['status'], updatedAt: string): Case {
  return { id, status, receivedAt: updatedAt, updatedAt, letter };
}

describe('drafts past their lifetime', () => {
  it('expire, while younger drafts and other states stay', async () => {
    const cases = memoryCases();
    cases.items.set('old', at('old', 'AWAITING_APPROVAL', '2026-11-01T00:00:00Z'));
    cases.items.set('young', at('young', 'AWAITING_APPROVAL', '2026-11-20T00:00:00Z'));
    cases.items.set('sent', at('sent', 'SENT', '2026-10-01T00:00:00Z'));
    const mailer = recordingMailer();
    const deps = {
      cases,
      mailer,
      owner,
      links: fakeLinks,
      clock: fixedClock('2026-11-26T00:00:00Z'),
      log: silentLog(),
      lifetimeSeconds: 14 * DAY,
    };
    expect(await expireDrafts(deps)).toBe(1);
    expect([...cases.items.values()].map((c) => [c.id, c.status])).toEqual([
      ['old', 'EXPIRED'],
      ['young', 'AWAITING_APPROVAL'],
      ['sent', 'SENT'],
    ]);
    // The owner hears of it once, with the link that brings it back; nothing goes to the interviewer.
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.address).toBe(owner.email);
    expect(mailer.sent[0]!.subject).toBe('Draft expired: your forwarded rejection');
    expect(mailer.sent[0]!.text).toContain('waited 14 days without being sent');
    expect(mailer.sent[0]!.text).toContain(`Bring it back to review": ${fakeLinks.review('old')}`);
    expect(await expireDrafts(deps)).toBe(0);
    expect(mailer.sent).toHaveLength(1);
  });

  it('tells the owner on the next run when the note could not leave', async () => {
    const cases = memoryCases();
    cases.items.set('old', at('old', 'AWAITING_APPROVAL', '2026-11-01T00:00:00Z'));
    const mailer = recordingMailer();
    const deps = {
      cases,
      mailer,
      owner,
      links: fakeLinks,
      clock: fixedClock('2026-11-26T00:00:00Z'),
      log: silentLog(),
      lifetimeSeconds: 14 * DAY,
    };
    mailer.failWith = new Error('throttled');
    await expect(expireDrafts(deps)).rejects.toThrow('throttled');
    expect(cases.items.get('old')!.status).toBe('EXPIRED');
    mailer.failWith = undefined;
    await expireDrafts(deps);
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Draft expired: your forwarded rejection']);
  });

  it('cannot be sent until revived, and can be after', async () => {
    const cases = memoryCases();
    cases.items.set('old', at('old', 'EXPIRED', '2026-11-01T00:00:00Z'));
    const mailer = recordingMailer();
    const deps = { cases, mailer, clock: fixedClock(), log: silentLog(), owner };
    const edits = { to: letter.to, subject: letter.subject, body: letter.body, detail: '' };
    expect((await sendLetter(deps, 'old', edits)).outcome).toBe('not-sendable');
    expect(await reviveDraft(deps, 'old')).toMatchObject({ status: 'AWAITING_APPROVAL' });
    expect(await reviveDraft(deps, 'old')).toBeNull();
    expect((await sendLetter(deps, 'old', edits)).outcome).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('a discarded draft', () => {
  it('comes back by revive, unless it was discarded after a send that may have gone through', async () => {
    const cases = memoryCases();
    cases.items.set('d', at('d', 'AWAITING_APPROVAL', '2026-11-20T00:00:00Z'));
    cases.items.set('u', at('u', 'SEND_UNKNOWN', '2026-11-20T00:00:00Z'));
    const mailer = recordingMailer();
    const deps = { cases, mailer, clock: fixedClock(), log: silentLog(), owner };
    expect((await discardDraft(deps, 'd')).outcome).toBe('done');
    expect((await discardDraft(deps, 'u')).outcome).toBe('done');
    expect(await reviveDraft(deps, 'u')).toBeNull();
    expect(cases.items.get('u')!.status).toBe('DISCARDED');
    expect(await reviveDraft(deps, 'd')).toMatchObject({ status: 'AWAITING_APPROVAL' });
    const edits = { to: letter.to, subject: letter.subject, body: letter.body, detail: '' };
    expect((await sendLetter(deps, 'd', edits)).outcome).toBe('sent');
  });
});

describe('edits on the page, then Discard', () => {
  it('come back with the revived draft, as the owner left them — even half done', async () => {
    const cases = memoryCases();
    cases.items.set('d', at('d', 'AWAITING_APPROVAL', '2026-11-20T00:00:00Z'));
    cases.items.set('u', at('u', 'SEND_UNKNOWN', '2026-11-20T00:00:00Z'));
    const deps = { cases, mailer: recordingMailer(), clock: fixedClock(), log: silentLog(), owner };
    const typed = { to: 'jo@acme', subject: 'Thanks, Jo', body: 'Dear Jo,\n\nMy own words.\n\nSam', detail: '' };
    expect((await discardDraft(deps, 'd', typed)).outcome).toBe('done');
    expect(await reviveDraft(deps, 'd')).toMatchObject({
      status: 'AWAITING_APPROVAL',
      letter: { to: 'jo@acme', subject: 'Thanks, Jo', body: 'Dear Jo,\n\nMy own words.\n\nSam' },
    });
    // A letter that may have left was not editable: what a form claims is not taken for it.
    await discardDraft(deps, 'u', typed);
    expect(cases.items.get('u')!.letter).toEqual(letter);
    // Far more than a letter is not kept; the letter as it was stays.
    cases.items.set('big', at('big', 'AWAITING_APPROVAL', '2026-11-20T00:00:00Z'));
    await discardDraft(deps, 'big', { ...typed, body: 'x'.repeat(30_000) });
    expect(cases.items.get('big')!.letter).toEqual(letter);
  });
});

describe('letters left SENDING by a crash', () => {
  it('are parked as SEND_UNKNOWN with a note to the owner, never sent', async () => {
    const cases = memoryCases();
    cases.items.set('stale', at('stale', 'SENDING', '2026-11-26T11:00:00Z'));
    cases.items.set('live', at('live', 'SENDING', '2026-11-26T11:59:30Z'));
    const mailer = recordingMailer();
    const deps = { cases, mailer, clock: fixedClock('2026-11-26T12:00:00Z'), log: silentLog(), owner };
    expect(await sweepStaleSends(deps, 15 * 60)).toBe(1);
    expect(cases.items.get('stale')!.status).toBe('SEND_UNKNOWN');
    expect(cases.items.get('live')!.status).toBe('SENDING');
    expect(mailer.sent.map((m) => m.to.address)).toEqual(['me@example.com']);
    expect(mailer.sent[0]!.text).toContain('jo@acme.example');
  });
});
