// One local stack for a test file: free ports, a temp data dir, quick retries. It runs in the test
// worker's own process, so the handler modules it imports are the ones the test can call too.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import nodemailer from 'nodemailer';
import { loadLocalConfig, type LocalConfig } from '../../lambdas/local/config.ts';
import { LOCAL_AWS } from '../../lambdas/local/emulators.ts';
import { claimFor } from '../../lambdas/local/running.ts';
import { sesEvent, sesMessageId } from '../../lambdas/local/ses-event.ts';
import { BUCKET, PREFIX, startLocalStack, type LocalStack } from '../../lambdas/local/stack.ts';
import { freePort } from './net.ts';
import { outbox, type SentMail } from './outbox.ts';

export const OWNER = 'me@example.com';
export const INBOUND = 'inbox@onward.localhost';

export interface TestStack {
  config: LocalConfig;
  stack: LocalStack;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onward-test-'));
  const result = loadLocalConfig({
    ONWARD_DATA_DIR: dataDir,
    ONWARD_SMTP_PORT: String(await freePort()),
    ONWARD_HTTP_PORT: String(await freePort()),
    ONWARD_SES_PORT: String(await freePort()),
    ...env,
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  // Held as `npm start` holds it: the CLI finds this stack by its data folder.
  const claim = await claimFor(result.config);
  if (!claim.ok) throw new Error(`${dataDir} is held by pid ${claim.holder.pid}`);
  const stack = await startLocalStack(result.config, { retryDelaysMs: [10, 20] });
  return {
    config: result.config,
    stack,
    dataDir,
    async stop() {
      await stack.stop();
      await claim.release();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let copies = 0;
/**
 * An example as a new email, with a Message-ID of its own: forwarding it again in another test is
 * then another rejection, not the same one forwarded twice (which onward answers "Already forwarded").
 */
export function asNewEmail(raw: string | Buffer): string {
  copies += 1;
  return raw
    .toString()
    .replace(/^Message-ID: <([^@>]+)@/im, (_m, local: string) => `Message-ID: <${local}.copy${copies}@`);
}

/** Forwards an example as an attachment through SMTP, as the owner's mail client does. */
export async function forwardExample(t: TestStack, file: string, from = OWNER): Promise<void> {
  await forwardRaw(t, asNewEmail(await readFile(path.join('examples', file))), file, from);
}

/** Forwards a recruiter's raw message as an attachment through SMTP, with the owner's note above it. */
export async function forwardRaw(
  t: TestStack,
  raw: string,
  file = 'original.eml',
  from = OWNER,
  note = 'Forwarding this one.',
): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: t.config.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    await transport.sendMail({
      from,
      to: INBOUND,
      subject: 'Fwd: see attached',
      text: note,
      attachments: [{ filename: file, content: raw, contentType: 'message/rfc822' }],
    });
  } finally {
    transport.close();
  }
}

/** Stores a raw message where SES's S3 action would and returns the Lambda-action event for it. */
export async function storeForSes(raw: string | Buffer, source = OWNER, recipients = [INBOUND]) {
  const messageId = sesMessageId();
  const s3 = new S3Client({ endpoint: process.env.AWS_ENDPOINT_URL_S3, forcePathStyle: true, ...LOCAL_AWS });
  const body = typeof raw === 'string' ? Buffer.from(raw) : raw;
  await s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${messageId}`, Body: body, ContentLength: body.length }),
  );
  return { messageId, event: sesEvent({ messageId, source, recipients, raw: body, functionName: 'on-mail-received' }) };
}

/** A forward-as-attachment from the owner of a recruiter's message. */
export function forwardOf(original: string, from = OWNER): string {
  return [
    `From: ${from}`,
    `To: ${INBOUND}`,
    'Subject: Fwd: see attached',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="fwd-b"',
    '',
    '--fwd-b',
    'Content-Type: text/plain',
    '',
    'Forwarding this one.',
    '--fwd-b',
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment; filename="orig.eml"',
    '',
    original.replace(/\r?\n/g, '\r\n'),
    '--fwd-b--',
    '',
  ].join('\r\n');
}

export async function outboxSince(t: TestStack, before: number): Promise<SentMail[]> {
  return (await outbox(t.stack.outboxDir)).slice(before);
}

export async function outboxCount(t: TestStack): Promise<number> {
  return (await outbox(t.stack.outboxDir)).length;
}
