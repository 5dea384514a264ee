// The inbound function as the review site reaches it: Lambda's Invoke API, asynchronously
// (`X-Amz-Invocation-Type: Event`), so Lambda queues the event, retries it twice and sends a
// final failure to the inbound function's failed-events queue, as for mail SES hands it.
import type { InboundFunction, PastedRejection } from '../workflow/ports.ts';
import type { AwsHttp } from './aws-http.ts';

/** The event the inbound function receives for a paste (lambdas/handlers/on-mail-received.ts reads it). */
interface PasteEvent {
  paste: PastedRejection;
}

export function inboundFunction(lambda: AwsHttp, functionName: string | undefined): InboundFunction {
  return {
    readPaste(paste) {
      // The review function of a stack that names no inbound function cannot hand a paste on.
      if (!functionName) throw new Error('no inbound function to hand the paste to');
      const event: PasteEvent = { paste };
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
    },
  };
}
