// Mail from onward to its owner: always From onward's sender address, marked automatic.
import type { Case } from '../core/case/index.ts';
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
