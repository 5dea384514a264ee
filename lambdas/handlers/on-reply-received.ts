// Lambda entry for the owner's replies to onward's emails, which the inbound function hands on
// (an asynchronous invocation only it may make) once it has recorded the mail and checked its
// sender. Validates the event, then receiveReply acts on it. A thrown error makes Lambda retry.
import * as z from 'zod/mini';
import { CASE_ID } from '../core/case/index.ts';
import { receiveReply } from '../workflow/reply-received.ts';
import { dynamoReplyLookup } from '../adapters/dynamo-cases.ts';
import { parseMime } from '../adapters/mime.ts';
import { composer, failingQuietly, jsonLogger, type Composition } from './compose.ts';

// What the inbound function sends (adapters/lambda-invoke.ts): the SES message id, which names the
// case and its raw mail, and the envelope recipients, among them the signed reply address.
const replyEvent = z.object({
  reply: z.object({
    messageId: z.string().check(z.regex(CASE_ID)),
    recipients: z.array(z.string()).check(z.minLength(1)),
  }),
});

const deps = composer(process.env, { parser: { parse: parseMime }, replyLookup: dynamoReplyLookup });

/** The handler's work, given a way to its dependencies (tests drive it in-process). */
export async function handleReplyEvent(
  dependencies: () => Promise<Pick<Composition, 'receive' | 'config'>>,
  event: unknown,
) {
  const parsed = replyEvent.safeParse(event);
  if (!parsed.success) {
    // Nothing to retry, nothing to record.
    jsonLogger.error('reply.bad-event', { issues: parsed.error.issues.length });
    return { outcomes: [] };
  }
  const { receive, config } = await dependencies();
  const { messageId, recipients } = parsed.data.reply;
  return {
    outcomes: [
      await receiveReply(receive, { messageId, recipients, objectKey: `${config.inboundPrefix}${messageId}` }),
    ],
  };
}

export const handler = failingQuietly('reply', (event: unknown) => handleReplyEvent(deps, event));
