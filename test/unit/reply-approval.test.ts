import { describe, expect, it } from 'vitest';
import { DETAIL_PLACEHOLDER } from '../../lambdas/core/letter/index.ts';
import {
  letterDigest,
  refFromRecipients,
  replyAddress,
  replyCommand,
  replyRef,
} from '../../lambdas/core/reply/index.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
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
    // A command over a whole signature block is still the command (an exploratory run found
    // these taken for the letter, which a later "send" would have mailed to the interviewer).
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
    // A second reader found a condition or a correction under a command taken for a signature.
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
      interviewed: true,
      noReplySender: false,
      candidates: [],
    },
    classification: { verdict: 'rejection', confidence: 0.9, kind: 'rejection-after-interview', reasons: [] },
  });
  const mailer = recordingMailer();
  let next: ParsedMail = parsed();
  const deps: ReceiveDeps = {
    cases,
    mailer,
    links: fakeLinks,
    clock: fixedClock(),
    log: silentLog(),
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
  return { cases, mailer, reply };
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
