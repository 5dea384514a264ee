// The replies function's use case: the owner's reply to one of onward's emails, which the inbound
// function received, recorded as case RECEIVED and found to come from an allowed sender to a
// signed reply address, then handed over (`OwnerReplies`). It is read again from the raw mail and
// acted on (reply-approval.ts). Only the inbound function may invoke the replies function, so no
// sender check is repeated here; a replay finds the case no longer RECEIVED and does nothing.
import { ignoredRecordExpiry } from '../core/case/index.ts';
import { refFromRecipients } from '../core/reply-address/index.ts';
import type { InboundMail, ReceiveDeps, ReceiveOutcome } from './inbound.ts';
import { handleReply } from './reply-approval.ts';
import { setAside } from './set-aside.ts';

export async function receiveReply(
  deps: ReceiveDeps,
  mail: Pick<InboundMail, 'messageId' | 'objectKey' | 'recipients'>,
): Promise<ReceiveOutcome> {
  const record = await deps.cases.get(mail.messageId);
  // Acted on already (a replayed event), or never recorded by the inbound function: nothing to do.
  if (record?.status !== 'RECEIVED') return { outcome: 'duplicate', caseId: mail.messageId };
  const reply = refFromRecipients(mail.recipients, deps.inboundAddress);
  const raw = await deps.rawMail.read(mail.objectKey, deps.maxMessageBytes);
  const parsed = !reply || raw.tooLarge ? null : await deps.parser.parse(raw.bytes).catch(() => null);
  if (!reply || !parsed) {
    // The inbound function read it as a reply moments ago; whatever changed, it is set aside.
    await setAside(deps.cases, record.id, {
      reason: 'unreadable',
      expiresAt: ignoredRecordExpiry(deps.clock.now()),
    });
    return { outcome: 'ignored', caseId: record.id, reason: 'unreadable' };
  }
  return handleReply(deps, record, parsed, reply);
}
