// Another onward function as one function reaches it: Lambda's Invoke API, asynchronously
// (`X-Amz-Invocation-Type: Event`), so Lambda queues the event, retries it twice and sends a
// final failure to the invoked function's failed-events queue, as for mail SES hands on. The
// review site hands a paste to the inbound function; the inbound function hands the owner's
// replies to the replies function.
import type { InboundMail, OwnerReplies } from '../workflow/inbound.ts';
import type { InboundFunction, PastedRejection } from '../workflow/ports.ts';
import type { AwsHttp } from './aws-http.ts';

/** The event the replies function receives (lambdas/handlers/on-reply-received.ts reads it). */
type ReplyEvent = { reply: Pick<InboundMail, 'messageId' | 'recipients'> };

function invokeAsync(lambda: AwsHttp, functionName: string | undefined, event: unknown): Promise<void> {
  // A function whose stack names no such function cannot hand anything on.
  if (!functionName) throw new Error('no function to hand the event to');
  return lambda.send(
    {
      method: 'POST',
      path: `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
      body: JSON.stringify(event),
    },
    async (response) => {
      await response.body?.cancel();
    },
  );
}

export function inboundFunction(lambda: AwsHttp, functionName: string | undefined): InboundFunction {
  return {
    readPaste: (paste: PastedRejection) => invokeAsync(lambda, functionName, { paste }),
  };
}

/** The owner's replies, handed to the replies function: the case is acted on there. */
export function repliesFunction(lambda: AwsHttp, functionName: string | undefined): OwnerReplies {
  return {
    async handle(mail, record) {
      const event: ReplyEvent = { reply: { messageId: mail.messageId, recipients: mail.recipients } };
      await invokeAsync(lambda, functionName, event);
      return { outcome: 'handed-over', caseId: record.id };
    },
  };
}
