// The inbound function's side of a pasted rejection (paste.ts stores it and hands it over): the
// stored text becomes the mail the owner would have forwarded and goes through exactly the
// reading, recording and drafting a forward does (receive-mail.ts `readAndDraft`), with the same
// duplicate rules and the same emails to the owner. One case per paste, keyed by its id, so a
// repeated event resumes rather than reads twice. No sender check: the paste came from the
// owner's signed page, through an invocation only the review site may make.
import { pastedMail } from '../core/mail/index.ts';
import type { InboundMail, ReceiveDeps, ReceiveOutcome } from './inbound.ts';
import type { PastedRejection } from './ports.ts';
import { readAndDraft, receiveCase } from './receive-mail.ts';

/** Reads the paste stored at `objectKey` as case `caseId`, as a forward would be read. */
export async function readPaste(
  deps: ReceiveDeps,
  paste: PastedRejection & Pick<InboundMail, 'objectKey'>,
): Promise<ReceiveOutcome> {
  return receiveCase(deps, paste.caseId, async (record) => {
    const raw = await deps.rawMail.read(paste.objectKey, deps.maxMessageBytes);
    // The site stores at most 100,000 characters; anything else is no paste it stored.
    const text = raw.tooLarge ? '' : new TextDecoder().decode(raw.bytes);
    const parsed = await pastedMail((bytes) => deps.parser.parse(bytes), text, paste.from);
    deps.log.info('paste.received', { caseId: record.id, headers: parsed.headers.length > 0 });
    return readAndDraft(deps, record, parsed);
  });
}
