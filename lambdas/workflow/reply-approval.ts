// The owner answers a draft email: "send" sends the letter exactly as drafted, "discard" drops
// it, anything else becomes the revised letter and comes back as a fresh draft — a reply never
// sends text the owner has not seen. The reply itself is recorded once acted on.
import { ignoredRecordExpiry, type Case } from '../core/case.ts';
import type { ParsedMail } from '../core/mail.ts';
import { replyCommand } from '../core/reply.ts';
import { emailDraft, ownerMail } from './owner-mail.ts';
import type { ReceiveDeps, ReceiveOutcome } from './receive-mail.ts';
import { applyEdits, discardDraft, sendLetter } from './review.ts';

async function tell(deps: ReceiveDeps, target: Case, subject: string, lines: string[]) {
  const text = [...lines, '', `Review it here: ${deps.links.review(target.id)}`].join('\n');
  await deps.mailer.send(ownerMail(deps.owner, { subject, text }));
}

async function act(deps: ReceiveDeps, target: Case, parsed: ParsedMail): Promise<string> {
  const command = replyCommand(parsed.text);
  const letter = target.letter;
  const about = target.extraction?.company ?? target.original?.subject ?? 'your letter';
  if (command.kind === 'empty' || !letter) {
    await tell(deps, target, `Nothing done: ${about}`, ['Your reply had no text onward could act on. Reply "send", "discard", or with your revised letter.']);
    return 'empty';
  }
  if (command.kind === 'discard') {
    const result = await discardDraft(deps, target.id);
    const done = result.outcome === 'done';
    await tell(deps, target, `${done ? 'Discarded' : 'Not discarded'}: ${about}`, [
      done ? 'The draft is discarded. Nothing was sent.' : `The draft could not be discarded: it is ${'record' in result ? result.record.status : 'gone'}.`,
    ]);
    return 'discard';
  }
  if (command.kind === 'send') {
    const result = await sendLetter(deps, target.id, { to: letter.to ?? '', subject: letter.subject, body: letter.body, detail: '' });
    const lines: Record<typeof result.outcome, string[]> = {
      sent: [`Your letter to ${letter.to} left just now, exactly as drafted.`],
      'already-sent': ['This letter was already sent; nothing more was sent.'],
      invalid: ['The letter was not sent:', ...('problems' in result ? result.problems.map((p) => `  - ${p}`) : []), 'Fix it on the review page, or reply with the revised letter.'],
      failed: ['The mail service refused the letter, so nothing was sent. You can retry from the review page.'],
      unknown: ['The connection broke while sending: the letter may have left. onward will not resend it by itself.'],
      'not-sendable': [`The letter cannot be sent from its current state (${'record' in result ? result.record.status : 'unknown'}).`],
      missing: ['onward no longer has this case.'],
    };
    await tell(deps, target, `${result.outcome === 'sent' ? 'Sent' : 'Not sent'}: ${about}`, lines[result.outcome]);
    return 'send';
  }
  // A revision: the letter becomes what the owner wrote, and comes back for approval.
  const { letter: revised } = applyEdits(letter, { to: letter.to ?? '', subject: letter.subject, body: command.body, detail: '' });
  const updated = await deps.cases.update(target.id, 'AWAITING_APPROVAL', { letter: revised });
  if (!updated) {
    await tell(deps, target, `Not revised: ${about}`, [`The draft can no longer change: it is ${target.status}.`]);
    return 'revise-refused';
  }
  await emailDraft(deps, updated);
  return 'revise';
}

export async function handleReply(deps: ReceiveDeps, record: Case, parsed: ParsedMail, ref: string): Promise<ReceiveOutcome> {
  const target = await deps.cases.findByReplyRef(ref);
  if (!target || target.id === record.id) {
    await deps.cases.transition(record.id, ['RECEIVED'], 'IGNORED', { reason: 'bad-reply', expiresAt: ignoredRecordExpiry(deps.clock.now()) });
    deps.log.info('reply.unknown', { caseId: record.id });
    return { outcome: 'ignored', caseId: record.id, reason: 'bad-reply' };
  }
  // Act first, record after: a crash in between replays the command, which is idempotent for
  // send and discard and only repeats the draft email for a revision.
  const command = await act(deps, target, parsed);
  await deps.cases.transition(record.id, ['RECEIVED'], 'IGNORED', { reason: 'owner-reply', repliedTo: target.id, expiresAt: ignoredRecordExpiry(deps.clock.now()) });
  deps.log.info('reply.handled', { caseId: record.id, target: target.id, command });
  return { outcome: 'replied', caseId: record.id };
}
