// Mail onward sends: to its owner (always From onward's sender address, marked automatic), and
// the owner's letters to the interviewer.
import { type Case, type Letter, letterMessageId } from '../core/case/index.ts';
import { draftMessage, type OwnerMessage } from '../core/notices/index.ts';
import type { Links, Mailer, OutgoingMail, Owner } from './ports.ts';

export function ownerMail(owner: Owner, message: OwnerMessage, replyTo?: string): OutgoingMail {
  return {
    from: { name: 'onward', address: owner.senderAddress },
    to: { name: owner.name, address: owner.email },
    ...(replyTo ? { replyTo } : {}),
    subject: message.subject,
    text: message.text,
    automatic: true,
  };
}

/** The draft email: the letter, what was detected, the Review link; replies to it approve or revise. */
export async function emailDraft(deps: { mailer: Mailer; links: Links; owner: Owner }, record: Case): Promise<void> {
  const message = draftMessage(record, { review: deps.links.review(record.id), cases: deps.links.cases() }, deps.owner);
  await deps.mailer.send(ownerMail(deps.owner, message, deps.links.replyAddress(record.id, record.letter)));
}

/**
 * A letter — the thank-you or a follow-up `round` — as it leaves: From the owner's name, replies
 * to the owner, and the owner on it as a blind copy, whether sent from the page or by reply.
 */
export function letterMail(owner: Owner, letter: Letter, caseId: string, round?: number): OutgoingMail {
  return {
    from: { name: owner.name, address: owner.senderAddress },
    to: { name: letter.toName, address: letter.to! },
    replyTo: owner.email,
    bcc: owner.email,
    subject: letter.subject,
    text: letter.body,
    inReplyTo: letter.inReplyTo,
    references: letter.references,
    caseId,
    messageId: letterMessageId(caseId, owner.senderAddress, round),
  };
}
