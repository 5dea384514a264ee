// Lambda entry for the SNS topic of the letters' SES configuration set: bounce and complaint
// events of sent letters. It needs only the cases table, so it builds just that (least privilege:
// no signing secret, no SES, no raw mail). A malformed message is logged and dropped (retrying
// cannot fix it); a DynamoDB failure throws, and Lambda retries, then the dead-letter queue.
import * as z from 'zod/mini';
import { awsHttp } from '../adapters/aws-http.ts';
import { dynamoCaseRepository } from '../adapters/dynamo-cases.ts';
import { tableName } from '../settings/settings.ts';
import { recordFeedback, type SesFeedback } from '../workflow/record-feedback.ts';
import { failingQuietly, jsonLogger, systemClock } from './compose.ts';

const snsEvent = z.object({ Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })) });
const notification = z.object({
  notificationType: z.optional(z.string()),
  eventType: z.optional(z.string()),
  mail: z.optional(z.object({ tags: z.optional(z.record(z.string(), z.array(z.string()))) })),
  bounce: z.optional(z.object({ timestamp: z.optional(z.string()), bounceType: z.optional(z.string()) })),
  complaint: z.optional(z.object({ timestamp: z.optional(z.string()) })),
});

const table = z.string().check(z.minLength(1)).safeParse(process.env[tableName.env]);
const cases = table.success ? dynamoCaseRepository(awsHttp('dynamodb', process.env), table.data) : null;

export const handler = failingQuietly('feedback', async (event: unknown) => {
  const parsed = snsEvent.safeParse(event);
  if (!cases) throw new Error(`${tableName.env} is not set`);
  if (!parsed.success) {
    jsonLogger.error('feedback.bad-event', { issues: parsed.error.issues.length });
    return { outcomes: [] };
  }
  const outcomes = [];
  for (const record of parsed.data.Records) {
    let body: unknown;
    try {
      body = JSON.parse(record.Sns.Message);
    } catch {
      body = null;
    }
    const note = notification.safeParse(body);
    if (!note.success) {
      jsonLogger.error('feedback.bad-message', {});
      continue;
    }
    outcomes.push(
      (await recordFeedback({ cases, clock: systemClock, log: jsonLogger }, note.data as SesFeedback)).outcome,
    );
  }
  return { outcomes };
});
