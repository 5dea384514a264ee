// The local stack's data read from outside it (`onward labels`), through the same adapters the
// handlers use. A running stack's DynamoDB holds the data folder's lock — a second dynalite on the
// folder would fail — so while one runs, the reader talks to its emulators (the stack's record in
// running.json says where they listen); otherwise it opens the folder itself.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { awsHttp } from '../adapters/aws-http.ts';
import { dynamoCaseRepository } from '../adapters/dynamo-cases.ts';
import { s3RawMailStore } from '../adapters/s3-raw-mail.ts';
import type { CaseRepository, RawMailStore } from '../workflow/ports.ts';
import { LOCAL_AWS, startDynamo, startS3 } from './emulators.ts';
import { alive, type RunningStack, readRunning } from './running.ts';

export const TABLE = 'onward-cases';
export const BUCKET = 'onward-raw-mail';

type Endpoints = NonNullable<RunningStack['endpoints']>;

const envFor = (endpoints: Endpoints) => ({
  AWS_REGION: LOCAL_AWS.region,
  AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
  AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  AWS_ENDPOINT_URL_S3: endpoints.s3,
});

export interface LocalData {
  cases: CaseRepository;
  rawMail: RawMailStore;
  /** `running`: read through a running stack; otherwise the folder was opened, and stop closes it. */
  via: 'running' | 'folder';
  stop(): Promise<void>;
}

function open(endpoints: Endpoints, via: LocalData['via'], stop: () => Promise<void>): LocalData {
  const env = envFor(endpoints);
  return {
    cases: dynamoCaseRepository(awsHttp('dynamodb', env, { timeoutMs: 5000 }), TABLE),
    rawMail: s3RawMailStore(awsHttp('s3', env), BUCKET, { pathStyle: true }),
    via,
    stop,
  };
}

/** The running stack's emulators, when one runs on this folder and answers. */
async function runningStack(dataDir: string): Promise<Endpoints | null> {
  const running = await readRunning(dataDir);
  // Left behind by a stack that was killed (its process is gone), or not listening yet.
  if (!running?.endpoints || !alive(running.pid)) return null;
  try {
    // Any answer from DynamoDB — even "no such table" — is an answer; a refused connection is not.
    const answer = await fetch(running.endpoints.dynamodb, { method: 'POST', signal: AbortSignal.timeout(3000) });
    await answer.body?.cancel();
    return running.endpoints;
  } catch {
    return null;
  }
}

/**
 * The environment the running stack's handlers have, with the folder's signing key: what a
 * handler run from outside (`onward housekeeping`) needs to act as the stack's own would. Null
 * when the stack recorded none.
 */
export async function runningHandlerEnvironment(
  dataDir: string,
  keyVariable: string,
): Promise<Record<string, string> | null> {
  const handlers = (await readRunning(dataDir))?.handlers;
  if (!handlers) return null;
  try {
    const key = (await readFile(path.join(path.resolve(dataDir), 'signing.key'), 'utf8')).trim();
    return { ...handlers, [keyVariable]: key };
  } catch {
    return null;
  }
}

/** The folder's cases and raw mail, or null when nothing was ever recorded there. */
export async function openLocalData(dataDir: string): Promise<LocalData | null> {
  const dir = path.resolve(dataDir);
  const running = await runningStack(dir);
  if (running) return open(running, 'running', async () => undefined);
  if (!existsSync(path.join(dir, 'dynamodb'))) return null;
  const dynamo = await startDynamo(path.join(dir, 'dynamodb'));
  const s3 = await startS3(path.join(dir, 's3'), BUCKET).catch(async (error: unknown) => {
    await dynamo.stop();
    throw error;
  });
  return open({ dynamodb: dynamo.endpoint, s3: s3.endpoint }, 'folder', async () => {
    await s3.stop();
    await dynamo.stop();
  });
}
