// The owner answers a follow-up's draft email, as they answer the thank-you's: "send" sends it
// exactly as that email showed it, a revised letter comes back as a fresh draft, "not now" asks
// again later, "stop" (or "discard") ends follow-ups on the case. Anything else is answered, not
// guessed at — a reply never sends text the owner has not seen.
import { type Case, followUpKey, statePhrase } from '../core/case/index.ts';
import { applyEdits } from '../core/letter/index.ts';
import type { ParsedMail } from '../core/mail/index.ts';
import { followUpCommand } from '../core/reply/index.ts';
import { letterDigest, type ReplyTarget } from '../core/reply-address/index.ts';
import { emailFollowUpDraft, sendFollowUp, snoozeFollowUp, stopFollowUp } from './follow-up.ts';
import type { ReceiveDeps } from './inbound.ts';
import { ownerMail } from './owner-mail.ts';

const HOW =
  'Reply "send" to send the follow-up as the email showed it, "not now" to be asked again later, "stop" for no follow-up on this case, or with your whole revised letter.';

/** A note about the follow-up; its Reply-To names no letter, so "send" to it sends nothing. */
async function tell(deps: ReceiveDeps, target: Case, subject: string, lines: string[]) {
  const key = followUpKey(target.id, target.followUp!.round);
  const text = [...lines, '', `Review it here: ${deps.links.followUp(target.id, target.followUp!.round)}`].join('\n');
  await deps.mailer.send(ownerMail(deps.owner, { subject, text }, deps.links.replyAddress(key)));
}

/** What the follow-up is now, in a sentence's words. */
function followUpState(record: Case | undefined): string {
  switch (record?.followUp?.status) {
    case 'SENT':
      return 'already sent';
    case 'SENDING':
      return 'being sent right now';
    case 'STOPPED':
      return 'stopped';
    case 'SCHEDULED':
      return 'put off until later';
    case 'SEND_UNKNOWN':
      return 'perhaps sent (the connection broke while sending)';
    default:
      return statePhrase(record);
  }
}

export async function actOnFollowUp(
  deps: ReceiveDeps,
  target: Case,
  parsed: ParsedMail,
  reply: ReplyTarget,
): Promise<string> {
  const f = target.followUp!;
  const letter = f.letter;
  const about = `follow-up to ${target.extraction?.company ?? target.letter?.to ?? 'your letter'}`;
  const command = followUpCommand(parsed.text, letter?.body);
  if (command.kind === 'snooze' || command.kind === 'stop' || command.kind === 'discard') {
    const decide = command.kind === 'snooze' ? snoozeFollowUp : stopFollowUp;
    const result = await decide(deps, target.id, f.round);
    const done = result.outcome === 'done';
    const now = 'record' in result ? result.record : undefined;
    await tell(
      deps,
      target,
      `${done ? (command.kind === 'snooze' ? 'Not now' : 'Stopped') : 'Nothing done'}: ${about}`,
      done
        ? [
            command.kind === 'snooze'
              ? `Put off: onward asks you again on ${now?.followUp?.snoozedUntil?.slice(0, 10) ?? 'a later day'}, with the follow-up as you left it. Nothing was sent.`
              : 'No follow-up on this case: nothing was sent, and onward drafts none for it. "Follow up again" on your cases page starts one.',
          ]
        : [`The follow-up is ${followUpState(now)}.`],
    );
    return command.kind;
  }
  if (
    !letter ||
    command.kind === 'empty' ||
    command.kind === 'unclear' ||
    command.kind === 'not-rejection' ||
    command.kind === 'draft'
  ) {
    const said =
      command.kind === 'unclear'
        ? `onward did not understand your reply (“${command.said}”), so it did nothing.`
        : 'onward did nothing.';
    await tell(deps, target, `Nothing done: ${about}`, [`${said} ${HOW}`]);
    return command.kind;
  }
  if (command.kind === 'send' && reply.digest !== letterDigest(letter)) {
    // The follow-up changed after the email this reply answers (on the page or by a later reply).
    await tell(deps, target, `Not sent: ${about}`, [
      'The email you replied to did not show the follow-up as it stands now, so onward sent nothing.',
      'The current follow-up comes in a fresh draft email: reply "send" to that one, or send it from its page.',
    ]);
    await emailFollowUpDraft(deps, target);
    return 'send-stale';
  }
  if (command.kind === 'send') {
    const result = await sendFollowUp(deps, target.id, f.round, {
      to: letter.to ?? '',
      subject: letter.subject,
      body: letter.body,
    });
    const lines: Record<typeof result.outcome, string[]> = {
      sent: [`Your follow-up to ${letter.to} left just now, exactly as drafted.`],
      'already-sent': ['This follow-up was already sent; nothing more was sent.'],
      invalid: [
        'The follow-up was not sent:',
        ...('problems' in result ? result.problems.map((p) => `  - ${p}`) : []),
        'Fix it on its page, or reply with the revised letter.',
      ],
      failed: ['The mail service refused the follow-up, so nothing was sent. You can retry from its page.'],
      unknown: [
        'The connection broke while sending: the follow-up may have left. onward will not resend it by itself.',
      ],
      'not-sendable': [
        `The follow-up cannot be sent: it is ${followUpState('record' in result ? result.record : undefined)}.`,
      ],
      missing: ['onward no longer has this case.'],
    };
    const headline =
      result.outcome === 'sent'
        ? 'Sent'
        : result.outcome === 'already-sent'
          ? 'Already sent'
          : result.outcome === 'unknown'
            ? 'Perhaps sent'
            : 'Not sent';
    await tell(deps, target, `${headline}: ${about}`, lines[result.outcome]);
    return 'send';
  }
  // A revision: the follow-up becomes what the owner wrote, and comes back for approval.
  const { letter: revised } = applyEdits(letter, {
    to: letter.to ?? '',
    subject: letter.subject,
    body: command.body,
    detail: '',
  });
  const updated = await deps.cases.transitionFollowUp(target.id, f.round, ['AWAITING_APPROVAL'], 'AWAITING_APPROVAL', {
    letter: revised,
    at: deps.clock.now().toISOString(),
  });
  if (!updated) {
    await tell(deps, target, `Not revised: ${about}`, [
      `The follow-up can no longer change: it is ${followUpState(target)}.`,
    ]);
    return 'revise-refused';
  }
  await emailFollowUpDraft(deps, updated);
  return 'revise';
}
