// The owner's data is theirs to delete: "Delete this case" (asked first, then a signed POST) and
// "Delete everything" (only with the phrase typed) take cases, their echoes and their raw mail.
// Opening either link changes nothing; a case being worked on is left alone.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { linkFor } from '../../lambdas/core/links/index.ts';
import type { WebDeps } from '../../lambdas/web/routes.ts';
import {
  fixedClock,
  memoryCases,
  owner,
  rawStore,
  recordingMailer,
  silentLog,
  testSigner,
  webDefaults,
  siteCall,
} from '../support/fakes.ts';

const NOW = Date.parse('2026-12-03T10:00:00.000Z') / 1000;

const stored = (id: string, extra: Partial<Case> = {}): Case => ({
  id,
  status: 'SENT',
  receivedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  original: {
    style: 'attachment',
    from: { name: 'Kim Oduya', address: 'kim@marlow.example' },
    subject: 'Your interview at Marlow Labs',
    date: null,
    messageId: '<m@marlow.example>',
    references: null,
    excerpt: 'Dear Sam',
  },
  extraction: { company: 'Marlow Labs' } as Case['extraction'],
  ...extra,
});

function setup() {
  const cases = memoryCases();
  for (const c of [
    stored('c1'),
    stored('dup', { status: 'IGNORED', reason: 'duplicate', duplicateOf: 'c1' }),
    stored('reply', { status: 'IGNORED', reason: 'owner-reply', repliedTo: 'c1' }),
    stored('c2', { status: 'AWAITING_APPROVAL' }),
    stored('leaving', { status: 'SENDING' }),
  ])
    cases.items.set(c.id, c);
  const messages: Record<string, string> = {
    'inbound/c1': 'raw 1',
    'inbound/dup': 'raw dup',
    'inbound/reply': 'raw reply',
    'inbound/c2': 'raw 2',
    'inbound/leaving': 'raw leaving',
  };
  const log = silentLog();
  const deps: WebDeps = {
    ...webDefaults,
    cases,
    mailer: recordingMailer(),
    clock: fixedClock('2026-12-03T10:00:00.000Z'),
    log,
    owner,
    signer: testSigner(NOW),
    rawMail: rawStore(messages),
    rawMailPrefix: 'inbound/',
  };
  const call = siteCall(deps);
  const formAction = (html: string) => /<form method="post" action="([^"]+)">/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  return { deps, cases, messages, log, call, formAction };
}

describe('"Delete this case"', () => {
  it('is linked from the case’s page; its link only asks, and a POST from that page deletes it everywhere', async () => {
    const { deps, cases, messages, log, call, formAction } = setup();
    const review = await call('GET', linkFor(deps.signer, 'c1', 'review'));
    const ask = /<a href="([^"]+)">Delete this case…<\/a>/.exec(review.body)?.[1]?.replace(/&amp;/g, '&');
    expect(ask).toBe(linkFor(deps.signer, 'c1', 'delete'));
    for (const method of ['GET', 'HEAD']) expect((await call(method, ask!)).statusCode).toBe(200);
    const page = await call('GET', ask!);
    expect(page.body).toContain('“Marlow Labs” and the email you forwarded are deleted from onward');
    expect(page.body).toContain('With it go 2 copies and replies about the same email.');
    expect(cases.items.has('c1')).toBe(true);
    expect(Object.keys(messages)).toHaveLength(5);

    const done = await call('POST', formAction(page.body)!);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Deleted');
    // The case, the same email forwarded again, the owner's reply about it: items and raw mail.
    expect([...cases.items.keys()].sort()).toEqual(['c2', 'leaving']);
    expect(Object.keys(messages).sort()).toEqual(['inbound/c2', 'inbound/leaving']);
    expect(log.lines).toContainEqual(JSON.stringify({ event: 'case.deleted', caseId: 'c1', removed: 3 }));
    // Its email is free again: a new forward of it is a new case, not "Already forwarded".
    expect(await cases.claimOriginal('anything', 'c9')).toBe('c9');
    expect((await call('GET', linkFor(deps.signer, 'c1', 'review'))).statusCode).toBe(404);
    expect((await call('POST', linkFor(deps.signer, 'c1', 'delete'))).statusCode).toBe(404);
  });

  it('leaves a case that is being worked on (a letter may be leaving), and says so', async () => {
    const { deps, cases, messages, call } = setup();
    const page = await call('GET', linkFor(deps.signer, 'leaving', 'review'));
    expect(page.body).not.toContain('Delete this case…');
    const answer = await call('POST', linkFor(deps.signer, 'leaving', 'delete'));
    expect(answer.statusCode).toBe(409);
    expect(cases.items.has('leaving')).toBe(true);
    expect(messages['inbound/leaving']).toBe('raw leaving');
  });

  it('cannot be reached from another case’s link or another action’s', async () => {
    const { deps, cases, call } = setup();
    const other = linkFor(deps.signer, 'c2', 'review').replace('.review.', '.delete.');
    expect((await call('POST', other)).statusCode).toBe(403);
    expect(cases.items.has('c2')).toBe(true);
  });
});

describe('"Delete everything"', () => {
  it('is linked from the cases page and asks for the phrase; without it nothing is deleted', async () => {
    const { deps, cases, messages, call, formAction } = setup();
    const list = await call('GET', linkFor(deps.signer, '*', 'cases'));
    const ask = /<a href="([^"]+)">Delete everything…<\/a>/.exec(list.body)?.[1]?.replace(/&amp;/g, '&');
    expect(ask).toBe(linkFor(deps.signer, '*', 'delete-all'));
    const page = await call('GET', ask!);
    expect(page.body).toContain('All 5 cases');
    expect(page.body).toContain('<input id="confirm" name="confirm" type="text" required');
    for (const typed of [{}, { confirm: '' }, { confirm: 'yes' }, { confirm: 'delete' }] as Record<string, string>[]) {
      const answer = await call('POST', formAction(page.body)!, typed);
      expect(answer.statusCode).toBe(422);
      expect(answer.body).toContain('Nothing was deleted');
    }
    expect(cases.items.size).toBe(5);
    expect(Object.keys(messages)).toHaveLength(5);
  });

  it('deletes every case that rests and its raw mail, with the phrase typed (any case, spaces around)', async () => {
    const { deps, cases, messages, call } = setup();
    const answer = await call('POST', linkFor(deps.signer, '*', 'delete-all'), { confirm: '  Delete Everything ' });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('4 cases and their emails are gone from onward. 1 being worked on right now stayed');
    expect([...cases.items.keys()]).toEqual(['leaving']);
    expect(Object.keys(messages)).toEqual(['inbound/leaving']);
  });

  it('forgets what the owner told onward about emails like them; deleting one case does not', async () => {
    const { deps, cases, call, formAction } = setup();
    const said = (caseId: string) =>
      ({ label: 'not_rejection', at: '2026-12-02T10:00:00.000Z', how: 'page', caseId }) as const;
    await cases.labelTemplate('template-of-c1', said('c1'));
    await cases.labelTemplate('template-of-c2', said('c2'));
    const ask = await call('GET', linkFor(deps.signer, 'c1', 'delete'));
    await call('POST', formAction(ask.body)!);
    expect(await cases.templateLabel('template-of-c1')).toEqual(said('c1'));

    const answer = await call('POST', linkFor(deps.signer, '*', 'delete-all'), { confirm: 'delete everything' });
    expect(answer.body).toContain('So is what you told it about emails like them (2).');
    expect(await cases.templateLabel('template-of-c1')).toBeNull();
    expect(await cases.templateLabel('template-of-c2')).toBeNull();
  });
});
