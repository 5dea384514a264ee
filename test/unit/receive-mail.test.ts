import { describe, expect, it } from 'vitest';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import { draftAnyway } from '../../lambdas/workflow/draft-anyway.ts';
import { reviveDraft } from '../../lambdas/workflow/revive.ts';
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

const REJECTION = `Dear Sam,

Thank you for taking the time to interview for the Administrative Assistant position in our Sales Department.
After careful consideration, we have decided to move forward with another candidate for this role.

Best regards,
Sandra Ing
Sales Director
Grainwood, Inc.`;

const INVITE = `Hi Sam,

Thanks for applying for the Project Coordinator role. We would like to invite you to a 30-minute video interview.
Could you share a few times that work for you next week?

Priya`;

function recruiterMail(text: string): ParsedMail {
  return parsed({
    messageId: '<orig@grainwood.example>',
    from: [{ name: 'Sandra Ing', address: 'sandra.ing@grainwood.example' }],
    subject: 'Your application for Administrative Assistant',
    text,
  });
}

/** The owner's forward of a recruiter's mail, as an attachment. */
const forwarded = (text: string) =>
  parsed({ subject: 'Fwd: Your application', text: 'fyi', attached: recruiterMail(text) });

function setup(mail: ParsedMail, raw = 'raw message') {
  const cases = memoryCases();
  const mailer = recordingMailer();
  let parses = 0;
  const deps: ReceiveDeps = {
    replies: repliesInProcess(() => deps),
    cases,
    rawMail: rawStore({ 'inbound/m1': raw }),
    parser: {
      parse: async () => {
        parses++;
        return structuredClone(mail);
      },
    },
    mailer,
    links: fakeLinks,
    clock: fixedClock(),
    log: silentLog(),
    owner,
    policy: { allowedSenders: ['me@example.com'], ownAddresses: ['letters@onward.test'], requireDmarcPass: false },
    maxMessageBytes: 1000,
    inboundAddress: 'inbox@onward.test',
  };
  return { deps, cases, mailer, parses: () => parses };
}

const event = {
  messageId: 'm1',
  objectKey: 'inbound/m1',
  envelope: { source: 'me@example.com', spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY', spf: 'GRAY' } as const,
  recipients: ['inbox@onward.test'],
};

describe('receiving a forwarded rejection', () => {
  it('records the case, drafts a threaded letter and emails the draft to the owner', async () => {
    const { deps, cases, mailer } = setup(forwarded(REJECTION));
    expect(await receiveMail(deps, event)).toEqual({ outcome: 'drafted', caseId: 'm1' });
    const record = cases.items.get('m1')!;
    expect(record.status).toBe('AWAITING_APPROVAL');
    expect(record.letter).toMatchObject({
      to: 'sandra.ing@grainwood.example',
      subject: 'Re: Your application for Administrative Assistant',
      inReplyTo: '<orig@grainwood.example>',
    });
    expect(record.letter!.body).toContain('Sam Rivera');
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      to: { address: 'me@example.com' },
      automatic: true,
      replyTo: fakeLinks.replyAddress('m1', cases.items.get('m1')!.letter),
    });
    expect(mailer.sent[0]!.text).toContain('https://review.test/t/review-m1');
    expect(mailer.sent[0]!.text).toContain(record.letter!.body);
    expect(mailer.sent[0]!.text).not.toContain('greets');
  });

  it('writes the letter in the owner’s voice: greeting, closing, name and signature as set', async () => {
    const { deps, cases } = setup(forwarded(REJECTION));
    deps.owner = {
      ...owner,
      voice: { greeting: 'formal', closing: 'With thanks once more,', signOff: 'Sam R.', signature: ['Data Analyst'] },
    };
    await receiveMail(deps, event);
    const body = cases.items.get('m1')!.letter!.body;
    expect(body).toMatch(/^Dear Sandra Ing,/);
    expect(body).toMatch(/\n\nWith thanks once more,\n\nSam R\.\nData Analyst$/);
  });

  it('warns when the rejection greets someone other than the owner', async () => {
    const { deps, mailer } = setup(forwarded(REJECTION.replace('Dear Sam,', 'Dear Alex,')));
    expect(await receiveMail(deps, event)).toEqual({ outcome: 'drafted', caseId: 'm1' });
    expect(mailer.sent[0]!.text).toContain(
      'Note: This email greets “Alex”, not you (Sam Rivera): check it was meant for you before sending a letter.',
    );
  });

  it('converges on one case and one draft email when the event is replayed, in sequence and at once', async () => {
    const { deps, cases, mailer } = setup(forwarded(REJECTION));
    await Promise.all([1, 2, 3, 4, 5].map(() => receiveMail(deps, event)));
    for (let i = 0; i < 5; i += 1) await receiveMail(deps, event);
    expect(cases.items.size).toBe(1);
    expect(mailer.sent).toHaveLength(1);
  });

  it('resumes after a crash between drafting and emailing the draft', async () => {
    const { deps, cases, mailer } = setup(forwarded(REJECTION));
    mailer.failWith = new Error('network down');
    await expect(receiveMail(deps, event)).rejects.toThrow('network down');
    expect(cases.items.get('m1')!.status).toBe('DRAFTED');
    mailer.failWith = undefined;
    expect(await receiveMail(deps, event)).toMatchObject({ outcome: 'drafted' });
    expect(cases.items.get('m1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('the same rejection forwarded twice', () => {
  const again = { ...event, messageId: 'm2', objectKey: 'inbound/m1' };

  it('drafts no second letter while the first is waiting or sent, and points the owner to it', async () => {
    const { deps, cases, mailer } = setup(forwarded(REJECTION));
    await receiveMail(deps, event);
    expect(await receiveMail(deps, again)).toEqual({ outcome: 'ignored', caseId: 'm2', reason: 'duplicate' });
    expect(cases.items.get('m2')).toMatchObject({ status: 'IGNORED', reason: 'duplicate', ownerNotified: true });
    expect(cases.items.get('m2')!.letter).toBeUndefined();
    expect(mailer.sent).toHaveLength(2);
    expect(mailer.sent[1]).toMatchObject({
      to: { address: 'me@example.com' },
      subject: 'Already forwarded: Your application for Administrative Assistant',
    });
    expect(mailer.sent[1]!.text).toContain('Its thank-you letter is still waiting for you');
    expect(mailer.sent[1]!.text).toContain('https://review.test/t/review-m1');

    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'SENT', sentAt: '2026-11-25T09:00:00.000Z' });
    await receiveMail(deps, { ...again, messageId: 'm3' });
    expect(mailer.sent[2]!.text).toContain(
      'Its thank-you letter was already sent to sandra.ing@grainwood.example on Wed, 25 Nov 2026, 09:00 UTC.',
    );
  });

  // A letter that may have left must never get a twin, nor a revived draft beside a new one.
  it('counts a letter discarded after a send that may have gone through, and revives no draft beside a newer one', async () => {
    const { deps, cases, mailer } = setup(forwarded(REJECTION));
    await receiveMail(deps, event);
    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'DISCARDED', discardedFrom: 'SEND_UNKNOWN' });
    expect(await receiveMail(deps, again)).toMatchObject({ reason: 'duplicate' });

    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'DISCARDED', discardedFrom: 'AWAITING_APPROVAL' });
    expect(await receiveMail(deps, { ...again, messageId: 'm3' })).toMatchObject({ outcome: 'drafted' });
    expect(await reviveDraft(deps, 'm1')).toMatchObject({ heldBy: { id: 'm3' } });
    expect(cases.items.get('m1')!.status).toBe('DISCARDED');
    expect(mailer.sent.filter((m) => m.subject.startsWith('Draft thank-you'))).toHaveLength(2);
  });

  // One email is one letter, however it is forwarded and however often it is drafted anyway.
  it('knows an email forwarded attached and then inline, and drafts no second letter "anyway"', async () => {
    const { deps, cases } = setup(forwarded(REJECTION));
    await receiveMail(deps, event);
    const inline = parsed({
      subject: 'Fwd: Your application for Administrative Assistant',
      text: `FYI\n\n---------- Forwarded message ---------\nFrom: Sandra Ing <sandra.ing@grainwood.example>\nDate: Tue, 24 Nov 2026 at 15:02\nSubject: Your application for Administrative Assistant\nTo: <me@example.com>\n\n\n${REJECTION}`,
    });
    deps.parser = { parse: async () => structuredClone(inline) };
    expect(await receiveMail(deps, again)).toMatchObject({ reason: 'duplicate' });

    const invite = setup(forwarded(INVITE));
    await receiveMail(invite.deps, event);
    await receiveMail(invite.deps, again);
    expect((await draftAnyway(invite.deps, 'm1')).outcome).toBe('done');
    expect(await draftAnyway(invite.deps, 'm2')).toMatchObject({ outcome: 'held', record: { id: 'm1' } });
    expect(invite.cases.items.get('m2')!.status).toBe('IGNORED');
    void cases;
  });

  it('makes one letter of two forwards of one email handled at the same moment', async () => {
    const { deps, cases } = setup(forwarded(REJECTION));
    await receiveMail(deps, event);
    // The first forward has claimed the email and is still drafting its letter.
    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'RECEIVED' });
    expect(await receiveMail(deps, again)).toMatchObject({ reason: 'duplicate' });
  });

  it('tells two emails of one template apart by their Message-IDs: two applications, two letters', async () => {
    const { deps } = setup(forwarded(REJECTION));
    await receiveMail(deps, event);
    const other = parsed({
      subject: 'Fwd: Your application',
      text: 'fyi',
      attached: { ...recruiterMail(REJECTION), messageId: '<another@grainwood.example>' },
    });
    deps.parser = { parse: async () => structuredClone(other) };
    expect(await receiveMail(deps, again)).toMatchObject({ outcome: 'drafted' });
  });

  it('sends "Already forwarded" again, not another notice, after a crash before it left', async () => {
    const { deps, cases, mailer } = setup(forwarded(REJECTION));
    await receiveMail(deps, event);
    mailer.failWith = new Error('network down');
    await expect(receiveMail(deps, again)).rejects.toThrow('network down');
    expect(cases.items.get('m2')).toMatchObject({ status: 'IGNORED', reason: 'duplicate', ownerNotified: false });
    mailer.failWith = undefined;
    expect(await receiveMail(deps, again)).toMatchObject({ reason: 'duplicate' });
    expect(mailer.sent.at(-1)!.subject).toBe('Already forwarded: Your application for Administrative Assistant');
    expect(cases.items.get('m2')!.ownerNotified).toBe(true);
  });

  it('tells an inline forward of the same email by sender, subject and text, and drafts again after a discard', async () => {
    const inline = parsed({
      subject: 'Fwd: Your application for Administrative Assistant',
      text: `FYI\n\n---------- Forwarded message ---------\nFrom: Sandra Ing <sandra.ing@grainwood.example>\nDate: Tue, 24 Nov 2026 at 15:02\nSubject: Your application for Administrative Assistant\nTo: <me@example.com>\n\n\n${REJECTION}`,
    });
    const { deps, cases } = setup(inline);
    await receiveMail(deps, event);
    expect(await receiveMail(deps, again)).toMatchObject({ reason: 'duplicate' });
    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'DISCARDED' });
    expect(await receiveMail(deps, { ...again, messageId: 'm3' })).toMatchObject({ outcome: 'drafted' });
  });
});

describe('mail that gets no letter', () => {
  it('tells the owner what a non-rejection looked like, with a draft-anyway link, once', async () => {
    const { deps, cases, mailer } = setup(forwarded(INVITE));
    expect(await receiveMail(deps, event)).toMatchObject({ outcome: 'noticed' });
    await receiveMail(deps, event);
    const record = cases.items.get('m1')!;
    expect(record).toMatchObject({ status: 'IGNORED', ownerNotified: true });
    expect(['not-a-rejection', 'unsure']).toContain(record.reason);
    expect(record.letter).toBeUndefined();
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain('https://review.test/t/draft-m1');
  });

  it('drafts nothing for onward’s own draft email forwarded back to it, and tells the owner how to send instead', async () => {
    const draftEmail = parsed({
      from: [{ name: 'onward', address: 'letters@onward.test' }],
      subject: 'Draft thank-you: Grainwood',
      text: `onward drafted a thank-you letter.\n\n${REJECTION}`,
    });
    const { deps, cases, mailer } = setup(
      parsed({ subject: 'Fwd: Draft thank-you: Grainwood', text: 'send', attached: draftEmail }),
    );
    expect(await receiveMail(deps, event)).toMatchObject({ outcome: 'ignored', reason: 'own-mail' });
    expect(cases.items.get('m1')!.letter).toBeUndefined();
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      to: { address: 'me@example.com' },
      subject: 'Nothing done: you forwarded onward’s own email',
    });
    expect(mailer.sent[0]!.text).toContain('reply "send" to the draft email itself');
  });

  it('records mail from someone not allowed, and answers nobody', async () => {
    const { deps, cases, mailer } = setup(recruiterMail(REJECTION));
    const stranger = { ...event, envelope: { ...event.envelope, source: 'sandra.ing@grainwood.example' } };
    expect(await receiveMail(deps, stranger)).toMatchObject({ outcome: 'ignored', reason: 'not-allowed' });
    expect(cases.items.get('m1')).toMatchObject({ status: 'IGNORED', reason: 'not-allowed' });
    expect(mailer.sent).toHaveLength(0);
  });

  it('records mail for any other address at the inbound domain, unread', async () => {
    const { deps, cases, mailer, parses } = setup(forwarded(REJECTION));
    expect(await receiveMail(deps, { ...event, recipients: ['letters@onward.test'] })).toMatchObject({
      outcome: 'ignored',
      reason: 'not-for-onward',
    });
    expect(parses()).toBe(0);
    expect(cases.items.get('m1')!.expiresAt).toBe(
      Math.floor(Date.parse('2026-11-26T12:00:00.000Z') / 1000) + 30 * 24 * 3600,
    );
    expect(mailer.sent).toHaveLength(0);
  });

  it('handles an auto-forwarded ATS mail even when the ATS marked it Auto-Submitted', async () => {
    const ats = {
      ...recruiterMail(REJECTION),
      headers: [
        { name: 'auto-submitted', value: 'auto-generated' },
        { name: 'x-forwarded-for', value: 'me@example.com inbox@onward.test' },
      ],
    };
    const { deps, mailer } = setup(ats);
    expect(await receiveMail(deps, event)).toMatchObject({ outcome: 'drafted' });
    expect(mailer.sent).toHaveLength(1);
  });

  it('refuses an oversized message before parsing it', async () => {
    const { deps, cases, parses } = setup(forwarded(REJECTION), 'x'.repeat(1001));
    expect(await receiveMail(deps, event)).toMatchObject({ outcome: 'ignored', reason: 'too-large' });
    expect(parses()).toBe(0);
    expect(cases.items.get('m1')!.status).toBe('IGNORED');
  });

  it('records unreadable and empty mail', async () => {
    const broken = setup(forwarded(REJECTION));
    broken.deps.parser = {
      parse: async () => {
        throw new Error('bad MIME');
      },
    };
    expect(await receiveMail(broken.deps, event)).toMatchObject({ reason: 'unreadable' });
    const empty = setup(forwarded(REJECTION), '');
    expect(await receiveMail(empty.deps, event)).toMatchObject({ reason: 'empty' });
  });
});

describe("Gmail's forwarding confirmation", () => {
  const confirmation = parsed({
    from: [{ name: 'Gmail Team', address: 'forwarding-noreply@google.com' }],
    subject: '(#123456789) Gmail Forwarding Confirmation - Receive Mail from me@gmail.com',
    text: 'me@gmail.com has requested to automatically forward mail to your email address inbox@onward.test.\nConfirmation code: 123456789\nTo allow me@gmail.com to automatically forward mail to your address, please click the link below to confirm the request:\nhttps://mail-settings.google.com/mail/vf-xyz',
  });

  it('is passed on to the owner, not classified', async () => {
    const { deps, cases, mailer } = setup(confirmation);
    const googleEnvelope = { ...event, envelope: { ...event.envelope, source: 'forwarding-noreply@google.com' } };
    expect(await receiveMail(deps, googleEnvelope)).toMatchObject({
      outcome: 'ignored',
      reason: 'forwarding-confirmation',
    });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.address).toBe('me@example.com');
    expect(mailer.sent[0]!.text).toContain('Confirmation code: 123456789');
    expect(cases.items.get('m1')!.classification).toBeUndefined();
  });

  it('is never relayed as Google’s when someone else writes that subject, or when SES found spam or a virus', async () => {
    const forged = { ...confirmation, from: [{ name: 'Gmail Team', address: 'mallory@evil.test' }] };
    const stranger = setup(forged);
    const strangerEnvelope = { ...event, envelope: { ...event.envelope, source: 'mallory@evil.test' } };
    expect(await receiveMail(stranger.deps, strangerEnvelope)).toMatchObject({ reason: 'not-allowed' });
    expect(stranger.mailer.sent).toHaveLength(0);
    for (const verdict of [{ spam: 'FAIL' }, { virus: 'FAIL' }] as const) {
      const { deps, mailer } = setup(confirmation);
      const envelope = { ...event.envelope, source: 'forwarding-noreply@google.com', ...verdict };
      expect(await receiveMail(deps, { ...event, envelope })).toMatchObject({ outcome: 'ignored' });
      expect(mailer.sent).toHaveLength(0);
    }
  });

  it('needs DMARC where verdicts exist', async () => {
    const { deps, mailer } = setup(confirmation);
    deps.policy = { ...deps.policy, requireDmarcPass: true };
    expect(await receiveMail(deps, { ...event, envelope: { ...event.envelope, dmarc: 'FAIL' } })).toMatchObject({
      outcome: 'ignored',
    });
    expect(mailer.sent).toHaveLength(0);
  });
});

describe('the person to thank', () => {
  it('is never the owner, even when a forward could not be unwrapped', async () => {
    const plain = parsed({
      from: [{ name: 'Sam Rivera', address: 'me@example.com' }],
      subject: 'Fwd: x',
      text: REJECTION,
    });
    const { deps, cases } = setup(plain);
    expect(await receiveMail(deps, event)).toMatchObject({ outcome: 'drafted' });
    const record = cases.items.get('m1')!;
    expect(record.letter!.to).not.toBe('me@example.com');
    expect(record.extraction!.candidates.map((c) => c.address)).not.toContain('me@example.com');
  });
});

describe('a rejection no letter is suggested for', () => {
  // Automatic, after the application alone, from a no-reply address, signed by nobody, offering
  // only what every form letter offers.
  const FORM = `Dear Sam,

Thank you for your application for the Data Analyst position at Northwind. After reviewing your application, we have decided not to move forward.

We encourage you to apply for future openings on our careers site.

Northwind Talent Acquisition`;
  const formMail = (text: string) =>
    parsed({
      subject: 'Fwd: Your application',
      text: 'fyi',
      attached: parsed({
        messageId: '<auto@northwind.example>',
        from: [{ name: 'Northwind Careers', address: 'no-reply@northwind.example' }],
        subject: 'Your application to Northwind',
        text,
      }),
    });

  it('is recorded, and the owner hears why, with “Write one anyway”', async () => {
    const { deps, cases, mailer } = setup(formMail(FORM));
    expect(await receiveMail(deps, event)).toEqual({ outcome: 'noticed', caseId: 'm1' });
    expect(cases.items.get('m1')).toMatchObject({
      status: 'IGNORED',
      reason: 'no-letter-suggested',
      ownerNotified: true,
    });
    expect(cases.items.get('m1')!.letter).toBeUndefined();
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toMatch(
      /^Recorded\. No letter suggested: an automatic rejection after the application alone/,
    );
    expect(mailer.sent[0]!.text).toContain('Write one anyway: https://review.test/t/draft-m1');
  });

  it('forwarded again, is “Already forwarded”, pointing where one can still be written', async () => {
    const { deps, cases, mailer } = setup(formMail(FORM));
    await receiveMail(deps, event);
    const again = { ...event, messageId: 'm2' };
    expect(await receiveMail(deps, again)).toEqual({ outcome: 'ignored', caseId: 'm2', reason: 'duplicate' });
    expect(mailer.sent[1]!.subject).toBe('Already forwarded: Your application to Northwind');
    expect(mailer.sent[1]!.text).toContain('onward recorded it and suggested no letter');
    expect(mailer.sent[1]!.text).toContain('The first one: https://review.test/t/draft-m1');
    // Written anyway, the first case holds the email still: no third case drafts a twin.
    expect((await draftAnyway(deps, 'm1')).outcome).toBe('done');
    expect(cases.items.get('m1')!.status).toBe('AWAITING_APPROVAL');
  });

  it('is drafted when the owner writes one anyway, in the words for an application', async () => {
    const { deps, cases } = setup(formMail(FORM));
    await receiveMail(deps, event);
    expect((await draftAnyway(deps, 'm1')).outcome).toBe('done');
    const record = cases.items.get('m1')!;
    expect(record.status).toBe('AWAITING_APPROVAL');
    expect(record.letter!.body).toMatch(/^Dear Northwind Recruiting Team,/);
    expect(record.letter!.body).not.toMatch(/interview/);
  });

  it('is drafted after all when a person signed it, or it offers feedback', async () => {
    for (const text of [
      FORM.replace('Northwind Talent Acquisition', 'Best,\nDana Reyes\nRecruiter, Northwind'),
      FORM.replace('We encourage', "I'd be happy to share feedback if useful. We encourage"),
    ]) {
      const { deps } = setup(formMail(text));
      expect((await receiveMail(deps, event)).outcome).toBe('drafted');
    }
  });
});
