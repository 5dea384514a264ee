// The owner corrects the reader, and it sticks: "Not a rejection" (page or reply) and "Draft
// anyway" (link or reply) are the owner's label on the case, remembered for the email's template,
// so the next email like it gets the owner's verdict — and a different email from the same
// sender does not.
import { describe, expect, it } from 'vitest';
import { type Case, statePhrase } from '../../lambdas/core/case/index.ts';
import { corpusRecord, templateFingerprint } from '../../lambdas/core/labels/index.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import { noticeMessage } from '../../lambdas/core/notices/index.ts';
import { replyCommand } from '../../lambdas/core/reply/index.ts';
import { draftAnyway } from '../../lambdas/workflow/draft-anyway.ts';
import type { ReceiveDeps } from '../../lambdas/workflow/inbound.ts';
import { markNotRejection } from '../../lambdas/workflow/owner-labels.ts';
import { receiveMail } from '../../lambdas/workflow/receive-mail.ts';
import { reviveDraft } from '../../lambdas/workflow/revive.ts';
import {
  fakeLinks,
  fixedClock,
  memoryCases,
  owner,
  parsed,
  recordingMailer,
  silentLog,
  repliesInProcess,
} from '../support/fakes.ts';

const ATS = 'no-reply@hire.example-ats.io';

/**
 * An ATS's "we got your application" mail. Whether the reader takes it for a rejection is the
 * reader's business (and being rewritten); the fingerprint tests below use it as text only.
 */
const acknowledgement = (name: string, role: string) => ({
  from: ATS,
  subject: `Your application to ${role} at Calloway Freight`,
  text: `Hi ${name},\n\nThank you for applying for the ${role} position at Calloway Freight. We have received your application, and our team will review your background over the next 14 days. We will be in touch if your experience matches what the team needs.\n\nTalent Acquisition\nCalloway Freight`,
});

/**
 * Mail any reader drafts a letter for, from that ATS address (signed by a person, so a letter is
 * suggested). The owner may still say it is no
 * rejection — theirs is the last word — so the workflow tests do not hang on the reader's mistakes.
 */
const statusUpdate = (name: string, role: string) => ({
  from: ATS,
  subject: `Update on your application to ${role} at Calloway Freight`,
  text: `Hi ${name},\n\nThank you for applying for the ${role} position at Calloway Freight. After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.\n\nWe wish you the best in your search.\n\nBest regards,\nJordan Blake\nTalent Acquisition\nCalloway Freight`,
});

/** Another of that ATS address's templates, also drafted: its own subject and opening. */
const rejection = (name: string, role: string) => ({
  from: ATS,
  subject: `Calloway Freight: ${role}`,
  text: `Dear ${name},\n\nWe appreciate your interest in Calloway Freight. Unfortunately, we will not be moving forward with your application for the ${role} role.\n\nKind regards,\nJordan Blake\nTalent Acquisition`,
});

/** An interview invitation the reader reads as no rejection (a person writes it, from their own address). */
const invitation = (name: string, role: string) => ({
  from: 'priya@lanternfish.example',
  subject: `Next steps: ${role}`,
  text: `Hi ${name},\n\nThanks for applying for the ${role} role. We would like to invite you to a 30-minute video interview.\nCould you share a few times that work for you next week?\n\nPriya`,
});

type Mail = { from: string; subject: string; text: string };

function setup() {
  const cases = memoryCases();
  const mailer = recordingMailer();
  const log = silentLog();
  const mails = new Map<string, ParsedMail>();
  const deps: ReceiveDeps = {
    replies: repliesInProcess(() => deps),
    cases,
    // The raw message is the case id; the parser hands back the mail stored under it.
    rawMail: { read: async (key) => ({ tooLarge: false, bytes: new TextEncoder().encode(key.slice(8)) }) },
    parser: { parse: async (raw) => structuredClone(mails.get(new TextDecoder().decode(raw))!) },
    mailer,
    links: fakeLinks,
    clock: fixedClock('2026-12-03T10:00:00.000Z'),
    log,
    owner,
    policy: { allowedSenders: ['me@example.com'], ownAddresses: ['letters@onward.test'], requireDmarcPass: false },
    maxMessageBytes: 10_000,
    inboundAddress: 'inbox@onward.test',
  };
  const event = (id: string, to = 'inbox@onward.test') => ({
    messageId: id,
    objectKey: `inbound/${id}`,
    recipients: [to],
    envelope: { source: 'me@example.com', spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY', spf: 'GRAY' } as const,
  });
  /** The owner forwards a recruiter's mail, as an attachment. */
  const forward = (id: string, m: Mail) => {
    mails.set(
      id,
      parsed({
        subject: `Fwd: ${m.subject}`,
        text: 'fyi',
        attached: parsed({
          messageId: `<${id}@mail.example>`,
          from: [{ name: null, address: m.from }],
          subject: m.subject,
          text: m.text,
        }),
      }),
    );
    return receiveMail(deps, event(id));
  };
  /** The owner answers onward's email about case `about`. */
  const reply = (id: string, about: string, text: string) => {
    mails.set(id, parsed({ subject: 'Re: onward', text }));
    const record = cases.items.get(about)!;
    return receiveMail(deps, event(id, fakeLinks.replyAddress(about, record.letter)));
  };
  return { deps, cases, mailer, log, forward, reply };
}

describe('which emails are of one template', () => {
  const hints: Parameters<typeof templateFingerprint>[1] = {
    role: 'Senior Analyst',
    company: 'Calloway Freight',
    greeting: 'Sam',
    ownerName: 'Sam Rivera',
  };
  const summary = (m: Mail) => ({ from: { name: null, address: m.from }, subject: m.subject, excerpt: m.text });
  const fp = (m: Mail, h = hints) => templateFingerprint(summary(m), h);

  it('is one template across names, greetings, roles, companies, numbers, links, Re:/Fwd: and +tags', () => {
    const base = fp(acknowledgement('Sam', 'Senior Analyst'));
    expect(base).toMatch(/^[\w-]{43}$/);
    // Another role at the company, greeted by full name.
    expect(fp(acknowledgement('Sam Rivera', 'Data Engineer'), { ...hints, role: 'Data Engineer' })).toBe(base);
    // Another candidate of the same template (mail forwarded by someone else the owner allows).
    expect(fp(acknowledgement('Alex', 'Senior Analyst'), { ...hints, greeting: 'Alex' })).toBe(base);
    const m = acknowledgement('Sam', 'Senior Analyst');
    // A job board's template sent for another company: the same words around another name.
    const elsewhere = (company: string) => ({
      ...m,
      subject: m.subject.replaceAll('Calloway Freight', company),
      text: m.text.replaceAll('Calloway Freight', company),
    });
    expect(fp(elsewhere('Lanternfish Studio'), { ...hints, company: 'Lanternfish Studio' })).toBe(base);
    // Only a company the reader found is folded: otherwise its name is text like any other.
    expect(fp(elsewhere('Lanternfish Studio'), { ...hints, company: null })).not.toBe(base);
    expect(fp({ ...m, subject: `RE: Fwd: ${m.subject}` })).toBe(base);
    expect(fp({ ...m, text: m.text.replace('14 days', '10 days') })).toBe(base);
    expect(fp({ ...m, from: 'no-reply+c7731@hire.example-ats.io' })).toBe(base);
    expect(fp({ ...m, text: m.text.replace('Hi Sam,', 'Dear Sam Rivera,') })).toBe(base);
    expect(fp({ ...m, text: m.text.replace('Hi Sam,\n\n', 'Sam Rivera,\n\n') })).toBe(base);
    expect(fp({ ...m, text: m.text.replace('Hi Sam,\n\n', 'Hi Sam, ') })).toBe(base);
    const linked = (url: string) => ({ ...m, text: m.text.replace('Thank you', `Status: ${url}\nThank you`) });
    expect(fp(linked('https://ats.example/a/9f8e7d?c=abc'))).toBe(fp(linked('https://ats.example/a/1b2c3d?c=xyz')));
    // Past the opening (its first fifty words), the text may differ: later paragraphs, signatures, footers.
    const long = (end: string) => ({
      ...m,
      text: `${m.text}\n\n${'Calloway Freight moves goods by rail. '.repeat(8)}${end}`,
    });
    expect(fp(long('Best, Jo'))).toBe(fp(long('Unsubscribe: reply STOP')));
    expect(fp(long(''))).not.toBe(base);
  });

  it('is another template for another kind of email from the same address, another sender or company', () => {
    const base = fp(acknowledgement('Sam', 'Senior Analyst'));
    // The same ATS address, the same first sentence: the rejection differs by its subject …
    const r = statusUpdate('Sam', 'Senior Analyst');
    expect(fp(r)).not.toBe(base);
    // … and, under the acknowledgement's very subject, by the sentence that decides.
    expect(fp({ ...r, subject: acknowledgement('Sam', 'Senior Analyst').subject })).not.toBe(base);
    const m = acknowledgement('Sam', 'Senior Analyst');
    expect(fp({ ...m, from: 'no-reply@other-ats.example' })).not.toBe(base);
    // A shared ATS address sends for many companies, each may write its own words.
    expect(fp({ ...m, text: m.text.replace('will be in touch', 'will write to you') })).not.toBe(base);
    expect(templateFingerprint({ from: null, subject: m.subject, excerpt: m.text }, hints)).toBeNull();
  });
});

describe('"Not a rejection" on a waiting draft', () => {
  it('discards the draft, sends nothing, records the label; the next email of the template is noticed with the owner’s reason', async () => {
    const { deps, cases, mailer, forward, log } = setup();
    expect(await forward('m1', statusUpdate('Sam', 'Senior Analyst'))).toMatchObject({ outcome: 'drafted' });
    expect(await markNotRejection(deps, 'm1', 'page')).toMatchObject({ outcome: 'done' });
    expect(cases.items.get('m1')).toMatchObject({
      status: 'DISCARDED',
      discardedFrom: 'AWAITING_APPROVAL',
      ownerLabel: { label: 'not_rejection', at: '2026-12-03T10:00:00.000Z', how: 'page' },
    });
    expect(mailer.sent.map((m) => m.to.address)).toEqual(['me@example.com']);
    expect(log.lines).toContainEqual(expect.stringContaining('"event":"case.labelled"'));

    // Another application at the company, greeted by full name: the owner's verdict, with their reason.
    expect(await forward('m2', statusUpdate('Sam Rivera', 'Data Engineer'))).toMatchObject({ outcome: 'noticed' });
    expect(cases.items.get('m2')).toMatchObject({ status: 'IGNORED', reason: 'not-a-rejection' });
    expect(cases.items.get('m2')!.classification).toMatchObject({ verdict: 'not_rejection', kind: 'owner-label' });
    expect(cases.items.get('m2')!.classification!.reasons[0]).toBe(
      'you said an email like this is not a rejection on 03 Dec 2026',
    );
    expect(cases.items.get('m2')!.classification!.reasons[1]).toMatch(
      /^onward alone would have read it as a rejection/,
    );
    const notice = mailer.sent.at(-1)!;
    expect(notice.subject).toMatch(/^No letter drafted/);
    expect(notice.text).toContain('What onward saw: you said an email like this is not a rejection on 03 Dec 2026.');
    // The notice answers replies: "draft" drafts it anyway.
    expect(notice.replyTo).toBe(fakeLinks.replyAddress('m2'));

    // The same sender's rejection is another template: it is drafted.
    expect(await forward('m3', rejection('Sam', 'Senior Analyst'))).toMatchObject({ outcome: 'drafted' });
  });

  it('keeps a letter that left as it is, and labels it', async () => {
    const { deps, cases, forward } = setup();
    await forward('m1', statusUpdate('Sam', 'Senior Analyst'));
    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'SENT', sentAt: '2026-12-02T09:00:00.000Z' });
    expect(await markNotRejection(deps, 'm1', 'page')).toMatchObject({ outcome: 'done', record: { status: 'SENT' } });
    expect(cases.items.get('m1')!.ownerLabel).toMatchObject({ label: 'not_rejection' });
    expect(cases.templates.size).toBe(1);
  });

  it('does nothing where a Send claimed the letter first, for mail read as no rejection, or twice', async () => {
    const { deps, cases, forward } = setup();
    await forward('m1', statusUpdate('Sam', 'Senior Analyst'));
    // A Send claims the letter between "Not a rejection" reading the case and writing it: the Send wins.
    let raced = false;
    const racing = {
      ...deps,
      cases: {
        ...cases,
        async get(id: string) {
          const read = await cases.get(id);
          if (!raced) raced = (await cases.transition(id, ['AWAITING_APPROVAL'], 'SENDING', {})) !== null;
          return read;
        },
      },
    };
    expect(await markNotRejection(racing, 'm1', 'page')).toMatchObject({
      outcome: 'unchanged',
      record: { status: 'SENDING' },
    });
    expect(cases.items.get('m1')!.ownerLabel).toBeUndefined();
    expect(cases.templates.size).toBe(0);
    // While it is sending, there is nothing to say.
    expect(await markNotRejection(deps, 'm1', 'page')).toMatchObject({ outcome: 'unchanged' });

    await forward('m2', invitation('Sam', 'Project Coordinator'));
    expect(cases.items.get('m2')).toMatchObject({ status: 'IGNORED', reason: 'not-a-rejection' });
    expect(await markNotRejection(deps, 'm2', 'page')).toMatchObject({ outcome: 'unchanged' });

    await forward('m3', statusUpdate('Sam', 'Data Engineer'));
    // The template of m1 is not labelled (its labelling lost the race): m3 is drafted, and labelled now.
    expect(await markNotRejection(deps, 'm3', 'page')).toMatchObject({ outcome: 'done' });
    expect(await markNotRejection(deps, 'm3', 'page')).toMatchObject({ outcome: 'unchanged' });
    expect(await markNotRejection(deps, 'nope', 'page')).toEqual({ outcome: 'missing' });
  });

  it('remembers the template when said again after a failure between the case and the template', async () => {
    const { deps, cases, forward } = setup();
    await forward('m1', statusUpdate('Sam', 'Senior Analyst'));
    const labelTemplate = cases.labelTemplate;
    cases.labelTemplate = async () => {
      throw new Error('throttled');
    };
    await expect(markNotRejection(deps, 'm1', 'reply')).rejects.toThrow('throttled');
    expect(cases.items.get('m1')).toMatchObject({ status: 'DISCARDED', ownerLabel: { label: 'not_rejection' } });
    cases.labelTemplate = labelTemplate;
    expect(await markNotRejection(deps, 'm1', 'reply')).toMatchObject({ outcome: 'unchanged' });
    expect([...cases.templates.values()]).toEqual([expect.objectContaining({ label: 'not_rejection', caseId: 'm1' })]);

    await forward('m2', invitation('Sam', 'Project Coordinator'));
    cases.labelTemplate = async () => {
      throw new Error('throttled');
    };
    await expect(draftAnyway(deps, 'm2')).rejects.toThrow('throttled');
    cases.labelTemplate = labelTemplate;
    expect(await draftAnyway(deps, 'm2')).toMatchObject({ outcome: 'unchanged' });
    expect([...cases.templates.values()]).toContainEqual(expect.objectContaining({ label: 'rejection', caseId: 'm2' }));
  });

  it('is undone by reviving the draft: it is a rejection after all, for the template too', async () => {
    const { deps, cases, forward } = setup();
    await forward('m1', statusUpdate('Sam', 'Senior Analyst'));
    await markNotRejection(deps, 'm1', 'page');
    deps.clock = fixedClock('2026-12-04T10:00:00.000Z');
    expect(await reviveDraft(deps, 'm1')).toMatchObject({ status: 'AWAITING_APPROVAL' });
    expect(cases.items.get('m1')!.ownerLabel).toEqual({
      label: 'rejection',
      at: '2026-12-04T10:00:00.000Z',
      how: 'page',
    });
    expect(await forward('m2', statusUpdate('Sam', 'Data Engineer'))).toMatchObject({ outcome: 'drafted' });
    expect(cases.items.get('m2')!.classification!.reasons[0]).toBe(
      'you said an email like this is a rejection on 04 Dec 2026',
    );
  });
});

describe('"Draft anyway" as the owner’s label', () => {
  it('labels the case a rejection, and the next email of the template is drafted with the owner’s reason', async () => {
    const { deps, cases, forward } = setup();
    expect(await forward('m1', invitation('Sam', 'Project Coordinator'))).toMatchObject({ outcome: 'noticed' });
    expect(await draftAnyway(deps, 'm1')).toMatchObject({ outcome: 'done' });
    expect(cases.items.get('m1')).toMatchObject({
      status: 'AWAITING_APPROVAL',
      ownerLabel: { label: 'rejection', how: 'page' },
    });
    expect(await forward('m2', invitation('Sam', 'Office Manager'))).toMatchObject({ outcome: 'drafted' });
    expect(cases.items.get('m2')!.classification).toMatchObject({ verdict: 'rejection', confidence: 1 });
    expect(cases.items.get('m2')!.letter!.body).toContain('Sam Rivera');
  });

  it('drafts for no other kind of email from the same ATS address', async () => {
    const { deps, cases, forward } = setup();
    await forward('m1', acknowledgement('Sam', 'Senior Analyst'));
    expect(cases.items.get('m1')).toMatchObject({ status: 'IGNORED' });
    expect(await draftAnyway(deps, 'm1')).toMatchObject({ outcome: 'done' });
    // The same address's interview invitation: its own subject and opening, so the reader's verdict.
    const invite = {
      from: ATS,
      subject: 'Your application to Senior Analyst at Calloway Freight: schedule your interview',
      text: 'Hi Sam,\n\nWe would like to invite you to a 30-minute video interview for the Senior Analyst position. Please choose a time that works for you next week.\n\nTalent Acquisition',
    };
    expect(await forward('m2', invite)).toMatchObject({ outcome: 'noticed' });
    expect(cases.items.get('m2')!.classification!.reasons.join(' ')).not.toContain('you said');
    // Its acknowledgement for another role is the template the owner judged.
    expect(await forward('m3', acknowledgement('Sam', 'Data Engineer'))).toMatchObject({ outcome: 'drafted' });
  });

  it('records the owner’s word even when another forward of the email holds its letter', async () => {
    const { deps, cases, forward } = setup();
    const m = invitation('Sam', 'Project Coordinator');
    await forward('m1', m);
    await draftAnyway(deps, 'm1');
    // The same email forwarded again and set aside: drafting it anyway lands on the first letter.
    cases.items.set('m2', {
      ...cases.items.get('m1')!,
      id: 'm2',
      status: 'IGNORED',
      reason: 'unsure',
      letter: undefined,
      ownerLabel: undefined,
    });
    expect(await draftAnyway(deps, 'm2')).toMatchObject({ outcome: 'held', record: { id: 'm1' } });
    expect(cases.items.get('m2')).toMatchObject({ status: 'IGNORED', ownerLabel: { label: 'rejection' } });
    expect([...cases.templates.values()]).toEqual([expect.objectContaining({ label: 'rejection', caseId: 'm2' })]);
  });
});

describe('replies that label', () => {
  it('"not a rejection" to a draft email discards it, sends nothing to the employer, and answers', async () => {
    const { cases, mailer, forward, reply } = setup();
    await forward('m1', statusUpdate('Sam', 'Senior Analyst'));
    expect(await reply('r1', 'm1', 'Not a rejection\n\nSam')).toMatchObject({ outcome: 'replied' });
    expect(cases.items.get('m1')).toMatchObject({
      status: 'DISCARDED',
      ownerLabel: { label: 'not_rejection', how: 'reply' },
    });
    const note = mailer.sent.at(-1)!;
    expect(note.to.address).toBe('me@example.com');
    expect(note.subject).toBe('Not a rejection: Calloway Freight');
    expect(note.text).toContain('Its draft is discarded; nothing was sent.');
    expect(note.text).toContain('(the same sender, subject and opening) that way from now on');
    expect(mailer.sent.every((m) => m.to.address === 'me@example.com')).toBe(true);
    expect(cases.items.get('r1')).toMatchObject({ status: 'IGNORED', reason: 'owner-reply', repliedTo: 'm1' });

    // Said again: nothing more, and why.
    await reply('r2', 'm1', "this isn't a rejection");
    expect(mailer.sent.at(-1)!.subject).toBe('Nothing done: Calloway Freight');
    expect(mailer.sent.at(-1)!.text).toContain('You said so already, on 03 Dec 2026.');
  });

  it('an unclear "not a rejection" does nothing, and says how', async () => {
    const { cases, mailer, forward, reply } = setup();
    await forward('m1', statusUpdate('Sam', 'Senior Analyst'));
    for (const [i, text] of [
      'not a rejection?',
      'Not a rejection, but send it',
      'not a rejection\nsend it tomorrow',
    ].entries()) {
      await reply(`r${i}`, 'm1', text);
      expect(cases.items.get('m1')).toMatchObject({ status: 'AWAITING_APPROVAL' });
      expect(cases.items.get('m1')!.ownerLabel).toBeUndefined();
      expect(mailer.sent.at(-1)!.text).toContain('"not a rejection" if the email is none');
    }
    expect(cases.templates.size).toBe(0);
  });

  it('"draft" to a notice drafts the letter anyway, labels it, and mails the draft', async () => {
    const { cases, mailer, forward, reply } = setup();
    await forward('m1', invitation('Sam', 'Project Coordinator'));
    expect(mailer.sent.at(-1)!.text).toContain('or reply "draft" to this email');
    expect(await reply('r1', 'm1', 'Yes, draft it anyway please')).toMatchObject({ outcome: 'replied' });
    expect(cases.items.get('m1')).toMatchObject({
      status: 'AWAITING_APPROVAL',
      ownerLabel: { label: 'rejection', how: 'reply' },
    });
    const draft = mailer.sent.at(-1)!;
    expect(draft.subject).toMatch(/^Draft thank-you/);
    expect(draft.replyTo).toBe(fakeLinks.replyAddress('m1', cases.items.get('m1')!.letter));

    // "draft" to the draft email: it is drafted already.
    await reply('r2', 'm1', 'draft');
    expect(mailer.sent.at(-1)!.subject).toBe('Nothing done: Next steps: Project Coordinator');
    expect(mailer.sent.at(-1)!.text).toContain('Its letter is drafted already: it is not ready.');
  });

  it('"send" or anything else to a notice does nothing, and says to reply "draft"', async () => {
    const { cases, mailer, forward, reply } = setup();
    await forward('m1', invitation('Sam', 'Project Coordinator'));
    await reply('r1', 'm1', 'send');
    expect(cases.items.get('m1')).toMatchObject({ status: 'IGNORED' });
    expect(mailer.sent.at(-1)!.text).toContain(
      'onward drafted no letter for this email: there is none to send, discard or revise. Reply "draft" to draft a thank-you for it anyway.',
    );
    await reply('r2', 'm1', 'hmm, maybe later');
    expect(mailer.sent.at(-1)!.text).toContain('onward did not understand your reply (“hmm, maybe later”)');
  });

  it('"not a rejection" to a notice of mail onward was unsure of settles it for the template', async () => {
    const { cases, mailer, forward, reply } = setup();
    await forward('m1', invitation('Sam', 'Project Coordinator'));
    // The reader was unsure of it (which mail it is unsure of is the reader's business).
    const record = cases.items.get('m1')!;
    cases.items.set('m1', {
      ...record,
      reason: 'unsure',
      classification: { ...record.classification!, verdict: 'unsure' },
    });
    expect(noticeMessage(cases.items.get('m1')!, { draftAnyway: 'D', cases: 'C' }).text).toContain(
      'Not a rejection? Reply "not a rejection", and onward reads emails like this one',
    );
    expect(mailer.sent.at(-1)!.text).not.toContain('Not a rejection? Reply');
    await reply('r1', 'm1', 'not a rejection');
    expect(cases.items.get('m1')).toMatchObject({ status: 'IGNORED', ownerLabel: { label: 'not_rejection' } });
    expect(mailer.sent.at(-1)!.subject).toBe('Not a rejection: Next steps: Project Coordinator');
    await forward('m2', invitation('Sam Rivera', 'Office Manager'));
    const second = cases.items.get('m2')!.classification!;
    expect(second.verdict).toBe('not_rejection');
    expect(second.reasons[0]).toBe('you said an email like this is not a rejection on 03 Dec 2026');
  });
});

describe('what the owner hears back from a reply that labels', () => {
  const commandOf = (log: { lines: string[] }) => JSON.parse(log.lines.at(-1)!).command;
  const review = (id: string) => `\n\nReview it here: https://review.test/t/review-${id}`;
  const noted = 'onward reads emails like this one (the same sender, subject and opening) that way from now on.';

  it('"not a rejection" to a draft: discarded, and how to bring it back', async () => {
    const { mailer, forward, reply, log } = setup();
    await forward('m1', statusUpdate('Sam', 'Senior Analyst'));
    await reply('r1', 'm1', 'not a rejection');
    expect(mailer.sent.at(-1)!.text).toBe(
      `Noted: this email is not a rejection. Its draft is discarded; nothing was sent.\n${noted}\nChanged your mind? Bring the draft back from its review page.${review('m1')}`,
    );
    expect(commandOf(log)).toBe('not-rejection');
  });

  it('"not a rejection" to a notice, a letter discarded before, or one that left: noted, nothing discarded', async () => {
    const { cases, mailer, forward, reply } = setup();
    await forward('m1', invitation('Sam', 'Project Coordinator'));
    cases.items.set('m1', { ...cases.items.get('m1')!, reason: 'unsure' });
    await reply('r1', 'm1', 'not a rejection');
    expect(mailer.sent.at(-1)!.text).toBe(`Noted: this email is not a rejection.\n${noted}${review('m1')}`);

    await forward('m2', statusUpdate('Sam', 'Senior Analyst'));
    cases.items.set('m2', { ...cases.items.get('m2')!, status: 'DISCARDED' });
    await reply('r2', 'm2', 'not a rejection');
    expect(cases.items.get('m2')).toMatchObject({ status: 'DISCARDED', ownerLabel: { label: 'not_rejection' } });
    expect(mailer.sent.at(-1)!.text).toBe(`Noted: this email is not a rejection.\n${noted}${review('m2')}`);

    await forward('m3', rejection('Sam', 'Data Engineer'));
    cases.items.set('m3', { ...cases.items.get('m3')!, status: 'SENT' });
    await reply('r3', 'm3', 'not a rejection');
    expect(cases.items.get('m3')).toMatchObject({ status: 'SENT', ownerLabel: { label: 'not_rejection' } });
    expect(mailer.sent.at(-1)!.text).toBe(
      `Noted: this email is not a rejection. Its letter had left already.\n${noted}${review('m3')}`,
    );
  });

  it('"not a rejection" that changes nothing says why: read so already, being sent, set aside, or gone', async () => {
    const { deps, cases, mailer, forward, reply, log } = setup();
    await forward('m1', invitation('Sam', 'Project Coordinator'));
    expect(cases.items.get('m1')).toMatchObject({ status: 'IGNORED', reason: 'not-a-rejection' });
    const said = async (id: string) => {
      await reply(`r-${id}-${mailer.sent.length}`, id, 'not a rejection');
      expect(mailer.sent.at(-1)!.subject).toBe('Nothing done: Next steps: Project Coordinator');
      expect(commandOf(log)).toBe('not-rejection-refused');
      return mailer.sent.at(-1)!.text;
    };
    expect(await said('m1')).toBe(`onward read it as no rejection already.${review('m1')}`);
    // Drafted anyway, then being sent: the reason it was set aside once does not answer.
    await draftAnyway(deps, 'm1');
    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'SENDING' });
    expect(await said('m1')).toBe(`The letter is ${statePhrase(cases.items.get('m1'))}.${review('m1')}`);
    // Set aside for another reason.
    cases.items.set('m1', { ...cases.items.get('m1')!, status: 'IGNORED', reason: 'no-letter-suggested' });
    expect(await said('m1')).toBe(`The letter is ${statePhrase(cases.items.get('m1'))}.${review('m1')}`);
    // Gone between the reply's arrival and the label.
    const get = cases.get.bind(cases);
    cases.get = async (id) => (id === 'm1' ? null : get(id));
    expect(await said('m1')).toBe(`The letter is gone.${review('m1')}`);
  });

  it('"draft" to a notice another forward of which holds the letter: not drafted, nobody is thanked twice', async () => {
    const { deps, cases, mailer, forward, reply, log } = setup();
    await forward('m1', invitation('Sam', 'Project Coordinator'));
    await draftAnyway(deps, 'm1');
    cases.items.set('m2', {
      ...cases.items.get('m1')!,
      id: 'm2',
      replyRef: fakeLinks.replyRef('m2'),
      status: 'IGNORED',
      reason: 'unsure',
      letter: undefined,
      ownerLabel: undefined,
    });
    await reply('r1', 'm2', 'draft');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Not drafted: Next steps: Project Coordinator',
      text: `You forwarded this email before, and its thank-you letter is drafted already: nobody is thanked twice.${review('m1')}`,
    });
    expect(commandOf(log)).toBe('draft-held');
    expect(cases.items.get('m2')).toMatchObject({ status: 'IGNORED', letter: undefined });
  });

  it('"draft" logs what was done, and says there is nothing to draft for a case that is gone', async () => {
    const { cases, mailer, forward, reply, log } = setup();
    await forward('m1', invitation('Sam', 'Project Coordinator'));
    await reply('r1', 'm1', 'draft');
    expect(commandOf(log)).toBe('draft');
    await reply('r2', 'm1', 'draft');
    expect(commandOf(log)).toBe('draft-refused');
    const get = cases.get.bind(cases);
    cases.get = async (id) => (id === 'm1' ? null : get(id));
    await reply('r3', 'm1', 'draft');
    expect(mailer.sent.at(-1)!.text).toBe(`There is nothing to draft for it.${review('m1')}`);
    expect(commandOf(log)).toBe('draft-refused');
  });
});

describe('reading a reply that labels', () => {
  it.each([
    ['Not a rejection', 'not-rejection'],
    ['not a rejection.', 'not-rejection'],
    ['No, this is not a rejection', 'not-rejection'],
    ['It’s not a rejection!', 'not-rejection'],
    ["That isn't a rejection", 'not-rejection'],
    ['not a rejection at all, thanks', 'not-rejection'],
    ['not rejection', 'not-rejection'],
    ['Not a rejection\n\nSam Rivera\nSent from my iPhone', 'not-rejection'],
    ['draft', 'draft'],
    ['Draft it anyway', 'draft'],
    ['Yes, draft a thank-you please', 'draft'],
    ['ok draft one', 'draft'],
    // Asked, conditioned, contradicted or explained: nothing is done.
    ['Not a rejection?', 'unclear'],
    ['Is it not a rejection', 'unclear'],
    ['not a rejection, send it', 'unclear'],
    ['Not a rejection but keep the draft', 'unclear'],
    ["it's a rejection, not an offer", 'unclear'],
    ['not a rejection\nactually it is, send it', 'unclear'],
    ['Not a rejection\n\nDear Olivia,\n\nThank you for the interview and your time.\n\nSam', 'unclear'],
    ['draft?', 'unclear'],
    ["don't draft", 'unclear'],
    ['draft it tomorrow', 'unclear'],
    ['draft\n\nDear Olivia,\n\nThank you for the interview and your time.\n\nSam', 'unclear'],
    ['draft\nbut only if it is short', 'unclear'],
    ['draft\n\nSam Rivera', 'draft'],
    // The existing commands keep their meaning.
    ['discard the draft', 'discard'],
    ['delete the draft', 'discard'],
  ])('reads “%s” as %s', (text, kind) => {
    expect(replyCommand(text).kind).toBe(kind);
  });
});

describe('the owner’s corrections as corpus records', () => {
  const labelled: Case = {
    id: 'm1',
    status: 'DISCARDED',
    receivedAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-03T10:00:00.000Z',
    original: {
      style: 'attachment',
      from: { name: 'Calloway Careers', address: ATS },
      subject: 'Your application',
      date: null,
      messageId: null,
      references: null,
      excerpt: 'Hi Sam, thanks',
    },
    classification: { verdict: 'rejection', confidence: 0.8, kind: 'application-rejection', reasons: [] },
    extraction: {
      company: 'Calloway Freight',
      role: 'Senior Analyst',
      department: null,
      contactName: null,
      contactEmail: null,
      interviewed: false,
      noReplySender: true,
      agency: null,
      stage: null,
      candidates: [],
    },
    ownerLabel: { label: 'not_rejection', at: '2026-12-03T10:00:00.000Z', how: 'page' },
  };

  it('writes the corpus schema: the whole text when given, expected fields only for rejections', () => {
    expect(corpusRecord(labelled, 'Hi Sam, thanks for applying.')).toEqual({
      id: 'owner-m1',
      label: 'not_rejection',
      category: 'owner-correction',
      language: 'en',
      from_name: 'Calloway Careers',
      from_email: ATS,
      subject: 'Your application',
      body: 'Hi Sam, thanks for applying.',
      expected: { company: null, role: null, sender_name: null, sender_email: null },
      ambiguous: false,
      notes: 'owner correction 2026-12-03',
    });
    const rejected = corpusRecord({ ...labelled, ownerLabel: { ...labelled.ownerLabel!, label: 'rejection' } });
    expect(rejected).toMatchObject({
      label: 'rejection',
      body: 'Hi Sam, thanks',
      expected: { company: 'Calloway Freight', role: 'Senior Analyst', sender_name: null, sender_email: ATS },
    });
    expect(corpusRecord({ ...labelled, ownerLabel: undefined })).toBeNull();
  });
});
