import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { DETAIL_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import { MailRejected } from '../../lambdas/workflow/ports.ts';
import { ALL_CASES, linkFor } from '../../lambdas/core/links/index.ts';
import { route } from '../../lambdas/web/routes.ts';
import { discardDraft } from '../../lambdas/workflow/discard.ts';
import { draftAnyway } from '../../lambdas/workflow/draft-anyway.ts';
import { sendFreshLink } from '../../lambdas/workflow/fresh-link.ts';
import type { ReviewDeps } from '../../lambdas/workflow/owner-decisions.ts';
import { recordSentByOwner, sendLetter } from '../../lambdas/workflow/send-letter.ts';
import {
  fakeLinks,
  fixedClock,
  memoryCases,
  webDefaults,
  owner,
  recordingMailer,
  silentLog,
} from '../support/fakes.ts';

const letter = {
  to: 'sandra.ing@grainwood.example',
  toName: 'Sandra Ing',
  subject: 'Re: Your application',
  body: `Dear Sandra Ing,\n\nThank you.\n\n${DETAIL_PLACEHOLDER}\n\nAgain, thank you!\n\nSam Rivera`,
  inReplyTo: '<orig@grainwood.example>',
  references: '<orig@grainwood.example>',
};

function setup(status: Case['status'] = 'AWAITING_APPROVAL') {
  const cases = memoryCases();
  cases.items.set('c1', {
    id: 'c1',
    status,
    receivedAt: '2026-11-26T10:00:00Z',
    updatedAt: '2026-11-26T10:00:00Z',
    letter,
  });
  const mailer = recordingMailer();
  const deps: ReviewDeps = { cases, mailer, clock: fixedClock(), log: silentLog(), owner };
  return { deps, cases, mailer };
}

const edits = { to: letter.to, subject: letter.subject, body: letter.body, detail: 'the tour of your office' };

describe('sending the letter', () => {
  it('refuses a letter that greets one person and goes to another', async () => {
    const { deps, mailer } = setup();
    const result = await sendLetter(deps, 'c1', { ...edits, to: 'david.chen@grainwood.example' });
    expect(result).toMatchObject({
      outcome: 'invalid',
      problems: [
        'The letter greets Sandra Ing but now goes to david.chen@grainwood.example: change the greeting, or send it to sandra.ing@grainwood.example.',
      ],
    });
    expect(mailer.sent).toHaveLength(0);
    const regreeted = await sendLetter(deps, 'c1', {
      ...edits,
      to: 'david.chen@grainwood.example',
      body: edits.body.replace('Dear Sandra Ing,', 'Dear David Chen,'),
    });
    expect(regreeted.outcome).toBe('sent');
    expect(mailer.sent[0]!.to).toEqual({ name: null, address: 'david.chen@grainwood.example' });
  });

  it('takes an address typed as a mail client shows it, "Name <address>", and sends to that person by name', async () => {
    const { deps, mailer } = setup();
    const body = edits.body.replace('Dear Sandra Ing,', 'Dear David Chen,');
    expect(
      (await sendLetter(deps, 'c1', { ...edits, body, to: '  "Chen, David" <david.chen@grainwood.example> ' })).outcome,
    ).toBe('sent');
    expect(mailer.sent[0]!.to).toEqual({ name: 'Chen, David', address: 'david.chen@grainwood.example' });
  });

  it('drops invisible characters copied along with an address', async () => {
    const { deps, mailer } = setup();
    expect((await sendLetter(deps, 'c1', { ...edits, to: 'sandra.ing@grainwood.example\u200b' })).outcome).toBe('sent');
    expect(mailer.sent[0]!.to.address).toBe('sandra.ing@grainwood.example');
  });

  it('knows the greeted person typed by name at a new address, and refuses two addresses or a bare name', async () => {
    const { deps, mailer } = setup();
    for (const to of [
      'david@grainwood.example, sandra.ing@grainwood.example',
      'Sandra Ing',
      'Sandra <not an address>',
    ]) {
      const result = await sendLetter(deps, 'c1', { ...edits, to });
      expect(result).toMatchObject({
        outcome: 'invalid',
        problems: [expect.stringContaining(`“${to}” is not an email address`)],
      });
    }
    expect(mailer.sent).toHaveLength(0);
    expect((await sendLetter(deps, 'c1', { ...edits, to: 'Sandra Ing <zz77@gmail.example>' })).outcome).toBe('sent');
    expect(mailer.sent[0]!.to).toEqual({ name: 'Sandra Ing', address: 'zz77@gmail.example' });
  });

  it('lets the owner correct the same person’s address', async () => {
    const { deps } = setup();
    expect((await sendLetter(deps, 'c1', { ...edits, to: 'sandra.ing@grainwood-hr.example' })).outcome).toBe('sent');
  });

  it('sends exactly what the owner approved, from the owner, threaded', async () => {
    const { deps, cases, mailer } = setup();
    const result = await sendLetter(deps, 'c1', edits);
    expect(result.outcome).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    const sent = mailer.sent[0]!;
    expect(sent).toMatchObject({
      from: { name: 'Sam Rivera', address: 'letters@onward.test' },
      replyTo: 'me@example.com',
      to: { address: 'sandra.ing@grainwood.example' },
      inReplyTo: '<orig@grainwood.example>',
      // The owner's copy: the same message, threaded with the rejection in their own mailbox.
      bcc: 'me@example.com',
    });
    expect(sent.text).toContain('I especially liked the tour of your office.');
    expect(sent.text).not.toContain(DETAIL_PLACEHOLDER);
    expect(cases.items.get('c1')).toMatchObject({
      status: 'SENT',
      sentAt: '2026-11-26T12:00:00.000Z',
      sentMessageId: 'ses-1',
    });
  });

  it('sends once however often Send is pressed, even ten times at once', async () => {
    const { deps, mailer } = setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => sendLetter(deps, 'c1', edits)));
    expect(mailer.sent).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'sent')).toHaveLength(1);
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('already-sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('refuses to send with the detail slot unfilled, a bad address or an empty body', async () => {
    const { deps, mailer, cases } = setup();
    const result = await sendLetter(deps, 'c1', {
      ...edits,
      detail: '',
      to: 'not-an-address',
      body: `${DETAIL_PLACEHOLDER}`,
    });
    expect(result.outcome).toBe('invalid');
    if (result.outcome === 'invalid') expect(result.problems).toHaveLength(2);
    expect(mailer.sent).toHaveLength(0);
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
  });

  it('sends a detail reshaped into a sentence only after the owner has seen it in the letter', async () => {
    const { deps, mailer } = setup();
    const first = await sendLetter(deps, 'c1', { ...edits, detail: 'the whiteboard exercise was fun' });
    expect(first.outcome).toBe('check');
    expect(mailer.sent).toHaveLength(0);
    const shown = first.outcome === 'check' ? first.record.letter!.body : '';
    expect(shown).toContain('The whiteboard exercise was fun.');
    expect((await sendLetter(deps, 'c1', { ...edits, body: shown, detail: '' })).outcome).toBe('sent');
    expect(mailer.sent[0]!.text).toBe(shown);
  });

  it('refuses a marked paragraph half rewritten, its instructions still in the letter', async () => {
    const { deps, mailer } = setup();
    const half = edits.body.replace(
      'write one true detail here, or delete this paragraph.',
      'the robotics demo was great.',
    );
    const result = await sendLetter(deps, 'c1', { ...edits, body: half, detail: '' });
    expect(result).toMatchObject({
      outcome: 'invalid',
      problems: [expect.stringContaining('Part of the marked paragraph’s instructions is still in the letter')],
    });
    expect(mailer.sent).toHaveLength(0);
  });

  it('sends when the owner deleted the detail paragraph instead', async () => {
    const { deps, mailer } = setup();
    const body = letter.body.replace(`${DETAIL_PLACEHOLDER}\n\n`, '');
    expect((await sendLetter(deps, 'c1', { ...edits, body, detail: '' })).outcome).toBe('sent');
    expect(mailer.sent[0]!.text).toBe(body);
  });

  it('parks a refused letter as SEND_FAILED, and lets the owner retry', async () => {
    const { deps, mailer, cases } = setup();
    mailer.failWith = new MailRejected('MessageRejected', 'Email address is not verified.');
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('failed');
    expect(cases.items.get('c1')).toMatchObject({
      status: 'SEND_FAILED',
      failure: 'MessageRejected: Email address is not verified.',
    });
    mailer.failWith = undefined;
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('sent');
    expect(cases.items.get('c1')!.failure).toBeUndefined();
  });

  it('parks a letter that may have left as SEND_UNKNOWN and never resends it', async () => {
    const { deps, mailer, cases } = setup();
    mailer.failWith = new Error('socket hang up');
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('unknown');
    mailer.failWith = undefined;
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('not-sendable');
    expect(mailer.sent).toHaveLength(0);
    expect(cases.items.get('c1')!.status).toBe('SEND_UNKNOWN');
  });
});

describe('a fresh link', () => {
  it('for mail set aside leads to drafting it anyway, for a letter to its review, for the cases link to the cases', async () => {
    const { deps, cases, mailer } = setup();
    cases.items.set('i1', {
      id: 'i1',
      status: 'IGNORED',
      reason: 'unsure',
      receivedAt: '2026-11-26T10:00:00Z',
      updatedAt: '2026-11-26T10:00:00Z',
    });
    const links = { ...fakeLinks };
    await sendFreshLink({ ...deps, links }, 'i1');
    await sendFreshLink({ ...deps, links }, 'c1');
    await sendFreshLink({ ...deps, links }, ALL_CASES);
    expect(mailer.sent.map((m) => m.to.address)).toEqual(['me@example.com', 'me@example.com', 'me@example.com']);
    expect(mailer.sent[0]!.text).toContain('Draft a thank-you for it here: https://review.test/t/draft-i1');
    expect(mailer.sent[1]!.text).toContain('Review this case here: https://review.test/t/review-c1');
    expect(mailer.sent[2]!.text).toContain('All your cases: https://review.test/t/cases');
  });
});

describe('other decisions', () => {
  it('discards a draft, after which Send does nothing', async () => {
    const { deps, mailer } = setup();
    expect((await discardDraft(deps, 'c1')).outcome).toBe('done');
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('not-sendable');
    expect(mailer.sent).toHaveLength(0);
  });

  it('drafts anyway only for mail set aside as not (surely) a rejection', async () => {
    const { deps, cases } = setup('IGNORED');
    const base = cases.items.get('c1')!;
    const extraction = {
      company: 'Lumenfield',
      role: null,
      department: null,
      contactName: null,
      contactEmail: null,
      agency: null,
      stage: null,
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
    cases.items.set('c1', { ...base, letter: undefined, reason: 'not-allowed', extraction, original });
    expect((await draftAnyway(deps, 'c1')).outcome).toBe('unchanged');
    cases.items.set('c1', { ...base, letter: undefined, reason: 'not-a-rejection', extraction, original });
    const done = await draftAnyway(deps, 'c1');
    expect(done.outcome).toBe('done');
    expect(cases.items.get('c1')).toMatchObject({
      status: 'AWAITING_APPROVAL',
      letter: { subject: 'Re: Next steps', inReplyTo: '<x@y>' },
    });
  });
});

describe('the detail the owner typed', () => {
  it('is never dropped: with no marked paragraph left to fill, Send says so', async () => {
    const { deps, mailer } = setup();
    const body = letter.body.replace(`${DETAIL_PLACEHOLDER}\n\n`, '');
    const result = await sendLetter(deps, 'c1', { ...edits, body, detail: 'the tour' });
    expect(result.outcome).toBe('invalid');
    if (result.outcome === 'invalid') expect(result.problems.join(' ')).toContain('no place in the letter');
    expect(mailer.sent).toHaveLength(0);
  });
});

describe('a letter far too long', () => {
  it('is refused in characters, whatever the script, with the text kept for the page', async () => {
    const { deps, mailer } = setup();
    const cyrillic = 'Ж'.repeat(14_410);
    expect(
      (await sendLetter(deps, 'c1', { ...edits, body: `Dear Sandra Ing,\n\n${cyrillic}\n\nSam Rivera`, detail: '' }))
        .outcome,
    ).toBe('sent');
    const { deps: deps2 } = setup();
    const long = await sendLetter(deps2, 'c1', {
      ...edits,
      body: `Dear Sandra Ing,\n\n${'x'.repeat(20_001)}`,
      detail: '',
    });
    expect(long).toMatchObject({
      outcome: 'invalid',
      problems: ['The letter is 20,019 characters long; a letter can be up to 20,000.'],
    });
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('the owner sends a refused letter from their own mail', () => {
  it('records it as SENT, by the owner, once; onward sends nothing', async () => {
    const { deps, cases, mailer } = setup('SEND_FAILED');
    const result = await recordSentByOwner(deps, 'c1');
    expect(result).toMatchObject({ outcome: 'recorded', record: { status: 'SENT', sentBy: 'owner' } });
    expect(cases.items.get('c1')!.sentAt).toBe('2026-11-26T12:00:00.000Z');
    expect((await recordSentByOwner(deps, 'c1')).outcome).toBe('already-sent');
    expect(mailer.sent).toEqual([]);
    // And Send does nothing more.
    expect((await sendLetter(deps, 'c1', edits)).outcome).toBe('already-sent');
  });

  it('says a case that is gone is gone, and logs who sent a letter it records', async () => {
    const log = silentLog();
    const deps = { ...setup('SEND_FAILED').deps, log };
    expect(await recordSentByOwner(deps, 'nope')).toEqual({ outcome: 'missing' });
    await recordSentByOwner(deps, 'c1');
    expect(log.lines).toEqual(['{"event":"letter.sent-by-owner","caseId":"c1"}']);
  });

  it('answers a record that lost a race by what the letter became meanwhile', async () => {
    for (const [meanwhile, outcome] of [
      ['SENT', 'already-sent'],
      ['DISCARDED', 'not-refused'],
      [null, 'missing'],
    ] as const) {
      const { deps, cases } = setup('SEND_FAILED');
      const transition = cases.transition.bind(cases);
      // Another tab records it, discards it, or deletes the case between the read and the write.
      cases.transition = async (...args) => {
        if (meanwhile) cases.items.set('c1', { ...cases.items.get('c1')!, status: meanwhile });
        else cases.items.delete('c1');
        return transition(...args);
      };
      const result = await recordSentByOwner(deps, 'c1');
      expect(result.outcome).toBe(outcome);
      if (meanwhile) expect(result).toMatchObject({ record: { status: meanwhile } });
    }
  });

  it.each(['AWAITING_APPROVAL', 'SENDING', 'SEND_UNKNOWN', 'DISCARDED'] as const)(
    'refuses to record a letter in %s: only one SES refused is the owner’s to send',
    async (status) => {
      const { deps, cases } = setup(status);
      expect((await recordSentByOwner(deps, 'c1')).outcome).toBe('not-refused');
      expect(cases.items.get('c1')!.status).toBe(status);
    },
  );
});

describe('"I sent it myself" on the review site', () => {
  const signer = {
    key: Buffer.from('a signing key of at least 32 bytes!'),
    baseUrl: 'https://review.test/',
    ttlSeconds: 3600,
    nowSeconds: () => Math.floor(Date.parse('2026-11-26T12:00:00Z') / 1000),
  };
  const request = (method: string, action: 'sent-myself' | 'review') => ({
    method,
    path: new URL(linkFor(signer, 'c1', action)).pathname,
    query: new URLSearchParams(),
    headers: { host: 'review.test' },
    form: new URLSearchParams({ op: 'sent-myself' }),
  });

  it('a POST from the page records it; a GET (a mail scanner) changes nothing', async () => {
    const { deps, cases } = setup('SEND_FAILED');
    const web = { ...deps, cases, signer, ...webDefaults };
    expect((await route(web, request('GET', 'sent-myself'))).statusCode).toBe(200);
    expect(cases.items.get('c1')!.status).toBe('SEND_FAILED');
    const posted = await route(web, request('POST', 'sent-myself'));
    expect(posted.statusCode).toBe(303);
    expect(cases.items.get('c1')).toMatchObject({ status: 'SENT', sentBy: 'owner' });
    expect((await route(web, request('GET', 'review'))).body).toContain('Sent by you.');
  });

  it('a token for another action cannot record it', async () => {
    const { deps, cases } = setup('SEND_FAILED');
    const web = { ...deps, cases, signer, ...webDefaults };
    await route(web, request('POST', 'review'));
    expect(cases.items.get('c1')!.status).toBe('SEND_FAILED');
  });
});
