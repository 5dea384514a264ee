// Lambda entry for SES's Lambda action (invocation type Event), placed after the S3 action, and
// for a rejection pasted on the review site, which that site stores and hands over the same way.
// Validates the event, then hands each message to receiveMail (a paste to readPaste). A thrown
// error makes Lambda retry.
import * as z from 'zod/mini';
import { CASE_ID } from '../core/case/index.ts';
import { parseMime } from '../adapters/mime.ts';
import { composer, failingQuietly, jsonLogger, type Composition } from './compose.ts';
import { type VerdictStatus, verifiedDkimDomains } from '../core/trust/index.ts';
import { readPaste } from '../workflow/read-paste.ts';
import { receiveMail } from '../workflow/receive-mail.ts';

const verdict = z.optional(z.object({ status: z.string() }));
const sesEvent = z.object({
  Records: z
    .array(
      z.object({
        ses: z.object({
          mail: z.object({
            messageId: z.string().check(z.regex(CASE_ID)),
            source: z._default(z.string(), ''),
            // SES's own trace headers on top, then the message's: the DKIM domains it verified.
            headers: z._default(z.array(z.object({ name: z.string(), value: z.string() })), []),
          }),
          receipt: z.object({
            recipients: z._default(z.array(z.string()), []),
            spamVerdict: verdict,
            virusVerdict: verdict,
            dmarcVerdict: verdict,
            spfVerdict: verdict,
            dkimVerdict: verdict,
          }),
        }),
      }),
    )
    .check(z.minLength(1)),
});

// What the review site sends (adapters/lambda-invoke.ts): a paste's case id, which names its stored
// text, and who the owner said sent it.
const pasteEvent = z.object({
  paste: z.object({
    caseId: z.string().check(z.regex(/^paste-[0-9a-f-]{36}$/)),
    from: z.string().check(z.maxLength(998)),
  }),
});

const status = (v: { status: string } | undefined): VerdictStatus => (v?.status ?? 'GRAY') as VerdictStatus;

const deps = composer(process.env, { parser: { parse: parseMime } });

/**
 * The handler's work, given a way to its dependencies: tests drive it with events built from
 * SES's samples. The event is checked first, so a stray invocation costs no configuration.
 */
export async function handleSesEvent(
  dependencies: () => Promise<Pick<Composition, 'receive' | 'config'>>,
  event: unknown,
) {
  const pasted = pasteEvent.safeParse(event);
  if (pasted.success) {
    const { receive, config } = await dependencies();
    const { caseId, from } = pasted.data.paste;
    return { outcomes: [await readPaste(receive, { caseId, from, objectKey: `${config.inboundPrefix}${caseId}` })] };
  }
  const parsed = sesEvent.safeParse(event);
  if (!parsed.success) {
    // Neither an SES event nor a paste: nothing to retry, nothing to record.
    jsonLogger.error('mail.bad-event', { issues: parsed.error.issues.length });
    return { outcomes: [] };
  }
  const { receive, config } = await dependencies();
  const outcomes = [];
  for (const { ses } of parsed.data.Records) {
    const { receipt, mail } = ses;
    outcomes.push(
      await receiveMail(receive, {
        messageId: mail.messageId,
        objectKey: `${config.inboundPrefix}${mail.messageId}`,
        envelope: {
          source: mail.source,
          spam: status(receipt.spamVerdict),
          virus: status(receipt.virusVerdict),
          dmarc: status(receipt.dmarcVerdict),
          spf: status(receipt.spfVerdict),
          dkim: status(receipt.dkimVerdict),
          dkimDomains: verifiedDkimDomains(mail.headers, status(receipt.dkimVerdict)),
        },
        recipients: receipt.recipients,
      }),
    );
  }
  return { outcomes };
}

export const handler = failingQuietly('mail', (event: unknown) => handleSesEvent(deps, event));
