import { describe, expect, it } from 'vitest';
import { DETAIL_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import { replyCommand } from '../../lambdas/core/reply/index.ts';
import { letterDigest, refFromRecipients, replyAddress, replyRef } from '../../lambdas/core/reply-address/index.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import { MailRejected } from '../../lambdas/workflow/ports.ts';
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

const key = Buffer.from('k'.repeat(32));

describe('reply addresses', () => {
  it('fit in a local part and name their case only with the key', () => {
    const ref = replyRef(key, '0100018c1b2a3d4e-5f6a7b8c-9d0e-1f2a-3b4c-5d6e7f8a9b0c-000000');
    const address = replyAddress('inbox@mail.example.com', ref);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(refFromRecipients([address.toUpperCase()], 'inbox@mail.example.com')).toEqual({ ref, digest: null });
    const shown = replyAddress(
      'inbox@mail.example.com',
      ref,
      letterDigest({ to: 'a@b.example', subject: 'Re: x', body: 'Dear A,' }),
    );
    expect(shown.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(refFromRecipients([shown], 'inbox@mail.example.com')).toEqual({
      ref,
      digest: letterDigest({ to: 'a@b.example', subject: 'Re: x', body: 'Dear A,' }),
    });
    expect(letterDigest({ to: 'a@b.example', subject: 'Re: x', body: 'Dear A,' })).not.toBe(
      letterDigest({ to: 'a@b.example', subject: 'Re: x', body: 'Dear A!' }),
    );
    expect(replyRef(Buffer.from('x'.repeat(32)), 'c1')).not.toBe(replyRef(key, 'c1'));
    expect(refFromRecipients(['inbox@mail.example.com'], 'inbox@mail.example.com')).toBeNull();
    expect(refFromRecipients([`other+r-${ref}@mail.example.com`], 'inbox@mail.example.com')).toBeNull();
  });

  it.each([
    ['Send', 'send'],
    ['yes!', 'send'],
    ['APPROVE', 'send'],
    ['discard', 'discard'],
    ['No.', 'discard'],
    ['send\n\nOn Tue, Nov 24, 2026 at 4:02 PM onward <l@x> wrote:\n> Dear Sandra', 'send'],
    // What people actually type, from a phone or in a hurry.
    ['Yes, send it.', 'send'],
    ['Send please', 'send'],
    ['OK, send', 'send'],
    ['yes please', 'send'],
    ['Looks good, send it!', 'send'],
    ['Don’t send', 'discard'],
    ['discard it', 'discard'],
    ['no thanks', 'discard'],
    ['Discard, thanks', 'discard'],
    ['Do not send.', 'discard'],
    // Neither a clear yes nor a clear no, nor a letter: nothing is done.
    ["Don't send yet", 'unclear'],
    ['send it tomorrow', 'unclear'],
    ['Thanks!', 'unclear'],
    ['Hmm, not sure about the second paragraph', 'unclear'],
    ["Don't discard it, send it", 'unclear'],
    ['Do not cancel, send it', 'unclear'],
    ['no, send it', 'unclear'],
    ['Yes\n\nbut change Olivia to Liv first', 'unclear'],
    // A command signed: still the command.
    ['Yes, send it.\n\nThanks,\nSam\n\nSent from my iPhone', 'send'],
    ['discard\nSam', 'discard'],
    // A command word opening a whole letter: the letter.
    ['Yes,\n\nDear Olivia,\n\nThank you for the interview and the time you gave me.\n\nSam', 'revise'],
    // A command over a whole signature block is still the command: taken for a letter, the
    // signature would be what a later "send" mails to the interviewer.
    ['Send it!\n\nSam Rivera\nOffice Manager at Acme Corporation Limited\n+1 555 0100 | sam@example.com', 'send'],
    ['discard\n\nSam Rivera\nOffice Manager at Acme Corporation Limited\n+1 555 0100 | sam@example.com', 'discard'],
    ['Send\n\nSam Rivera\nMobile: +1 (555) 010-0100 ext 4', 'send'],
    ['Send it!\nThanks so much, this is really helpful\nSam', 'send'],
    // … and anything else under a command, or text that is no letter, does nothing.
    [
      'send\n\nThis email and any attachments are confidential; if you are not the intended recipient, delete it.',
      'unclear',
    ],
    ['Please fix the second paragraph\nit says interview twice and the company name is wrong there', 'unclear'],
    // A condition or a correction under a command is no signature: nothing is done.
    ['OK\n\nhold off until Monday please', 'unclear'],
    ['Yes\nactually the greeting is wrong, Olivia left', 'unclear'],
    ['Send\nSandra moved on, it should go to David', 'unclear'],
    ['Yes\nin a week or so', 'unclear'],
    ['Send\nis the subject right?', 'unclear'],
    ['Send it?', 'unclear'],
    ['Discard?', 'unclear'],
  ])('reads “%s” as %s', (text, kind) => {
    expect(replyCommand(text).kind).toBe(kind);
  });

  it('takes the letter under a command word without the word, and an edited letter without a greeting as the letter', () => {
    expect(replyCommand('Yes,\n\nDear Olivia,\n\nThank you for the interview.\n\nSam')).toEqual({
      kind: 'revise',
      body: 'Dear Olivia,\n\nThank you for the interview.\n\nSam',
    });
    const current =
      'Dear Olivia,\n\nThank you for considering me for the role and for the interview.\n\nAgain, thank you!\n\nSam';
    const edited =
      'Thank you for considering me for the role and for the interview with your team.\n\nAgain, thank you!\n\nSam';
    expect(replyCommand(edited, current)).toEqual({ kind: 'revise', body: edited });
    expect(replyCommand(edited).kind).toBe('unclear');
  });

  it('gives each case its own reply address, and keeps those in emails already sent working after an upgrade', () => {
    expect(replyRef(key, 'c1')).not.toBe(replyRef(key, 'c2'));
    // Draft emails in the owner's mailbox carry these addresses: a new encoding would strand them.
    // (Lower-case RFC 4648 base32 of HMAC-SHA256(key, "reply\n" + id), and of SHA-256 of to, subject, body.)
    expect(replyRef(key, 'c1')).toBe('74opxdhrsvjo3nsk6ftfhq55');
    expect(
      letterDigest({ to: 'sandra@grainwood.example', subject: 'Re: Your application', body: 'Dear Sandra,' }),
    ).toBe('uahl7jqc');
    expect(letterDigest({ to: null, subject: 'Re: Your application', body: 'Dear Sandra,' })).toBe('jjvn4j7h');
  });

  it('names the letter with its recipient: the same text to another address is another letter', () => {
    const letter = { to: 'sandra@grainwood.example', subject: 'Re: Your application', body: 'Dear Sandra,' };
    expect(letterDigest({ ...letter, to: 'david@grainwood.example' })).not.toBe(letterDigest(letter));
    expect(letterDigest({ ...letter, to: null })).not.toBe(letterDigest(letter));
    expect(letterDigest({ ...letter, subject: 'Re: Your application!' })).not.toBe(letterDigest(letter));
  });

  it('finds the case only from a reply address of onward’s own inbox, written exactly', () => {
    const ref = replyRef(key, 'c1');
    const inbox = 'inbox@mail.example.com';
    expect(refFromRecipients([` ${replyAddress(inbox, ref)} `], inbox)).toEqual({ ref, digest: null });
    expect(refFromRecipients([`inbox+r-${ref}@other.example`], inbox)).toBeNull();
    expect(refFromRecipients([`x@inbox+r-${ref}@mail.example.com`], inbox)).toBeNull();
    expect(refFromRecipients([`inbox+r-${ref}@mail.example.com@evil.example`], inbox)).toBeNull();
    expect(refFromRecipients(['someone@else.example', replyAddress(inbox, ref, 'abcdefgh')], inbox)).toEqual({
      ref,
      digest: 'abcdefgh',
    });
  });

  it.each([
    // Too short, or on one line, to be a letter: nothing is done.
    ['Hi Olivia,\nthanks for all of it!', 'unclear'],
    ['Hi Olivia\nthanks!', 'unclear'],
    ['Dear Olivia, thank you for the interview and the tour of the plant.', 'unclear'],
    // A greeting and a sentence over two lines is a letter.
    ['Hi Olivia\nthank you for the lovely chat today', 'revise'],
    ['Dear Olivia,\nThank you for the interview and the tour.', 'revise'],
    // A comment that mentions a greeting further down is not a letter (it would become the letter).
    ['Looks mostly fine to me\nbut the name is off\nin the first line\nDear Olivia should be Dear Liv', 'unclear'],
    // Signed as people sign, a command stays the command …
    ['Send\nThanks\nSam Rivera\nOffice Manager\n+1 555 0100\nsam@example.com\nwww.example.com', 'send'],
    ['Send\nOffice Manager at Acme Corporation Limited, London office', 'send'],
    ['Send\nSam Rivera\n+44 20 7946 0958', 'send'],
    ['Send it\nSam!!', 'send'],
    ['Send it\nSam,', 'send'],
    ['Send it!\nSam R. Rivera!', 'send'],
    ['Send\n   Sam Rivera', 'send'],
    ['Send\n  Office Manager at Acme Corporation Limited, London office', 'send'],
    ['Yes, send it.\r\n\r\nSam', 'send'],
    ['Yes—send it', 'send'],
    ['"Send it"', 'send'],
    // Single quotes around the word, typed or typographic, are quotes as double ones are.
    ['‘Send it’', 'send'],
    ["'OK'", 'send'],
    ['‘discard’', 'discard'],
    ["'Don’t send'", 'discard'],
    ['OK ‘send it’ please', 'send'],
    ['(discard)', 'discard'],
    // … but a block longer than a signature, a long line, a condition or a question under it is not.
    [
      'Send\nThanks\nSam Rivera\nOffice Manager\n+1 555 0100\nsam@example.com\nwww.example.com\nhttps://example.com/sam',
      'unclear',
    ],
    ['Send\nalso copy jo@acme.example and my recruiter on the letter please', 'unclear'],
    ['Send\nOffice Manager at Acme Corporation  Limited,  London  office', 'send'],
    ['Send it\nThanks, but wait until Monday', 'unclear'],
    ['Send\nThanks, all good on your side?', 'unclear'],
    ['Send\nSam Rivera\n(555) 010-0100', 'send'],
    ['Send\nSam Rivera\n5550100100', 'send'],
    ['Send\nSam Rivera\nhttp://sam.example', 'send'],
    ['Send it?  \nSam', 'unclear'],
    // Words a signature opens with, or a number, somewhere in a line do not make it one.
    ['Send\nOlivia will love it, thanks', 'unclear'],
    ['Send it\nOlivia sent from her phone too', 'unclear'],
    ['Send\nroom 101 for Olivia', 'unclear'],
    // A greeting inside a line does not make a comment a letter.
    ['Not yet\nplease say hi to Olivia from me first', 'unclear'],
    // However it is spaced, "don't send" never sends.
    ["Don't  send", 'discard'],
    ['Do not\tsend', 'discard'],
  ])('reads “%s” as %s (signatures, letters and conditions)', (text, kind) => {
    expect(replyCommand(text).kind).toBe(kind);
  });

  it('takes an edited letter as the letter when half its words or more are the letter’s', () => {
    const current = 'Dear Olivia,\n\nThank you for the interview.';
    expect(replyCommand('Thank you for the\nsunny walk around campus', current).kind).toBe('revise');
    expect(replyCommand('Thank you for this\nsunny walk around campus', current).kind).toBe('unclear');
  });

  it('quotes at most the first 80 characters of a reply it did not understand', () => {
    const long = `Hmm ${'really '.repeat(30)}not sure`;
    expect(replyCommand(long)).toEqual({ kind: 'unclear', said: long.slice(0, 80) });
  });

  it('takes a letter as the revised letter, without quoted text or signature', () => {
    const text =
      'Dear Sandra,\n\nThank you. I loved the tour.\n\nSam\n\n-- \nSam Rivera | 555 0100\n\nOn Tue, Nov 24, 2026 at 4:02 PM onward <l@x> wrote:\n> send\n> old text';
    expect(replyCommand(text)).toEqual({ kind: 'revise', body: 'Dear Sandra,\n\nThank you. I loved the tour.\n\nSam' });
    expect(replyCommand('> only quoted').kind).toBe('empty');
  });
});

const LETTER = `Dear Sandra Ing,\n\nThank you for considering me.\n\n${DETAIL_PLACEHOLDER}\n\nAgain, thank you!\n\nSam Rivera`;

function setup() {
  const cases = memoryCases();
  cases.items.set('c1', {
    id: 'c1',
    status: 'AWAITING_APPROVAL',
    receivedAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    replyRef: fakeLinks.replyRef('c1'),
    letter: {
      to: 'sandra@grainwood.example',
      toName: 'Sandra Ing',
      subject: 'Re: Your application',
      body: LETTER,
      inReplyTo: null,
      references: null,
    },
    extraction: {
      company: 'Grainwood',
      role: null,
      department: null,
      contactName: 'Sandra Ing',
      contactEmail: 'sandra@grainwood.example',
      agency: null,
      stage: 'interview',
      interviewed: true,
      noReplySender: false,
      candidates: [],
    },
    classification: { verdict: 'rejection', confidence: 0.9, kind: 'rejection-after-interview', reasons: [] },
  });
  const mailer = recordingMailer();
  const log = silentLog();
  let next: ParsedMail = parsed();
  const deps: ReceiveDeps = {
    replies: repliesInProcess(() => deps),
    cases,
    mailer,
    links: fakeLinks,
    clock: fixedClock(),
    log,
    owner,
    maxMessageBytes: 10_000,
    inboundAddress: 'inbox@onward.test',
    rawMail: rawStore({}),
    parser: { parse: async () => next },
    policy: { allowedSenders: ['me@example.com'], ownAddresses: ['letters@onward.test'], requireDmarcPass: false },
  };
  deps.rawMail = { read: async () => ({ tooLarge: false, bytes: new Uint8Array([1]) }) };
  let n = 0;
  // By default, a reply to the newest email about the letter: its address names the letter as it stands.
  const reply = async (
    text: string,
    from = 'me@example.com',
    to = fakeLinks.replyAddress('c1', cases.items.get('c1')!.letter),
  ) => {
    next = parsed({ from: [{ name: null, address: from }], subject: 'Re: Draft thank-you', text });
    n += 1;
    return receiveMail(deps, {
      messageId: `r${n}`,
      objectKey: `inbound/r${n}`,
      recipients: [to],
      envelope: { source: from, spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY', spf: 'GRAY' },
    });
  };
  return { cases, mailer, reply, log };
}

describe('approving by reply', () => {
  it('refuses "send" while the detail slot is unfilled, and says why', async () => {
    const { cases, mailer, reply } = setup();
    expect(await reply('send')).toMatchObject({ outcome: 'replied' });
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.address).toBe('me@example.com');
    expect(mailer.sent[0]!.text).toContain('one true detail');
  });

  it('takes a revision as a new draft, then sends exactly that on "yes"', async () => {
    const { cases, mailer, reply } = setup();
    const revised = 'Dear Sandra,\n\nThank you for the interview and the tour.\n\nSam';
    await reply(
      `${revised}\n\nOn Tue, Nov 24, 2026 at 4:02 PM onward <letters@onward.test> wrote:\n> ${LETTER.replace(/\n/g, '\n> ')}`,
    );
    expect(cases.items.get('c1')!.letter!.body).toBe(revised);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      to: { address: 'me@example.com' },
      replyTo: fakeLinks.replyAddress('c1', cases.items.get('c1')!.letter),
    });
    expect(mailer.sent[0]!.text).toContain(revised);

    await reply('Yes');
    expect(cases.items.get('c1')!.status).toBe('SENT');
    const letter = mailer.sent.find((m) => m.to.address === 'sandra@grainwood.example');
    expect(letter!.text).toBe(revised);
    await reply('yes');
    expect(mailer.sent.filter((m) => m.to.address === 'sandra@grainwood.example')).toHaveLength(1);
  });

  it('sends the letter as drafted on a signed "Send it!", never the signature', async () => {
    const { cases, mailer, reply } = setup();
    const filled = 'Dear Sandra,\n\nThank you for the interview and the tour.\n\nSam';
    await reply(filled);
    await reply('Send it!\n\nSam Rivera\nOffice Manager at Acme Corporation Limited\n+1 555 0100 | sam@example.com');
    expect(cases.items.get('c1')).toMatchObject({ status: 'SENT', letter: { body: filled } });
    expect(mailer.sent.filter((m) => m.to.address === 'sandra@grainwood.example').map((m) => m.text)).toEqual([filled]);
    // Sent by reply as from the page: the owner keeps a blind copy of the letter that left.
    expect(mailer.sent.find((m) => m.to.address === 'sandra@grainwood.example')?.bcc).toBe('me@example.com');
  });

  it('says a reply cannot choose the recipient when the letter has none', async () => {
    const { cases, mailer, reply } = setup();
    const c1 = cases.items.get('c1')!;
    cases.items.set('c1', {
      ...c1,
      letter: {
        ...c1.letter!,
        to: null,
        toName: null,
        body: 'Dear Sandra,\n\nThank you for the interview and the tour.\n\nSam',
      },
    });
    await reply('send');
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent.at(-1)!.text).toContain(
      'Choose the recipient on the review page and send it from there: a reply cannot set it.',
    );
    expect(mailer.sent.at(-1)!.text).toContain('  - Add the address the letter goes to.');
    expect(mailer.sent.at(-1)!.text).not.toContain('or reply with the revised letter');
  });

  it('never takes a short reply for the letter, and says it did nothing', async () => {
    const { cases, mailer, reply } = setup();
    await reply('Hmm, let me think about it');
    expect(cases.items.get('c1')).toMatchObject({ status: 'AWAITING_APPROVAL', letter: { body: LETTER } });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain(
      'did not understand your reply (“Hmm, let me think about it”), so it did nothing',
    );
    // The note can be answered with a revised letter, but names no letter: it shows none.
    expect(mailer.sent[0]!.replyTo).toBe(fakeLinks.replyAddress('c1'));
  });

  it('sends only the letter the replied-to email showed: "send" to an older draft email sends nothing', async () => {
    const { cases, mailer, reply } = setup();
    const first = fakeLinks.replyAddress('c1', cases.items.get('c1')!.letter);
    await reply('Dear Sandra,\n\nThank you for the interview and the tour of the plant.\n\nSam');
    const second = fakeLinks.replyAddress('c1', cases.items.get('c1')!.letter);
    expect(second).not.toBe(first);
    await reply('send', 'me@example.com', first);
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent.filter((m) => m.to.address === 'sandra@grainwood.example')).toHaveLength(0);
    const [note, fresh] = mailer.sent.slice(-2);
    expect(note!.text).toContain(
      'The email you replied to did not show the letter as it stands now, so onward sent nothing',
    );
    // The current letter comes again, in a draft email "send" can answer.
    expect(fresh!.text).toContain('Thank you for the interview and the tour of the plant.');
    expect(fresh!.replyTo).toBe(second);
    // "send" to the note itself sends nothing either: it showed no letter.
    await reply('send', 'me@example.com', note!.replyTo!);
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
    await reply('send', 'me@example.com', second);
    expect(cases.items.get('c1')!.status).toBe('SENT');
    // Once sent, a late "send" to an old email hears that it was sent, not that it changed.
    await reply('send', 'me@example.com', first);
    expect(mailer.sent.at(-1)!.text).toContain('This letter was already sent; nothing more was sent.');
    // …under a subject that says so: "Not sent" above "it was sent" read as a failure.
    expect(mailer.sent.at(-1)!.subject).toMatch(/^Already sent: /);
    await reply('discard', 'me@example.com', second);
    expect(mailer.sent.at(-1)!.subject).toMatch(/^Already sent: /);
    expect(mailer.sent.at(-1)!.text).toContain('could not be discarded: it is already sent');
  });

  it('discards on "discard"', async () => {
    const { cases, reply } = setup();
    await reply('discard');
    expect(cases.items.get('c1')!.status).toBe('DISCARDED');
  });

  it('ignores and records replies from others or to unknown addresses', async () => {
    const { cases, mailer, reply } = setup();
    expect(await reply('send', 'mallory@evil.test')).toMatchObject({ outcome: 'ignored', reason: 'not-allowed' });
    expect(await reply('send', 'me@example.com', 'inbox+r-forged@onward.test')).toMatchObject({
      outcome: 'ignored',
      reason: 'bad-reply',
    });
    expect(cases.items.get('c1')!.status).toBe('AWAITING_APPROVAL');
    expect(mailer.sent).toHaveLength(0);
    expect([...cases.items.values()].filter((c) => c.status === 'IGNORED')).toHaveLength(2);
  });
});

const HOW =
  'Reply "send" to send the letter as the email showed it, "discard" to drop it, "not a rejection" if the email is none, or with your whole revised letter.';
const FILLED = 'Dear Sandra,\n\nThank you for the interview and the tour.\n\nSam';

describe('what the owner hears back from a reply', () => {
  it('says what was not understood, under the company’s name, with the review link; records and logs the reply', async () => {
    const { cases, mailer, reply, log } = setup();
    await reply('Hmm, let me think about it');
    expect(mailer.sent[0]).toMatchObject({
      subject: 'Nothing done: Grainwood',
      text: `onward did not understand your reply (“Hmm, let me think about it”), so it did nothing. ${HOW}\n\nReview it here: https://review.test/t/review-c1`,
    });
    expect(cases.items.get('r1')).toMatchObject({ status: 'IGNORED', reason: 'owner-reply', repliedTo: 'c1' });
    expect(cases.items.get('r1')!.expiresAt).toBeGreaterThan(0);
    expect(log.lines.map((l) => JSON.parse(l)).at(-1)).toEqual({
      event: 'reply.handled',
      caseId: 'r1',
      target: 'c1',
      command: 'unclear',
    });
  });

  it('names the case by the email’s subject when no company was found, or as “your letter”', async () => {
    const { cases, mailer, reply } = setup();
    const c1 = cases.items.get('c1')!;
    cases.items.set('c1', {
      ...c1,
      extraction: undefined,
      original: {
        style: 'direct',
        from: null,
        subject: 'Your application',
        date: null,
        messageId: null,
        references: null,
        excerpt: '',
      },
    });
    await reply('Hmm');
    expect(mailer.sent.at(-1)!.subject).toBe('Nothing done: Your application');
    cases.items.set('c1', { ...c1, extraction: undefined, original: undefined });
    await reply('Hmm');
    expect(mailer.sent.at(-1)!.subject).toBe('Nothing done: your letter');
  });

  it('says a reply with nothing to act on did nothing, and that a case with no letter has none', async () => {
    const { cases, mailer, reply } = setup();
    await reply('> only quoted text');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Nothing done: Grainwood',
      text: `Your reply had no text onward could act on. ${HOW}\n\nReview it here: https://review.test/t/review-c1`,
    });
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'IGNORED', letter: undefined });
    await reply('send');
    expect(mailer.sent.at(-1)!.text).toContain('onward drafted no letter for this email');
    expect(mailer.sent).toHaveLength(2);
  });

  it('says a draft was discarded and can come back; a letter that may have left, that it never goes again', async () => {
    const { cases, mailer, reply } = setup();
    await reply('discard');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Discarded: Grainwood',
      text: expect.stringMatching(
        /^The draft is discarded\. Nothing was sent\. Changed your mind\? Bring it back from its review page\.\n\nReview it here: /,
      ),
    });
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'SEND_UNKNOWN' });
    await reply('discard');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Discarded: Grainwood',
      text: expect.stringMatching(
        /^The letter is discarded\. It may have left before: onward will never send it again\.\n/,
      ),
    });
  });

  it('says a sent letter could not be discarded, and why', async () => {
    const { cases, mailer, reply } = setup();
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'SENT' });
    await reply('discard');
    expect(cases.items.get('c1')!.status).toBe('SENT');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Already sent: Grainwood',
      text: expect.stringMatching(/^The draft could not be discarded: it is already sent\.\n/),
    });
  });

  it('says “send” to an older email sent nothing, and why', async () => {
    const { cases, mailer, reply } = setup();
    const first = fakeLinks.replyAddress('c1', cases.items.get('c1')!.letter);
    await reply(FILLED);
    await reply('send', 'me@example.com', first);
    expect(mailer.sent.at(-2)).toMatchObject({
      subject: 'Not sent: Grainwood',
      text: expect.stringContaining(
        'it only sends a letter exactly as you saw it.\nThe current letter follows in a fresh draft email: reply "send" to that one, or send it from the review page.\n',
      ),
    });
  });

  it('takes a revised letter sent in reply to an older email as the new draft', async () => {
    const { cases, reply } = setup();
    const first = fakeLinks.replyAddress('c1', cases.items.get('c1')!.letter);
    await reply(FILLED);
    const again = 'Dear Sandra,\n\nThank you for the interview and the tour of the plant.\n\nSam';
    await reply(again, 'me@example.com', first);
    expect(cases.items.get('c1')!.letter!.body).toBe(again);
  });

  it('keeps the marked paragraph of a revised letter marked: a reply fills in nothing itself', async () => {
    const { cases, reply } = setup();
    const revised = `Dear Sandra,\n\nThank you for the interview.\n\n${DETAIL_PLACEHOLDER}\n\nSam`;
    await reply(revised);
    expect(cases.items.get('c1')!.letter!.body).toBe(revised);
  });

  it('says a letter left, to whom', async () => {
    const { mailer, reply } = setup();
    await reply(FILLED);
    await reply('send');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Sent: Grainwood',
      text: expect.stringMatching(/^Your letter to sandra@grainwood\.example left just now, exactly as drafted\.\n/),
    });
  });

  it('lists why a letter was not sent, and how to fix it', async () => {
    const { mailer, reply } = setup();
    await reply('send');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Not sent: Grainwood',
      text: expect.stringMatching(
        /^The letter was not sent:\n {2}- Write one true detail you liked in the marked paragraph, or delete that paragraph\.\nFix it on the review page, or reply with the revised letter\.\n\nReview it here: /,
      ),
    });
  });

  it('says when the mail service refused the letter, or the connection broke while sending', async () => {
    for (const [error, subject, said] of [
      [
        new MailRejected('MessageRejected', 'no'),
        'Not sent: Grainwood',
        'The mail service refused the letter, so nothing was sent. You can retry from the review page.',
      ],
      [
        new Error('socket hang up'),
        'Perhaps sent: Grainwood',
        'The connection broke while sending: the letter may have left. onward will not resend it by itself.',
      ],
    ] as const) {
      const { mailer, reply } = setup();
      await reply(FILLED);
      const send = mailer.send.bind(mailer);
      mailer.send = async (mail) => {
        if (mail.to.address === 'sandra@grainwood.example') throw error;
        return send(mail);
      };
      await reply('send');
      expect(mailer.sent.at(-1)).toMatchObject({
        subject,
        text: expect.stringMatching(new RegExp(`^${said.replace(/[.:]/g, '\\$&')}\n`)),
      });
    }
  });

  it('says a letter whose send may have gone through cannot be sent, and a case that is gone, gone', async () => {
    const { cases, mailer, reply } = setup();
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'SEND_UNKNOWN' });
    await reply('send');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Not sent: Grainwood',
      text: expect.stringMatching(
        /^The letter cannot be sent: it is perhaps sent \(the connection broke while sending\)\.\n/,
      ),
    });
    const gone = setup();
    const get = gone.cases.get.bind(gone.cases);
    gone.cases.get = async (id) => (id === 'c1' ? null : get(id));
    await gone.reply('send');
    expect(gone.mailer.sent.at(-1)!.text).toMatch(/^onward no longer has this case\.\n/);
  });

  it('keeps a letter with no recipient without one when it is revised by reply', async () => {
    const { cases, reply } = setup();
    const c1 = cases.items.get('c1')!;
    cases.items.set('c1', { ...c1, letter: { ...c1.letter!, to: null, toName: null } });
    await reply(FILLED);
    expect(cases.items.get('c1')!.letter).toMatchObject({ body: FILLED, to: null });
  });

  it('logs which command each reply was', async () => {
    const { cases, reply, log } = setup();
    const first = fakeLinks.replyAddress('c1', cases.items.get('c1')!.letter);
    const commands = async (text: string, to?: string) => {
      await reply(text, 'me@example.com', to);
      return JSON.parse(log.lines.at(-1)!).command;
    };
    expect(await commands('> quoted only')).toBe('empty');
    expect(await commands(FILLED)).toBe('revise');
    expect(await commands('send', first)).toBe('send-stale');
    expect(await commands('send')).toBe('send');
    expect(await commands('discard')).toBe('discard');
  });

  it('says “send” to a letter that left sent nothing more', async () => {
    const { cases, mailer, reply } = setup();
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'SENT' });
    await reply('send');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Already sent: Grainwood',
      text: expect.stringMatching(/^This letter was already sent; nothing more was sent\.\n/),
    });
    expect(mailer.sent.every((m) => m.to.address === 'me@example.com')).toBe(true);
  });

  it('says a draft being sent, or gone, was not discarded', async () => {
    const { cases, mailer, reply } = setup();
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'SENDING' });
    await reply('discard');
    expect(cases.items.get('c1')!.status).toBe('SENDING');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Not discarded: Grainwood',
      text: expect.stringMatching(/^The draft could not be discarded: it is being sent right now\.\n/),
    });
    const get = cases.get.bind(cases);
    cases.get = async (id) => (id === 'c1' ? null : get(id));
    await reply('discard');
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Not discarded: Grainwood',
      text: expect.stringMatching(/^The draft could not be discarded: it is gone\.\n/),
    });
  });

  it('answers a reply about a case with no letter, which no reply can draft, with nothing more to do', async () => {
    const { cases, mailer, reply, log } = setup();
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'IGNORED', reason: 'not-allowed', letter: undefined });
    await reply('send');
    expect(mailer.sent.at(-1)!.text).toBe(
      'onward drafted no letter for this email: there is none to send, discard or revise. \n\nReview it here: https://review.test/t/review-c1',
    );
    expect(JSON.parse(log.lines.at(-1)!).command).toBe('no-letter');
    await reply('Hmm, not now');
    expect(mailer.sent.at(-1)!.text).toMatch(
      /^onward did not understand your reply \(“Hmm, not now”\), so it did nothing\. \n/,
    );
    expect(JSON.parse(log.lines.at(-1)!).command).toBe('unclear');
    await reply('> quoted only');
    expect(JSON.parse(log.lines.at(-1)!).command).toBe('empty');
  });

  it('says a draft that can no longer change was not revised', async () => {
    const { cases, mailer, reply, log } = setup();
    cases.items.set('c1', { ...cases.items.get('c1')!, status: 'EXPIRED' });
    await reply(FILLED);
    expect(cases.items.get('c1')!.letter!.body).toBe(LETTER);
    expect(mailer.sent.at(-1)).toMatchObject({
      subject: 'Not revised: Grainwood',
      text: expect.stringMatching(/^The draft can no longer change: it is expired\.\n/),
    });
    expect(log.lines.at(-1)).toContain('"command":"revise-refused"');
  });

  it('ignores, records and logs a reply addressed to itself', async () => {
    const { cases, mailer, reply, log } = setup();
    expect(await reply('send', 'me@example.com', fakeLinks.replyAddress('r1'))).toMatchObject({
      outcome: 'ignored',
      reason: 'bad-reply',
    });
    expect(cases.items.get('r1')).toMatchObject({ status: 'IGNORED', reason: 'bad-reply' });
    expect(cases.items.get('r1')!.expiresAt).toBeGreaterThan(0);
    expect(mailer.sent).toHaveLength(0);
    expect(log.lines.at(-1)).toBe('{"event":"reply.unknown","caseId":"r1"}');
  });
});
