// `onward start`: the whole workflow on one machine — emulators, the inbound SMTP mailbox, the
// review site — running the same handler modules Lambda runs, wired only through environment.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
// Only for the local SMTP front's S3 writes (smtp-inbound.ts); this file never runs in Lambda.
import { S3Client } from '@aws-sdk/client-s3';
import { CASE_ID } from '../core/case/index.ts';
import * as settings from '../settings/settings.ts';
import type { LocalConfig } from './config.ts';
import { BUCKET, TABLE } from './data.ts';
import { LOCAL_AWS, close, ensureTable, listen, startDynamo, startLambda, startS3, startSes } from './emulators.ts';
import { httpFront } from './http-front.ts';
import { mailboxPage, readMailbox } from './mailbox.ts';
import { asyncInvoker, type AsyncInvoker } from './invoke.ts';
import { addToRecord } from './running.ts';
import { inboundSmtpServer } from './smtp-inbound.ts';

export { BUCKET };
export const PREFIX = settings.inboundPrefix.default;

export interface LocalStack {
  /** `ses` is the SES endpoint the handlers send through; `mailbox` the page that shows what they sent. */
  urls: { smtp: string; ses: string; review: string; cases: string; mailbox: string };
  outboxDir: string;
  invoker: AsyncInvoker;
  stop(): Promise<void>;
}

async function signingKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'signing.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const key = randomBytes(32).toString('hex');
    await writeFile(file, `${key}\n`, { mode: 0o600 });
    return key;
  }
}

function localLog(event: string, fields: Record<string, string | number> = {}) {
  console.log(JSON.stringify({ level: 'info', event, ...fields }));
}

export async function startLocalStack(
  config: LocalConfig,
  options: { retryDelaysMs?: number[] } = {},
): Promise<LocalStack> {
  const dataDir = path.resolve(config.dataDir);
  await mkdir(dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const dynamo = await startDynamo(path.join(dataDir, 'dynamodb'));
    stops.push(dynamo.stop);
    const s3 = await startS3(path.join(dataDir, 's3'), BUCKET);
    stops.push(s3.stop);
    // `onward labels` reads the data through these while the stack holds the folder.
    await addToRecord(dataDir, { endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint } });
    const outboxDir = path.join(dataDir, 'outbox');
    const ses = await startSes(config.sesPort, outboxDir);
    stops.push(ses.stop);
    await ensureTable(dynamo.endpoint, TABLE);
    // The review handler hands a paste to the inbound function, and the inbound handler the owner's
    // replies to the replies function, through Lambda's Invoke API; the stand-in queues each event
    // on the invoker below, which runs the function's handler in this process.
    let invoker: AsyncInvoker | null = null;
    const queue = async (id: string, event: unknown) => {
      if (!invoker) throw new Error('the stack is still starting');
      await invoker.invoke(id, event);
    };
    // The id names the event's file while it waits: never a path, whatever the event says.
    const idOf = (value: unknown) =>
      typeof value === 'string' && CASE_ID.test(value) && !value.startsWith('.')
        ? value
        : randomBytes(8).toString('hex');
    const lambda = await startLambda({
      [settings.inboundFunction.local]: (event) =>
        queue(idOf((event as { paste?: { caseId?: unknown } }).paste?.caseId), event),
      [settings.repliesFunction.local]: (event) =>
        queue(`reply-${idOf((event as { reply?: { messageId?: unknown } }).reply?.messageId)}`, event),
    });
    stops.push(lambda.stop);

    const reviewUrl = `http://localhost:${config.httpPort}/`;
    const handlers: Record<string, string> = {
      AWS_REGION: LOCAL_AWS.region,
      AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      [settings.ownerName.env]: config.ownerName,
      [settings.greeting.env]: config.voice.greeting,
      [settings.signOff.env]: config.voice.signOff,
      [settings.signature.env]: config.voice.signature.join(' | '),
      [settings.closing.env]: config.voice.closing,
      [settings.ownerEmail.env]: config.ownerEmail,
      [settings.allowedSenders.env]: config.allowedSenders ?? '',
      [settings.inboundAddress.env]: config.inboundAddress,
      [settings.senderAddress.env]: config.senderAddress,
      [settings.tableName.env]: TABLE,
      [settings.bucketName.env]: BUCKET,
      [settings.inboundPrefix.env]: PREFIX,
      [settings.inboundFunction.env]: settings.inboundFunction.local,
      [settings.repliesFunction.env]: settings.repliesFunction.local,
      [settings.reviewUrl.env]: reviewUrl,
      [settings.linkTtlDays.env]: String(config.linkTtlDays),
      [settings.followUpDays.env]: String(config.followUpDays),
      [settings.timeZone.env]: config.timeZone,
      [settings.maxMessageBytes.env]: String(config.maxMessageBytes),
      [settings.requireDmarc.env]: String(settings.requireDmarc.local),
      [settings.s3PathStyle.env]: String(settings.s3PathStyle.local),
    };
    Object.assign(process.env, handlers, { [settings.signingKey.env]: await signingKey(dataDir) });
    // `onward housekeeping` runs the hourly handler with the same settings; the key stays in its file.
    await addToRecord(dataDir, { handlers });
    // Imported only now: the handlers read their environment on first use, as in Lambda.
    const inbound = await import('../handlers/on-mail-received.ts');
    const replies = await import('../handlers/on-reply-received.ts');
    const review = await import('../handlers/on-approval-request.ts');
    const { composer } = await import('../handlers/compose.ts');
    const { linkFor, ALL_CASES } = await import('../core/links/index.ts');
    const { web: webDeps } = await composer(process.env)();
    const casesUrl = () => linkFor(webDeps.signer, ALL_CASES, 'cases');

    // Lambda keeps an async event until it has run; so does the stack, so a killed process
    // finishes its work on the next start.
    const running = asyncInvoker(
      // One queue for both functions, as events already on disk are SES's and pastes: a reply is
      // the one event that names a `reply`.
      async (event) => {
        if (event && typeof event === 'object' && 'reply' in event) await replies.handler(event);
        else await inbound.handler(event);
      },
      {
        deadLetterDir: path.join(dataDir, 'dead-letters'),
        retryDelaysMs: options.retryDelaysMs,
        log: localLog,
        pendingDir: path.join(dataDir, 'pending'),
      },
    );
    invoker = running;

    // On AWS a schedule runs the housekeeping hourly; locally it runs at start and every hour.
    // At start — before the review site listens and pending events resume — nothing is sending,
    // so any letter still SENDING was cut off by a crash.
    const expiry = await import('../handlers/expire-drafts.ts');
    await expiry.handler({ staleSendSeconds: 0 });
    const hourly = setInterval(() => void expiry.handler({}).catch(() => undefined), 3600_000);
    hourly.unref();
    stops.push(async () => clearInterval(hourly));

    const web = httpFront(review.handler, {
      '/mailbox': async () =>
        mailboxPage(await readMailbox(outboxDir), {
          timeZone: config.timeZone,
          folder: outboxDir,
          casesUrl: casesUrl(),
        }),
    });
    await listen(web, config.httpPort, settings.httpPort.env);
    stops.push(() => close(web));

    const smtp = inboundSmtpServer({
      inboundAddress: config.inboundAddress,
      maxBytes: config.maxMessageBytes,
      s3: new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, ...LOCAL_AWS }),
      bucket: BUCKET,
      prefix: PREFIX,
      invoker: running,
      log: localLog,
    });
    // smtp-server re-emits its socket's errors; listen() below reports them, so they must not crash.
    smtp.on('error', (error: NodeJS.ErrnoException) => localLog('smtp.error', { code: error.code ?? 'unknown' }));
    await listen(smtp.server, config.smtpPort, settings.smtpPort.env);
    stops.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
    stops.push(() => running.idle());

    await running.resumePending();
    await running.redriveDeadLetters();

    return {
      urls: {
        smtp: `smtp://localhost:${config.smtpPort}`,
        ses: ses.endpoint,
        review: reviewUrl,
        cases: casesUrl(),
        mailbox: `${reviewUrl}mailbox`,
      },
      outboxDir,
      invoker: running,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
