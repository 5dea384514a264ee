// The inbound function's side of a pasted rejection (paste.ts stores it and hands it over): the
// stored text becomes the mail the owner would have forwarded and goes through exactly the
// reading, recording and drafting a forward does (receive-mail.ts `readAndDraft`), with the same
// duplicate rules and the same emails to the owner. One case per paste, keyed by its id, so a
// repeated event resumes rather than reads twice. No sender check: the paste came from the
// owner's signed page, through an invocation only the review site may make.
import { type ParsedMail, parseRecipient } from '../core/mail/index.ts';
import type { InboundMail, ReceiveDeps, ReceiveOutcome } from './inbound.ts';
import type { MimeParser, PastedRejection } from './ports.ts';
import { readAndDraft, receiveCase } from './receive-mail.ts';

// A header block: the first line is a header field, and one of the fields that name a message is
// among the lines before the first blank one.
const HEADER_FIELD = /^[!-9;-~]+:[ \t]?\S/;
const NAMING_FIELD = /^(?:from|subject|date|to|message-id|sent):/im;

function hasHeaders(text: string): boolean {
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return HEADER_FIELD.test(block) && NAMING_FIELD.test(block);
}

/**
 * The pasted text as mail: parsed as a message when it has headers, else the text alone. Who sent
 * it, when the owner says (`from`): it wins over a From the paste may carry.
 */
async function pastedMail(parser: MimeParser, pasted: string, from: string): Promise<ParsedMail> {
  const text = pasted.replace(/\r\n/g, '\n').trim();
  let mail: ParsedMail | null = null;
  if (hasHeaders(text)) {
    const parsed = await parser.parse(new TextEncoder().encode(text.replace(/\n/g, '\r\n'))).catch(() => null);
    if (parsed?.text.trim()) mail = parsed;
  }
  mail ??= {
    messageId: null,
    from: [],
    replyTo: [],
    to: [],
    cc: [],
    subject: '',
    date: null,
    inReplyTo: null,
    references: null,
    text,
    headers: [],
    attached: null,
  };
  const sender = from.trim() ? parseRecipient(from.trim()) : null;
  return sender ? { ...mail, from: [{ name: sender.name, address: sender.address.toLowerCase() }] } : mail;
}

/** Reads the paste stored at `objectKey` as case `caseId`, as a forward would be read. */
export async function readPaste(
  deps: ReceiveDeps,
  paste: PastedRejection & Pick<InboundMail, 'objectKey'>,
): Promise<ReceiveOutcome> {
  return receiveCase(deps, paste.caseId, async (record) => {
    const raw = await deps.rawMail.read(paste.objectKey, deps.maxMessageBytes);
    // The site stores at most 100,000 characters; anything else is no paste it stored.
    const text = raw.tooLarge ? '' : new TextDecoder().decode(raw.bytes);
    const parsed = await pastedMail(deps.parser, text, paste.from);
    deps.log.info('paste.received', { caseId: record.id, headers: parsed.headers.length > 0 });
    return readAndDraft(deps, record, parsed);
  });
}
