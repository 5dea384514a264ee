// The follow-up reviewed as the thank-you is: on its page (a GET only shows it, a signed POST
// acts, a link of an earlier round acts on nothing) and by reply to its draft email.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { SINCE_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import { linkFor } from '../../lambdas/core/links/index.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import { followUpCommand } from '../../lambdas/core/reply/index.ts';
import type { WebDeps } from '../../lambdas/web/routes.ts';
import { draftDueFollowUps } from '../../lambdas/workflow/follow-up.ts';
import type { ReceiveDeps } from '../../lambdas/workflow/inbound.ts';
import { receiveMail } from '../../lambdas/workflow/receive-mail.ts';
import {
  fakeLinks,
  fixedClock,
  memoryCases,
  testSigner,
  webDefaults,
  owner,
  parsed,
  recordingMailer,
  silentLog,
  repliesInProcess,
  siteCall,
} from '../support/fakes.ts';

const NOW = '2026-11-26T12:00:00.000Z';
const thankYou = {
  to: 'sandra.ing@grainwood.example',
  toName: 'Sandra Ing',
  subject: 'Re: Your application',
  body: 'Dear Sandra,\n\nThank you for considering me.\n\nSam Rivera',
  inReplyTo: '<orig@grainwood.example>',
  references: '<orig@grainwood.example>',
};

async function setup() {
  const cases = memoryCases();
  const mailer = recordingMailer();
  const log = silentLog();
  cases.items.set('c1', {
    id: 'c1',
    status: 'SENT',
    receivedAt: NOW,
    updatedAt: NOW,
    letter: thankYou,
    sentAt: NOW,
    replyRef: fakeLinks.replyRef('c1'),
    extraction: { company: 'Grainwood', role: 'Backend Engineer' } as Case['extraction'],
    followUp: { status: 'SCHEDULED', round: 1, since: NOW, at: NOW },
  });
  const base = { cases, mailer, log, owner, clock: fixedClock(NOW) };
  await draftDueFollowUps({ ...base, links: fakeLinks, followUpDays: 0 });
  mailer.sent.length = 0;
  const web: WebDeps = {
    ...base,
    signer: testSigner(Date.parse(NOW) / 1000),
    ...webDefaults,
  };
  const call = siteCall(web);
  let next: ParsedMail = parsed();
  const receive: ReceiveDeps = {
    replies: repliesInProcess(() => receive),
    ...base,
    links: fakeLinks,
    maxMessageBytes: 10_000,
    inboundAddress: 'inbox@onward.test',
    rawMail: { read: async () => ({ tooLarge: false, bytes: new Uint8Array([1]) }) },
    parser: { parse: async () => next },
    policy: { allowedSenders: ['me@example.com'], ownAddresses: ['letters@onward.test'], requireDmarcPass: false },
  };
  let n = 0;
  // A reply to the newest draft email of the follow-up: its address names the follow-up as it stands.
  const reply = (
    text: string,
    to = fakeLinks.replyAddress('c1#follow-up-1', cases.items.get('c1')!.followUp!.letter),
  ) => {
    next = parsed({ from: [{ name: null, address: 'me@example.com' }], subject: 'Re: Follow-up draft', text });
    n += 1;
    return receiveMail(receive, {
      messageId: `r${n}`,
      objectKey: `inbound/r${n}`,
      recipients: [to],
      envelope: { source: 'me@example.com', spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY', spf: 'GRAY' },
    });
  };
  // The interviewer's answer, forwarded as an attachment (its References kept).
  const forwardAnswer = (references: string) => {
    next = parsed({
      from: [{ name: null, address: 'me@example.com' }],
      subject: 'Fwd: Re: Your application',
      text: 'fyi',
      attached: parsed({
        messageId: '<answer@grainwood.example>',
        from: [{ name: 'Sandra Ing', address: thankYou.to }],
        subject: 'Re: Your application',
        references,
        text: 'Hi Sam,\n\nThank you for your kind note. We will keep you in mind.\n\nSandra',
      }),
    });
    n += 1;
    return receiveMail(receive, {
      messageId: `a${n}`,
      objectKey: `inbound/a${n}`,
      recipients: ['inbox@onward.test'],
      envelope: { source: 'me@example.com', spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY', spf: 'GRAY' },
    });
  };
  const page = (action: Parameters<typeof linkFor>[2], round = 1) =>
    linkFor(web.signer, `c1#follow-up-${round}`, action);
  const formAction = (html: string, op: string) =>
    new RegExp(
      `value="${op}"[^>]*formaction="([^"]+)"|action="([^"]+)"><div class="actions"><button[^>]*value="${op}"`,
    ).exec(html);
  return {
    cases,
    mailer,
    web,
    call,
    reply,
    forwardAnswer,
    page,
    formAction,
    letter: () => cases.items.get('c1')!.followUp!.letter!,
  };
}

const written = (body: string) => body.replace(SINCE_PLACEHOLDER, 'I have since led a migration to Go.');

describe('the follow-up’s page', () => {
  it('shows the draft; opening any of its links changes nothing; a signed POST sends it once', async () => {
    const { cases, mailer, call, page, letter, web } = await setup();
    const shown = await call('GET', page('follow-up'));
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Follow-up to Grainwood — Backend Engineer');
    expect(shown.body).toContain('Not now');
    expect(shown.body).toContain('Stop follow-ups for this case');
    expect(shown.headers['content-security-policy']).toContain("default-src 'none'");
    for (const action of ['follow-up-send', 'follow-up-stop', 'follow-up-snooze', 'follow-up-again'] as const)
      for (const method of ['GET', 'HEAD']) expect((await call(method, page(action))).statusCode).toBe(200);
    expect(cases.items.get('c1')!.followUp!.status).toBe('AWAITING_APPROVAL');

    const form = { to: letter().to!, subject: letter().subject, body: letter().body };
    const refused = await call('POST', page('follow-up-send'), form);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Write one line about what you have done since');
    expect(mailer.sent).toEqual([]);

    const sent = await call('POST', page('follow-up-send'), { ...form, body: written(form.body) });
    expect(sent.statusCode).toBe(303);
    expect(mailer.sent.map((m) => m.to.address)).toEqual([thankYou.to]);
    const again = await call('POST', page('follow-up-send'), { ...form, body: written(form.body) });
    expect(again.body).toContain('Already sent.');
    expect(mailer.sent).toHaveLength(1);
    expect((await call('GET', sent.headers.location!)).body).toContain('Follow up again');
    // The thank-you's own page says what came next, and links to it.
    const thankYouPage = (await call('GET', linkFor(web.signer, 'c1', 'review'))).body;
    expect(thankYouPage).toMatch(/Next: <a href="[^"]+">follow-up sent 26 Nov 2026<\/a>/);
  });

  it('Not now and Stop are POSTs; Follow up again starts the next round, and round 1’s links act on nothing of it', async () => {
    const { cases, call, page, letter } = await setup();
    expect((await call('POST', page('follow-up-snooze'))).statusCode).toBe(303);
    expect(cases.items.get('c1')!.followUp).toMatchObject({
      status: 'SCHEDULED',
      snoozedUntil: '2026-12-10T12:00:00.000Z',
    });
    expect((await call('POST', page('follow-up-stop'))).statusCode).toBe(303);
    expect(cases.items.get('c1')!.followUp).toMatchObject({ status: 'STOPPED', stopped: 'owner' });
    expect((await call('GET', page('follow-up'))).body).toContain('You stopped follow-ups for this case.');

    const next = await call('POST', page('follow-up-again'));
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toBe(
      linkFor(
        {
          key: Buffer.from('k'.repeat(32)),
          baseUrl: 'https://review.test/',
          ttlSeconds: 3600,
          nowSeconds: () => Date.parse(NOW) / 1000,
        },
        'c1#follow-up-2',
        'follow-up',
      ),
    );
    expect(cases.items.get('c1')!.followUp).toMatchObject({ status: 'SCHEDULED', round: 2 });
    // Round 1's links, replayed: nothing changes.
    expect((await call('POST', page('follow-up-stop'))).statusCode).toBe(409);
    expect((await call('POST', page('follow-up-again'))).statusCode).toBe(409);
    expect(cases.items.get('c1')!.followUp).toMatchObject({ status: 'SCHEDULED', round: 2 });
    expect(letter).toBeDefined();
  });

  it('an expired link keeps what was typed and mails a fresh link to the follow-up, only to the owner', async () => {
    const { mailer, call, web, letter } = await setup();
    const old = linkFor(web.signer, 'c1#follow-up-1', 'follow-up-send', Date.parse(NOW) / 1000 - 1);
    const typed = { to: letter().to!, subject: letter().subject, body: written(letter().body) };
    const expired = await call('POST', old, typed);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('led a migration to Go');
    expect((await call('POST', old, { op: 'refresh' })).statusCode).toBe(200);
    expect(mailer.sent.map((m) => [m.to.address, m.subject])).toEqual([
      [owner.email, 'A fresh onward link: your follow-up'],
    ]);
    const fresh = /Your follow-up: (\S+)/.exec(mailer.sent[0]!.text)![1]!;
    expect((await call('GET', fresh)).body).toContain('Nothing has been sent. Write the marked line');
  });

  it('the cases page shows what comes next for each letter, and one switch stops all follow-ups', async () => {
    const { cases, call, web } = await setup();
    const listed = await call('GET', linkFor(web.signer, '*', 'cases'));
    expect(listed.body).toContain('data-follow-up="AWAITING_APPROVAL"');
    expect(listed.body).toContain('follow-up waiting for you');
    expect(listed.body).toContain('Follow-ups: on');
    const switchUrl = /<form method="post" action="([^"]+)" class="follow-ups">/.exec(listed.body)![1]!;
    // Opened (a scanner): nothing changes.
    await call('GET', switchUrl);
    expect(cases.followUps.on).toBe(true);
    expect((await call('POST', switchUrl, { on: 'false' })).statusCode).toBe(303);
    expect(cases.followUps.on).toBe(false);
    expect((await call('GET', linkFor(web.signer, '*', 'cases'))).body).toContain('Turn follow-ups on');
    cases.items.set('c1', {
      ...cases.items.get('c1')!,
      followUp: { status: 'SCHEDULED', round: 1, since: NOW, at: NOW },
    });
    expect((await call('GET', linkFor(web.signer, '*', 'cases'))).body).toContain('follow-up due 21 Jan 2027');
  });
});

describe('the follow-up by reply', () => {
  it('"send" sends it exactly as its draft email showed it, once', async () => {
    const { cases, mailer, reply, letter } = await setup();
    cases.items.get('c1')!.followUp!.letter = { ...letter(), body: written(letter().body) };
    expect(await reply('send')).toMatchObject({ outcome: 'replied' });
    expect(mailer.sent.map((m) => [m.to.address, m.subject])).toEqual([
      [thankYou.to, thankYou.subject],
      [owner.email, 'Sent: follow-up to Grainwood'],
    ]);
    expect(cases.items.get('c1')!.followUp!.status).toBe('SENT');
    // The thank-you's own reply address still means the thank-you: it is sent, nothing more leaves.
    await reply('send', fakeLinks.replyAddress('c1', thankYou));
    expect(mailer.sent.filter((m) => m.to.address === thankYou.to)).toHaveLength(1);
  });

  it('"send" to an older draft email sends nothing and mails the follow-up as it stands', async () => {
    const { cases, mailer, reply, letter } = await setup();
    const old = fakeLinks.replyAddress('c1#follow-up-1', letter());
    cases.items.get('c1')!.followUp!.letter = { ...letter(), body: written(letter().body) };
    await reply('send', old);
    expect(cases.items.get('c1')!.followUp!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent.map((m) => m.subject)).toEqual([
      'Not sent: follow-up to Grainwood',
      'Follow-up draft: Grainwood — Backend Engineer',
    ]);
  });

  it('a revised letter comes back as a new draft; "not now" and "stop" do as they say', async () => {
    const { cases, mailer, reply } = await setup();
    await reply(
      'Dear Sandra,\n\nI am still keen on Grainwood, and I have since led a migration to Go.\n\nBest,\nSam Rivera',
    );
    expect(cases.items.get('c1')!.followUp!.letter!.body).toContain('led a migration to Go');
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Follow-up draft: Grainwood — Backend Engineer']);
    await reply('Not now');
    expect(cases.items.get('c1')!.followUp).toMatchObject({
      status: 'SCHEDULED',
      snoozedUntil: '2026-12-10T12:00:00.000Z',
    });
    await reply('stop', fakeLinks.replyAddress('c1#follow-up-1'));
    expect(cases.items.get('c1')!.followUp).toMatchObject({ status: 'STOPPED', stopped: 'owner' });
    expect(mailer.sent.filter((m) => m.to.address !== owner.email)).toEqual([]);
  });

  it.each([
    ['not now', 'snooze'],
    ['Not now, thanks!', 'snooze'],
    ['later', 'snooze'],
    ['Stop', 'stop'],
    ['no more follow-ups please', 'stop'],
    ['stop\n\nSam', 'stop'],
    ['send', 'send'],
    ['stop sending me these in June', 'unclear'],
    ['not now but change the greeting', 'unclear'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(followUpCommand(text).kind).toBe(kind);
  });
});

describe('the interviewer’s answer, forwarded', () => {
  it('joins the letter’s case and cancels the follow-up still to come; nothing is drafted or sent', async () => {
    const { cases, mailer, forwardAnswer } = await setup();
    const outcome = await forwardAnswer('<orig@grainwood.example> <onward.c1.letter@onward.test>');
    expect(outcome).toMatchObject({ outcome: 'noticed' });
    const answer = cases.items.get(outcome.caseId)!;
    expect(answer).toMatchObject({ status: 'IGNORED', reason: 'answer', answerOf: 'c1' });
    expect(cases.items.get('c1')!.followUp).toMatchObject({
      status: 'STOPPED',
      stopped: 'answered',
      answeredBy: outcome.caseId,
    });
    expect(mailer.sent.map((m) => [m.to.address, m.subject])).toEqual([
      [owner.email, 'Answer recorded: Grainwood — Backend Engineer'],
    ]);
    expect(mailer.sent[0]!.text).toContain('Sandra Ing answered your letter');
    expect(mailer.sent[0]!.text).toContain('is cancelled');
  });

  it('is recognised by the id SES gave the letter, too', async () => {
    const { cases, forwardAnswer } = await setup();
    cases.items.get('c1')!.sentMessageId = '0102018c-abc';
    const outcome = await forwardAnswer('<0102018c-abc@eu-west-1.amazonses.com>');
    expect(cases.items.get(outcome.caseId)).toMatchObject({ reason: 'answer', answerOf: 'c1' });
  });

  it('is not a letter’s answer when its References name none of onward’s letters: read as any forward', async () => {
    const { cases, forwardAnswer } = await setup();
    const outcome = await forwardAnswer('<orig@grainwood.example> <onward.c2.letter@onward.test>');
    expect(cases.items.get(outcome.caseId)!.reason).not.toBe('answer');
    expect(cases.items.get('c1')!.followUp!.status).toBe('AWAITING_APPROVAL');
  });
});
