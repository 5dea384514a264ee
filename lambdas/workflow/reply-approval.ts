// The owner answers a draft email: "send" sends the letter exactly as that email showed it,
// "discard" drops it, a revised letter comes back as a fresh draft, "not a rejection" drops the
// draft and labels the email; to a notice, "draft" drafts a thank-you anyway. Anything else is
// answered, not guessed at — a reply never sends text the owner has not seen. The reply itself
// is recorded once acted on.
import { type Case, dayOf, draftableAnyway, ignoredRecordExpiry, SENDABLE, statePhrase } from '../core/case/index.ts';
import { applyEdits } from '../core/letter/index.ts';
import type { ParsedMail } from '../core/mail/index.ts';
import { replyCommand } from '../core/reply/index.ts';
import { letterDigest, type ReplyTarget } from '../core/reply-address/index.ts';
import { discardDraft } from './discard.ts';
import { draftAnyway } from './draft-anyway.ts';
import { actOnFollowUp } from './follow-up-reply.ts';
import type { ReceiveDeps, ReceiveOutcome } from './inbound.ts';
import { markNotRejection } from './owner-labels.ts';
import { emailDraft, ownerMail } from './owner-mail.ts';
import { sendLetter } from './send-letter.ts';
import { setAside } from './set-aside.ts';

/**
 * A note about a case. It can be answered with a revised letter, as the notes invite; its
 * Reply-To names no letter, because the note shows none — "send" to a note sends nothing.
 */
async function tell(deps: ReceiveDeps, target: Case, subject: string, lines: string[]) {
  const text = [...lines, '', `Review it here: ${deps.links.review(target.id)}`].join('\n');
  await deps.mailer.send(ownerMail(deps.owner, { subject, text }, deps.links.replyAddress(target.id)));
}

const HOW =
  'Reply "send" to send the letter as the email showed it, "discard" to drop it, "not a rejection" if the email is none, or with your whole revised letter.';
/** For a notice: the email got no letter. */
const HOW_NOTICE = 'Reply "draft" to draft a thank-you for it anyway.';

/** "Not a rejection": the label on the case and its template; a waiting draft goes, and nothing is sent. */
async function notRejection(deps: ReceiveDeps, target: Case, about: string): Promise<string> {
  const result = await markNotRejection(deps, target.id, 'reply');
  if (result.outcome !== 'done') {
    const now = 'record' in result ? result.record : undefined;
    const why =
      now?.ownerLabel?.label === 'not_rejection'
        ? `You said so already, on ${dayOf(now.ownerLabel.at)}.`
        : now?.status === 'IGNORED' && now.reason === 'not-a-rejection'
          ? 'onward read it as no rejection already.'
          : `The letter is ${statePhrase(now)}.`;
    await tell(deps, target, `Nothing done: ${about}`, [why]);
    return 'not-rejection-refused';
  }
  const discarded = result.record.status === 'DISCARDED' && target.status !== 'DISCARDED';
  await tell(deps, target, `Not a rejection: ${about}`, [
    discarded
      ? 'Noted: this email is not a rejection. Its draft is discarded; nothing was sent.'
      : result.record.status === 'SENT'
        ? 'Noted: this email is not a rejection. Its letter had left already.'
        : 'Noted: this email is not a rejection.',
    'onward reads emails like this one (the same sender, subject and opening) that way from now on.',
    ...(discarded ? ['Changed your mind? Bring the draft back from its review page.'] : []),
  ]);
  return 'not-rejection';
}

/** "draft" to a notice: the thank-you drafted anyway, as its link does; the draft email is the answer. */
async function draftByReply(deps: ReceiveDeps, target: Case, about: string): Promise<string> {
  const result = await draftAnyway(deps, target.id, 'reply');
  if (result.outcome === 'done') {
    await emailDraft(deps, result.record);
    return 'draft';
  }
  if (result.outcome === 'held') {
    await tell(deps, result.record, `Not drafted: ${about}`, [
      'You forwarded this email before, and its thank-you letter is drafted already: nobody is thanked twice.',
    ]);
    return 'draft-held';
  }
  const now = 'record' in result ? result.record : undefined;
  await tell(deps, target, `Nothing done: ${about}`, [
    now?.letter ? `Its letter is drafted already: it is ${statePhrase(now)}.` : 'There is nothing to draft for it.',
  ]);
  return 'draft-refused';
}

/** The subject of the answer to "send": what happened, so a letter that left never reads "Not sent". */
function sendHeadline(result: Awaited<ReturnType<typeof sendLetter>>): string {
  if (result.outcome === 'sent') return 'Sent';
  // 'already-sent' always carries the SENT record: one check says it for every outcome.
  if ('record' in result && result.record.status === 'SENT') return 'Already sent';
  if (result.outcome === 'unknown') return 'Perhaps sent';
  return 'Not sent';
}

async function act(deps: ReceiveDeps, target: Case, parsed: ParsedMail, reply: ReplyTarget): Promise<string> {
  const command = replyCommand(parsed.text, target.letter?.body);
  const letter = target.letter;
  const about = target.extraction?.company ?? target.original?.subject ?? 'your letter';
  if (command.kind === 'not-rejection') return notRejection(deps, target, about);
  if (command.kind === 'draft') return draftByReply(deps, target, about);
  const how = letter ? HOW : draftableAnyway(target) ? HOW_NOTICE : '';
  if (command.kind === 'empty' || !letter) {
    await tell(deps, target, `Nothing done: ${about}`, [
      command.kind === 'empty'
        ? `Your reply had no text onward could act on. ${how}`
        : command.kind === 'unclear'
          ? `onward did not understand your reply (“${command.said}”), so it did nothing. ${how}`
          : `onward drafted no letter for this email: there is none to send, discard or revise. ${how}`,
    ]);
    return command.kind === 'empty' ? 'empty' : command.kind === 'unclear' ? 'unclear' : 'no-letter';
  }
  if (command.kind === 'unclear') {
    await tell(deps, target, `Nothing done: ${about}`, [
      `onward did not understand your reply (“${command.said}”), so it did nothing. ${HOW}`,
    ]);
    return 'unclear';
  }
  if (command.kind === 'discard') {
    const result = await discardDraft(deps, target.id);
    const done = result.outcome === 'done';
    // A letter that left cannot be discarded: the subject says what happened, not what did not.
    const sent = !done && 'record' in result && result.record.status === 'SENT';
    await tell(deps, target, `${done ? 'Discarded' : sent ? 'Already sent' : 'Not discarded'}: ${about}`, [
      done && result.record.discardedFrom === 'SEND_UNKNOWN'
        ? 'The letter is discarded. It may have left before: onward will never send it again.'
        : done
          ? 'The draft is discarded. Nothing was sent. Changed your mind? Bring it back from its review page.'
          : `The draft could not be discarded: it is ${statePhrase('record' in result ? result.record : undefined)}.`,
    ]);
    return 'discard';
  }
  if (command.kind === 'send' && SENDABLE.includes(target.status) && reply.digest !== letterDigest(letter)) {
    // The letter changed after the email this reply answers was sent (on the review page, or by a
    // later revision), or the email showed none: sending now would send text it did not show.
    // The letter as it stands comes as a fresh draft email, which "send" can answer.
    await tell(deps, target, `Not sent: ${about}`, [
      'The email you replied to did not show the letter as it stands now, so onward sent nothing: it only sends a letter exactly as you saw it.',
      'The current letter follows in a fresh draft email: reply "send" to that one, or send it from the review page.',
    ]);
    await emailDraft(deps, target);
    return 'send-stale';
  }
  if (command.kind === 'send') {
    const result = await sendLetter(deps, target.id, {
      to: letter.to ?? '',
      subject: letter.subject,
      body: letter.body,
      detail: '',
    });
    const lines: Record<typeof result.outcome, string[]> = {
      // A reply carries no detail to reshape; the letter is sent as shown or not at all.
      // Stryker disable next-line ArrayDeclaration,StringLiteral: never said — with no detail, Send never answers 'check'.
      check: ['The letter was not sent: check it on the review page.'],
      sent: [`Your letter to ${letter.to} left just now, exactly as drafted.`],
      'already-sent': ['This letter was already sent; nothing more was sent.'],
      invalid: [
        'The letter was not sent:',
        // Stryker disable next-line ArrayDeclaration: read only for 'invalid', which always has problems.
        ...('problems' in result ? result.problems.map((p) => `  - ${p}`) : []),
        // A reply can change the letter, never its recipient.
        letter.to
          ? 'Fix it on the review page, or reply with the revised letter.'
          : 'Choose the recipient on the review page and send it from there: a reply cannot set it.',
      ],
      failed: ['The mail service refused the letter, so nothing was sent. You can retry from the review page.'],
      unknown: ['The connection broke while sending: the letter may have left. onward will not resend it by itself.'],
      'not-sendable': [
        `The letter cannot be sent: it is ${statePhrase('record' in result ? result.record : undefined)}.`,
      ],
      missing: ['onward no longer has this case.'],
    };
    await tell(deps, target, `${sendHeadline(result)}: ${about}`, lines[result.outcome]);
    return 'send';
  }
  // A revision: the letter becomes what the owner wrote, and comes back for approval.
  const { letter: revised } = applyEdits(letter, {
    to: letter.to ?? '',
    subject: letter.subject,
    body: command.body,
    detail: '',
  });
  const updated = await deps.cases.update(target.id, 'AWAITING_APPROVAL', { letter: revised });
  if (!updated) {
    await tell(deps, target, `Not revised: ${about}`, [
      `The draft can no longer change: it is ${statePhrase(target)}.`,
    ]);
    return 'revise-refused';
  }
  await emailDraft(deps, updated);
  return 'revise';
}

export async function handleReply(
  deps: ReceiveDeps,
  record: Case,
  parsed: ParsedMail,
  reply: ReplyTarget,
): Promise<ReceiveOutcome> {
  const target = await deps.cases.findByReplyRef(reply.ref);
  if (!target || target.id === record.id) {
    await setAside(deps.cases, record.id, {
      reason: 'bad-reply',
      expiresAt: ignoredRecordExpiry(deps.clock.now()),
    });
    deps.log.info('reply.unknown', { caseId: record.id });
    return { outcome: 'ignored', caseId: record.id, reason: 'bad-reply' };
  }
  // Act first, record after: a crash in between replays the command, which is idempotent for
  // send and discard and only repeats the draft email for a revision.
  // The follow-up's draft email has a reply address of its own (its round's reference).
  const command =
    target.followUp?.replyRef === reply.ref
      ? `follow-up-${await actOnFollowUp(deps, target, parsed, reply)}`
      : await act(deps, target, parsed, reply);
  await setAside(deps.cases, record.id, {
    reason: 'owner-reply',
    repliedTo: target.id,
    expiresAt: ignoredRecordExpiry(deps.clock.now()),
  });
  deps.log.info('reply.handled', { caseId: record.id, target: target.id, command });
  return { outcome: 'replied', caseId: record.id };
}
