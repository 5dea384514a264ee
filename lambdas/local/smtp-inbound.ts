// The local inbound mailbox: plays SES receiving. Accepts mail for the inbound address (and its
// +tagged reply addresses) only, refuses oversized mail at the protocol level, stores the raw
// message where SES's S3 action would, then invokes on-mail-received asynchronously.
// The SDK client is fine here: this plays SES receiving and never runs in Lambda, where cold-start
// time is what made the handlers' adapters drop the SDK clients (aws-http.ts).
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AsyncInvoker } from './invoke.ts';
import { sesEvent, sesMessageId } from './ses-event.ts';

export interface InboundOptions {
  inboundAddress: string;
  maxBytes: number;
  s3: S3Client;
  bucket: string;
  prefix: string;
  invoker: AsyncInvoker;
  log: (event: string, fields: Record<string, string | number>) => void;
}

function smtpError(message: string, responseCode: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

function acceptsRecipient(address: string, inbound: string): boolean {
  const [local, domain] = inbound.toLowerCase().split('@') as [string, string];
  const wanted = address.trim().toLowerCase();
  return wanted === inbound.toLowerCase() || (wanted.startsWith(`${local}+`) && wanted.endsWith(`@${domain}`));
}

export function inboundSmtpServer(options: InboundOptions): SMTPServer {
  const config: SMTPServerOptions = {
    name: 'onward.localhost',
    banner: 'onward local inbound',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!acceptsRecipient(address.address, options.inboundAddress)) {
        callback(smtpError(`5.1.1 <${address.address}>: no such mailbox here; send to ${options.inboundAddress}`, 550));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Keep reading to the end of DATA, but stop buffering once over the cap.
        if (size <= options.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > options.maxBytes) {
          options.log('smtp.too-large', { bytes: size });
          callback(smtpError(`5.3.4 Message too large: the limit is ${options.maxBytes} bytes`, 552));
          return;
        }
        const raw = Buffer.concat(chunks);
        const messageId = sesMessageId();
        const source = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        options.s3
          .send(
            new PutObjectCommand({
              Bucket: options.bucket,
              Key: `${options.prefix}${messageId}`,
              Body: raw,
              ContentLength: raw.length,
            }),
          )
          .then(() =>
            options.invoker.invoke(
              messageId,
              sesEvent({ messageId, source, recipients, raw, functionName: 'on-mail-received' }),
            ),
          )
          .then(() => {
            options.log('smtp.accepted', { messageId, bytes: raw.length });
            callback(null, `Queued as ${messageId}`);
          })
          .catch((error: unknown) => {
            options.log('smtp.store-failed', { error: error instanceof Error ? error.name : 'unknown' });
            callback(smtpError('4.3.0 Could not store the message; try again later', 451));
          });
      });
    },
  };
  return new SMTPServer(config);
}
