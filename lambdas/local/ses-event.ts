// Builds the event SES's Lambda action delivers (shape: test/fixtures/ses-lambda-event.json)
// for a message the local SMTP server accepted. Verdicts are GRAY: nothing here checked SPF,
// DKIM, DMARC, spam or viruses, and the event must not claim otherwise.
import { randomUUID } from 'node:crypto';

const HEADER_LIMIT = 64 * 1024;

/** Raw header fields, unfolded, as SES lists them in the event (not decoded). */
function rawHeaders(raw: Buffer): { name: string; value: string }[] {
  const end = raw.subarray(0, HEADER_LIMIT).indexOf('\r\n\r\n');
  const block = raw.subarray(0, end === -1 ? Math.min(raw.length, HEADER_LIMIT) : end).toString('latin1');
  return block
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .map((line) => /^([!-9;-~]+):\s?(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, value: m[2]! }));
}

export function sesMessageId(): string {
  return `${Date.now().toString(16)}-${randomUUID()}-000000`;
}

export function sesEvent(input: {
  messageId: string;
  source: string;
  recipients: string[];
  raw: Buffer;
  functionName: string;
}) {
  const headers = rawHeaders(input.raw);
  const first = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const all = (name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  const now = new Date().toISOString();
  const gray = { status: 'GRAY' };
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: now,
            source: input.source,
            messageId: input.messageId,
            destination: input.recipients,
            headersTruncated: input.raw.subarray(0, HEADER_LIMIT).indexOf('\r\n\r\n') === -1,
            headers,
            commonHeaders: {
              returnPath: input.source,
              from: all('from'),
              date: first('date'),
              to: all('to'),
              messageId: first('message-id'),
              subject: first('subject'),
            },
          },
          receipt: {
            timestamp: now,
            processingTimeMillis: 0,
            recipients: input.recipients,
            spamVerdict: gray,
            virusVerdict: gray,
            spfVerdict: gray,
            dkimVerdict: gray,
            dmarcVerdict: gray,
            action: {
              type: 'Lambda',
              functionArn: `arn:aws:lambda:local:000000000000:function:${input.functionName}`,
              invocationType: 'Event',
            },
          },
        },
      },
    ],
  };
}
