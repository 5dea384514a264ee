import { describe, expect, it } from 'vitest';
import {
  assertTransitions,
  CASE_STATUSES,
  type Case,
  type CaseStatus,
  draftableAnyway,
  letterStands,
  revivable,
} from '../../lambdas/core/case/index.ts';

const letter = {
  to: 'jo@acme.example',
  toName: null,
  subject: 'Re: x',
  body: 'Dear Jo,',
  inReplyTo: null,
  references: null,
};
const record = (status: CaseStatus, over: Partial<Case> = {}): Case => ({
  id: 'c',
  status,
  receivedAt: '2026-11-20T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
  letter,
  ...over,
});

const moves = (from: CaseStatus) =>
  CASE_STATUSES.filter((to) => {
    try {
      assertTransitions([from], to);
      return true;
    } catch {
      return false;
    }
  });

describe('the moves a case can make', () => {
  // Every move the repositories make is checked against these; any other is a bug, refused
  // before it reaches the table.
  it.each<[CaseStatus, CaseStatus[], string]>([
    ['RECEIVED', ['IGNORED', 'DRAFTED'], 'a new email is set aside or drafted'],
    ['IGNORED', ['AWAITING_APPROVAL'], 'mail set aside can only be drafted anyway'],
    ['DRAFTED', ['AWAITING_APPROVAL'], 'a draft waits for the owner once its email is out'],
    [
      'AWAITING_APPROVAL',
      ['AWAITING_APPROVAL', 'SENDING', 'DISCARDED', 'EXPIRED'],
      'a waiting draft is revised, sent, discarded or expires',
    ],
    ['SENDING', ['SENT', 'SEND_FAILED', 'SEND_UNKNOWN'], 'a send ends sent, refused or unknown, never back to waiting'],
    ['SENT', [], 'a letter that left never moves again'],
    [
      'SEND_FAILED',
      ['SENDING', 'SENT', 'DISCARDED'],
      'a refused letter can be retried, dropped, or sent by the owner themselves',
    ],
    ['SEND_UNKNOWN', ['DISCARDED'], 'a letter that may have left is never sent again by onward'],
    ['DISCARDED', ['AWAITING_APPROVAL'], 'a discard is undone from the review page'],
    ['EXPIRED', ['AWAITING_APPROVAL'], 'an expired draft is revived'],
  ])('from %s only to %j: %s', (from, to) => {
    expect(moves(from)).toEqual(to);
  });

  it('refuses a move from any of several states when one of them may not make it, naming it', () => {
    expect(() => assertTransitions(['AWAITING_APPROVAL', 'SEND_FAILED'], 'SENDING')).not.toThrow();
    expect(() => assertTransitions(['AWAITING_APPROVAL', 'SEND_UNKNOWN'], 'SENDING')).toThrow(
      'SEND_UNKNOWN → SENDING is not a transition of the case state machine',
    );
  });
});

describe('what a status means for the owner', () => {
  it('drafts anyway only mail set aside as not (surely) a rejection', () => {
    expect(draftableAnyway(record('IGNORED', { reason: 'not-a-rejection' }))).toBe(true);
    expect(draftableAnyway(record('IGNORED', { reason: 'unsure' }))).toBe(true);
    expect(draftableAnyway(record('IGNORED', { reason: 'record-only' }))).toBe(true);
    expect(draftableAnyway(record('IGNORED', { reason: 'not-allowed' }))).toBe(false);
    expect(draftableAnyway(record('IGNORED', { reason: 'spam' }))).toBe(false);
    expect(draftableAnyway(record('IGNORED'))).toBe(false);
    expect(draftableAnyway(record('AWAITING_APPROVAL', { reason: 'unsure' }))).toBe(false);
  });

  it('counts a letter as standing while it waits, is sent or may have left — a second one would thank twice', () => {
    const standing = CASE_STATUSES.filter((s) => letterStands(record(s)));
    expect(standing).toEqual(['DRAFTED', 'AWAITING_APPROVAL', 'SENDING', 'SENT', 'SEND_FAILED', 'SEND_UNKNOWN']);
    expect(letterStands(record('DISCARDED', { discardedFrom: 'SEND_UNKNOWN' }))).toBe(true);
    expect(letterStands(record('DISCARDED', { discardedFrom: 'AWAITING_APPROVAL' }))).toBe(false);
    expect(letterStands(record('EXPIRED', { discardedFrom: 'SEND_UNKNOWN' }))).toBe(false);
  });

  it('brings back an expired or discarded draft, never one that may have left, and never without a letter', () => {
    expect(revivable(record('EXPIRED'))).toBe(true);
    expect(revivable(record('DISCARDED', { discardedFrom: 'AWAITING_APPROVAL' }))).toBe(true);
    expect(revivable(record('DISCARDED', { discardedFrom: 'SEND_FAILED' }))).toBe(true);
    expect(revivable(record('DISCARDED', { discardedFrom: 'SEND_UNKNOWN' }))).toBe(false);
    // A discard that does not say what it came from may have followed a send that went through.
    expect(revivable(record('DISCARDED'))).toBe(false);
    expect(revivable(record('EXPIRED', { letter: undefined }))).toBe(false);
    for (const status of CASE_STATUSES.filter((s) => s !== 'EXPIRED' && s !== 'DISCARDED')) {
      expect(revivable(record(status, { discardedFrom: 'AWAITING_APPROVAL' }))).toBe(false);
    }
  });
});
