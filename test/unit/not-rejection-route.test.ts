// "Not a rejection" on the review site: a signed POST from the page acts; the same link opened
// (GET, HEAD — mail scanners do) only shows the page. Mail onward was unsure of offers it too.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { linkFor } from '../../lambdas/core/links/index.ts';
import type { WebDeps } from '../../lambdas/web/routes.ts';
import {
  fixedClock,
  memoryCases,
  testSigner,
  webDefaults,
  owner,
  recordingMailer,
  silentLog,
  siteCall,
} from '../support/fakes.ts';

const NOW = Date.parse('2026-12-03T10:00:00.000Z') / 1000;

function setup(record: Partial<Case>) {
  const cases = memoryCases();
  cases.items.set('c1', {
    id: 'c1',
    status: 'AWAITING_APPROVAL',
    receivedAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    original: {
      style: 'attachment',
      from: { name: null, address: 'kim@marlow.example' },
      subject: 'Your interview at Marlow Labs',
      date: null,
      messageId: null,
      references: null,
      excerpt: 'Dear Sam,\n\nThank you for your time.',
    },
    classification: { verdict: 'rejection', confidence: 0.9, kind: 'rejection-after-interview', reasons: [] },
    letter: {
      to: 'kim@marlow.example',
      toName: null,
      subject: 'Re: x',
      body: 'Dear Kim,',
      inReplyTo: null,
      references: null,
    },
    ...record,
  });
  const deps: WebDeps = {
    cases,
    mailer: recordingMailer(),
    clock: fixedClock('2026-12-03T10:00:00.000Z'),
    log: silentLog(),
    owner,
    signer: testSigner(NOW),
    ...webDefaults,
  };
  const call = (method: string, url: string) => siteCall(deps)(method, url, { op: 'not-rejection' });
  return { deps, cases, call };
}

describe('"Not a rejection" on the review site', () => {
  it('is a form on the review page; opening its link changes nothing, a POST discards and labels', async () => {
    const { deps, cases, call } = setup({});
    const review = await call('GET', linkFor(deps.signer, 'c1', 'review'));
    const action = /<form id="not-rejection" method="post" action="([^"]+)">/
      .exec(review.body)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(action).toBeDefined();
    for (const method of ['GET', 'HEAD']) expect((await call(method, action!)).statusCode).toBe(200);
    expect(cases.items.get('c1')).toMatchObject({ status: 'AWAITING_APPROVAL' });
    expect(cases.templates.size).toBe(0);

    const posted = await call('POST', action!);
    expect(posted.statusCode).toBe(303);
    expect(cases.items.get('c1')).toMatchObject({
      status: 'DISCARDED',
      ownerLabel: { label: 'not_rejection', how: 'page' },
    });
    expect(cases.templates.size).toBe(1);
    const after = await call('GET', posted.headers.location!);
    expect(after.body).toContain('The draft is discarded. Nothing was sent.');
    expect(after.body).toContain('You said on 03 Dec 2026 that this email is not a rejection');
    expect(after.body).not.toContain('id="not-rejection"');
    const listed = await call('GET', linkFor(deps.signer, '*', 'cases'));
    expect(listed.body).toContain('discarded<br><small>you said: not a rejection</small>');
    // Pressed again (a double click, a replay): nothing more.
    expect((await call('POST', action!)).statusCode).toBe(303);
    expect(cases.items.get('c1')!.ownerLabel!.at).toBe('2026-12-03T10:00:00.000Z');
  });

  it('is offered beside "Draft a thank-you" for mail onward was unsure of, and leads back there', async () => {
    const { deps, cases, call } = setup({
      status: 'IGNORED',
      reason: 'unsure',
      letter: undefined,
      classification: { verdict: 'unsure', confidence: 0.5, kind: 'weak-signals', reasons: [] },
    });
    const page = await call('GET', linkFor(deps.signer, 'c1', 'draft'));
    expect(page.body).toContain('Draft a thank-you</button>');
    const action =
      /<form method="post" action="([^"]+)"><button class="secondary" type="submit" name="op" value="not-rejection">/
        .exec(page.body)?.[1]
        ?.replace(/&amp;/g, '&');
    const posted = await call('POST', action!);
    expect(posted.headers.location).toContain('.draft.');
    expect(cases.items.get('c1')).toMatchObject({ status: 'IGNORED', ownerLabel: { label: 'not_rejection' } });
    const back = await call('GET', posted.headers.location!);
    expect(back.body).toContain('You said on 03 Dec 2026 that this email is not a rejection');
    expect(back.body).not.toContain('value="not-rejection"');
  });

  it('is not offered for mail onward read as no rejection', async () => {
    const { deps, call } = setup({
      status: 'IGNORED',
      reason: 'not-a-rejection',
      letter: undefined,
      classification: { verdict: 'not_rejection', confidence: 0.9, kind: 'interview-invite', reasons: [] },
    });
    expect((await call('GET', linkFor(deps.signer, 'c1', 'draft'))).body).not.toContain('not-rejection');
    expect((await call('GET', linkFor(deps.signer, 'c1', 'review'))).body).not.toContain('not-rejection');
  });
});
