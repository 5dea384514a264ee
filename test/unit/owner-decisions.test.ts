// The owner's decisions on a case — send, discard, draft anyway, revive — and the housekeeping that
// parks crashed sends, at their edges: cases that vanish or move under them, and what the owner
// and the log are told.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import type { Extraction } from '../../lambdas/core/extract/index.ts';
import { discardDraft } from '../../lambdas/workflow/discard.ts';
import { draftAnyway } from '../../lambdas/workflow/draft-anyway.ts';
import type { ReviewDeps } from '../../lambdas/workflow/owner-decisions.ts';
import { MailRejected } from '../../lambdas/workflow/ports.ts';
import { recipientCandidates } from '../../lambdas/workflow/recipients.ts';
import { reviveDraft } from '../../lambdas/workflow/revive.ts';
import { parkUnknown, sendLetter } from '../../lambdas/workflow/send-letter.ts';
import { sweepStaleSends } from '../../lambdas/workflow/stale-sends.ts';
import { fixedClock, memoryCases, owner, recordingMailer, silentLog } from '../support/fakes.ts';

const letter = {
  to: 'jo@acme.example',
  toName: 'Jo Park',
  subject: 'Re: Your application',
  body: 'Dear Jo Park,\n\nThank you.\n\nSam Rivera',
  inReplyTo: '<orig@acme.example>',
  references: '<orig@acme.example>',
};
const edits = { to: letter.to, subject: letter.subject, body: letter.body, detail: '' };

function setup(status: Case['status'] = 'AWAITING_APPROVAL', over: Partial<Case> = {}) {
  const cases = memoryCases();
  cases.items.set('c1', {
    id: 'c1',
    status,
    receivedAt: '2026-11-26T10:00:00Z',
    updatedAt: '2026-11-26T10:00:00Z',
    letter,
    ...over,
  });
  const mailer = recordingMailer();
  const log = silentLog();
  const deps: ReviewDeps = { cases, mailer, clock: fixedClock(), log, owner };
  return { deps, cases, mailer, log };
}

const events = (log: { lines: string[] }) => log.lines.map((l) => JSON.parse(l));

describe('Send', () => {
  it('records in the log, by case id only, that the letter was claimed and left', async () => {
    const { deps, log } = setup();
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('sent');
    expect(events(log)).toEqual([
      { event: 'letter.claimed', caseId: 'c1' },
      { event: 'letter.sent', caseId: 'c1' },
    ]);
  });

  it('keeps the recipient’s name when the address is unchanged', async () => {
    const { deps, mailer } = setup();
    await sendLetter(deps, 'c1', edits);
    expect(mailer.sent[0]!.to).toEqual({ name: 'Jo Park', address: 'jo@acme.example' });
  });

  it('says the case is gone when it is', async () => {
    const { deps, mailer } = setup();
    expect(await sendLetter(deps, 'nope', edits)).toEqual({ outcome: 'missing' });
    expect(mailer.sent).toHaveLength(0);
  });

  it('sends nothing for a case with no letter, or one no longer waiting, whatever was typed', async () => {
    const noLetter = setup('IGNORED', { letter: undefined });
    expect(await sendLetter(noLetter.deps, 'c1', edits)).toMatchObject({ outcome: 'not-sendable' });
    const expired = setup('EXPIRED');
    expect(await sendLetter(expired.deps, 'c1', { ...edits, subject: '' })).toMatchObject({
      outcome: 'not-sendable',
      record: { status: 'EXPIRED' },
    });
    expect([...noLetter.mailer.sent, ...expired.mailer.sent]).toHaveLength(0);
  });

  it('hands a refused letter back as the owner typed it, on its case', async () => {
    const { deps } = setup();
    const result = await sendLetter(deps, 'c1', { ...edits, subject: ' ', body: 'Dear Jo Park,\n\nThanks!' });
    expect(result).toMatchObject({
      outcome: 'invalid',
      problems: ['The subject is empty.'],
      record: {
        id: 'c1',
        status: 'AWAITING_APPROVAL',
        letter: { body: 'Dear Jo Park,\n\nThanks!', inReplyTo: letter.inReplyTo },
      },
    });
  });

  it('losing the race to a send that went through says already sent; to one still under way, not sendable', async () => {
    // Another Send claimed the letter between this one's read and its claim.
    for (const [other, outcome] of [
      ['SENT', 'already-sent'],
      ['SENDING', 'not-sendable'],
    ] as const) {
      const { deps, cases, mailer } = setup();
      cases.transition = async () => {
        cases.items.set('c1', { ...cases.items.get('c1')!, status: other });
        return null;
      };
      expect(await sendLetter(deps, 'c1', edits)).toMatchObject({ outcome, record: { id: 'c1', status: other } });
      expect(mailer.sent).toHaveLength(0);
    }
    const { deps, cases } = setup();
    cases.transition = async () => {
      cases.items.delete('c1');
      return null;
    };
    expect(await sendLetter(deps, 'c1', edits)).toEqual({ outcome: 'missing' });
  });

  it('answers with the outcome even when the case moved on before it was recorded', async () => {
    for (const [failWith, outcome, status] of [
      [undefined, 'sent', 'SENT'],
      [new MailRejected('MessageRejected', 'Address blacklisted.'), 'failed', 'SEND_FAILED'],
      [new Error('socket hang up'), 'unknown', 'SEND_UNKNOWN'],
    ] as const) {
      const { deps, cases, mailer } = setup();
      mailer.failWith = failWith;
      const transition = cases.transition.bind(cases);
      // The claim goes through; the housekeeping sweep gets to the case before the outcome is written.
      cases.transition = async (id, from, to, changes) => (to === 'SENDING' ? transition(id, from, to, changes) : null);
      expect(await sendLetter(deps, 'c1', edits)).toMatchObject({ outcome, record: { id: 'c1', status } });
    }
  });

  it('parks a refused letter with SES’s reason and logs its code', async () => {
    const { deps, cases, mailer, log } = setup();
    mailer.failWith = new MailRejected('MessageRejected', 'Email address is not verified.');
    await sendLetter(deps, 'c1', edits);
    expect(cases.items.get('c1')!.failure).toBe('MessageRejected: Email address is not verified.');
    expect(events(log)).toContainEqual({ event: 'letter.refused', caseId: 'c1', code: 'MessageRejected' });
  });

  it('tells the owner a letter may have left, and why, when the connection broke', async () => {
    const { deps, cases, mailer, log } = setup();
    const sent: string[] = [];
    mailer.send = async (mail) => {
      sent.push(`${mail.to.address}|${mail.subject}|${mail.text}`);
      if (mail.to.address === 'jo@acme.example') throw new Error('socket hang up');
      return 'ses-note';
    };
    expect(await sendLetter(deps, 'c1', edits)).toMatchObject({
      outcome: 'unknown',
      record: { status: 'SEND_UNKNOWN' },
    });
    expect(cases.items.get('c1')!.failure).toBe('The connection to the mail service broke while sending.');
    expect(sent[1]).toBe(
      [
        'me@example.com|Check your letter: Re: Your application|onward was sending your letter to jo@acme.example when the connection to the mail service broke while sending.',
        'It may or may not have left. onward will not send it again by itself.',
        'Check with the recipient or your Sent mail before doing anything; you can discard the draft from the review page.',
      ].join('\n'),
    );
    expect(events(log)).toContainEqual({ event: 'letter.unknown', caseId: 'c1' });
  });

  it('parks the letter even when the note to the owner cannot be sent, and logs that', async () => {
    const { deps, cases, mailer, log } = setup('SENDING');
    mailer.failWith = new Error('still down');
    expect(await parkUnknown(deps, 'c1', 'It broke.')).toMatchObject({ status: 'SEND_UNKNOWN', failure: 'It broke.' });
    expect(cases.items.get('c1')!.status).toBe('SEND_UNKNOWN');
    expect(events(log)).toEqual([
      { event: 'letter.unknown', caseId: 'c1' },
      { event: 'letter.unknown-notice-failed', caseId: 'c1' },
    ]);
  });

  it('parks nothing, and writes to no one, when the send was no longer under way', async () => {
    const { deps, mailer, log } = setup('SENT');
    expect(await parkUnknown(deps, 'c1', 'It broke.')).toBeNull();
    expect(await parkUnknown(deps, 'nope', 'It broke.')).toBeNull();
    expect(mailer.sent).toHaveLength(0);
    expect(events(log).map((e) => e.event)).not.toContain('letter.unknown-notice-failed');
  });
});

describe('Discard', () => {
  it('drops a letter SES refused, remembering where it came from', async () => {
    const { deps, log } = setup('SEND_FAILED');
    expect(await discardDraft(deps, 'c1')).toMatchObject({
      outcome: 'done',
      record: { status: 'DISCARDED', discardedFrom: 'SEND_FAILED' },
    });
    expect(events(log)).toEqual([{ event: 'letter.discarded', caseId: 'c1', editsKept: false }]);
  });

  it('leaves a sent letter as it is and says so, with the case', async () => {
    const { deps } = setup('SENT');
    expect(await discardDraft(deps, 'c1')).toMatchObject({
      outcome: 'unchanged',
      record: { id: 'c1', status: 'SENT' },
    });
  });

  it('says the case is gone when it is, or when it vanished under the discard', async () => {
    const { deps, cases } = setup();
    expect(await discardDraft(deps, 'nope')).toEqual({ outcome: 'missing' });
    cases.transition = async () => {
      cases.items.delete('c1');
      return null;
    };
    expect(await discardDraft(deps, 'c1')).toEqual({ outcome: 'missing' });
  });
});

const extraction: Extraction = {
  company: 'Acme',
  role: null,
  agency: null,
  stage: null,
  department: null,
  contactName: null,
  contactEmail: null,
  interviewed: null,
  noReplySender: false,
  candidates: [],
};
const original = {
  style: 'direct' as const,
  from: null,
  subject: 'Next steps',
  date: null,
  messageId: '<x@y>',
  references: null,
  excerpt: '',
};

describe('Draft anyway', () => {
  it('says the case is gone when it is', async () => {
    const { deps } = setup();
    expect(await draftAnyway(deps, 'nope')).toEqual({ outcome: 'missing' });
  });

  it('drafts once, logging it, when two presses race: the second finds the draft', async () => {
    const { deps, cases, log } = setup('IGNORED', { letter: undefined, reason: 'unsure', extraction, original });
    const transition = cases.transition.bind(cases);
    cases.transition = async (id, from, to, changes) => {
      // The other press drafted it first.
      await transition(id, from, to, changes);
      return null;
    };
    expect(await draftAnyway(deps, 'c1')).toMatchObject({
      outcome: 'unchanged',
      record: { status: 'AWAITING_APPROVAL' },
    });
    expect(log.lines).toHaveLength(0);
    cases.transition = transition;
    const again = setup('IGNORED', { letter: undefined, reason: 'unsure', extraction, original });
    expect((await draftAnyway(again.deps, 'c1')).outcome).toBe('done');
    expect(events(again.log)).toEqual([{ event: 'letter.drafted-anyway', caseId: 'c1', how: 'page' }]);
  });

  it('answers with the case as it was read when it vanished under the press', async () => {
    const { deps, cases } = setup('IGNORED', { letter: undefined, reason: 'unsure', extraction, original });
    cases.transition = async () => {
      cases.items.delete('c1');
      return null;
    };
    expect(await draftAnyway(deps, 'c1')).toMatchObject({
      outcome: 'unchanged',
      record: { id: 'c1', status: 'IGNORED' },
    });
  });
});

describe('Revive', () => {
  it('logs a revived draft, and nothing when another press revived it first', async () => {
    const { deps, cases, log } = setup('EXPIRED');
    expect(await reviveDraft(deps, 'c1')).toMatchObject({ status: 'AWAITING_APPROVAL' });
    expect(events(log)).toEqual([{ event: 'draft.revived', caseId: 'c1', relabelled: false }]);
    const raced = setup('EXPIRED');
    raced.cases.transition = async () => null;
    expect(await reviveDraft(raced.deps, 'c1')).toBeNull();
    expect(raced.log.lines).toHaveLength(0);
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
  });
});

describe('sends left unfinished by a crash', () => {
  it('are parked from the moment they are stale, with why, however many cases the owner has', async () => {
    const { deps, cases, mailer } = setup('SENDING', { updatedAt: '2026-11-26T11:45:00.000Z' });
    for (let i = 0; i < 501; i += 1) {
      const at = `2026-11-26T11:${String(50 + (i % 10)).padStart(2, '0')}:00.000Z`;
      cases.items.set(`n${i}`, { id: `n${i}`, status: 'AWAITING_APPROVAL', receivedAt: at, updatedAt: at, letter });
    }
    // Exactly fifteen minutes after the claim, at 12:00.
    expect(await sweepStaleSends(deps, 15 * 60)).toBe(1);
    expect(cases.items.get('c1')).toMatchObject({
      status: 'SEND_UNKNOWN',
      failure: 'The sending process stopped before it could record the result.',
    });
    expect(mailer.sent[0]!.text).toContain('when the sending process stopped before it could record the result.');
  });
});

describe('whom a letter could go to', () => {
  const contact = (name: string | null, address: string | null, source: 'signature' | 'cc' | 'reply-to' | 'from') => ({
    name,
    address,
    source,
  });
  const other = (id: string, company: string, over: Partial<Case> = {}): Case => ({
    id,
    status: 'SENT',
    receivedAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
    extraction: { ...extraction, company },
    ...over,
  });

  it('offers the people the email names, then contacts from earlier cases with the company, each once', async () => {
    const { deps, cases } = setup('AWAITING_APPROVAL', {
      letter: { ...letter, to: null, toName: null },
      extraction: {
        ...extraction,
        company: 'Acme',
        noReplySender: true,
        candidates: [
          contact('Jo Park', 'jo@acme.example', 'signature'),
          contact('Team', null, 'from'),
          contact(null, 'hr@acme.example', 'cc'),
        ],
      },
    });
    cases.items.set('e1', other('e1', 'ACME', { letter: { ...letter, to: 'dana@acme.example', toName: 'Dana Wu' } }));
    cases.items.set(
      'e2',
      other('e2', 'acme', {
        extraction: { ...extraction, company: 'acme', contactName: 'Lee Ko', contactEmail: 'lee@acme.example' },
      }),
    );
    cases.items.set(
      'e3',
      other('e3', 'Acme', {
        extraction: { ...extraction, noReplySender: true, contactName: 'Bot', contactEmail: 'no-reply@acme.example' },
      }),
    );
    cases.items.set('e4', other('e4', 'Acme', { letter: { ...letter, to: 'JO@acme.example', toName: null } }));
    cases.items.set('e5', other('e5', 'Globex', { letter: { ...letter, to: 'sam@globex.example' } }));
    cases.items.set(
      'e6',
      other('e6', 'Acme', { extraction: { ...extraction, contactName: 'Nobody', contactEmail: null } }),
    );
    cases.items.set('e7', other('e7', 'Acme', { extraction: undefined }));
    cases.items.set('e8', {
      ...other('e8', 'x', { letter: { ...letter, to: 'kim@nowhere.example' } }),
      extraction: { ...extraction, company: null },
    });
    expect(await recipientCandidates(deps, cases.items.get('c1')!)).toEqual([
      { name: 'Jo Park', address: 'jo@acme.example', source: 'signature' },
      { name: null, address: 'hr@acme.example', source: 'cc' },
      { name: 'Dana Wu', address: 'dana@acme.example', source: 'earlier case' },
      { name: 'Lee Ko', address: 'lee@acme.example', source: 'earlier case' },
    ]);
  });

  it('offers only the email’s people when onward found no company, and never the case itself', async () => {
    const { deps, cases } = setup('AWAITING_APPROVAL', {
      extraction: { ...extraction, company: null, candidates: [contact('Jo Park', 'jo@acme.example', 'signature')] },
    });
    cases.items.set('e1', other('e1', 'Acme', { letter: { ...letter, to: 'dana@acme.example' } }));
    cases.items.set('e2', {
      ...other('e2', 'x', { letter: { ...letter, to: 'kim@nowhere.example' } }),
      extraction: { ...extraction, company: null },
    });
    expect(await recipientCandidates(deps, cases.items.get('c1')!)).toEqual([
      { name: 'Jo Park', address: 'jo@acme.example', source: 'signature' },
    ]);
    const self = setup('AWAITING_APPROVAL', { extraction });
    expect(await recipientCandidates(self.deps, self.cases.items.get('c1')!)).toEqual([]);
    expect(await recipientCandidates(self.deps, { ...self.cases.items.get('c1')!, extraction: undefined })).toEqual([]);
  });

  it('looks through the owner’s newest 200 cases, this one among them', async () => {
    const { deps, cases } = setup('AWAITING_APPROVAL', { extraction });
    cases.items.set(
      'old',
      other('old', 'Acme', { receivedAt: '2020-01-01T00:00:00Z', letter: { ...letter, to: 'old@acme.example' } }),
    );
    // With this case, 200 newer ones.
    for (let i = 0; i < 199; i += 1)
      cases.items.set(`g${i}`, other(`g${i}`, 'Globex', { receivedAt: '2026-11-01T00:00:00Z' }));
    expect(await recipientCandidates(deps, cases.items.get('c1')!)).toEqual([]);
    cases.items.delete('g0');
    expect((await recipientCandidates(deps, cases.items.get('c1')!)).map((c) => c.address)).toEqual([
      'old@acme.example',
    ]);
  });
});
