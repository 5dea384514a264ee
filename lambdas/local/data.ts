// The local stack's data read from outside it (`onward labels`), through the same adapters the
// handlers use. A running stack's DynamoDB holds the data folder's lock — a second dynalite on the
// folder would fail — so while one runs, the reader talks to its emulators (each stack records
// where they listen in running.json); otherwise it opens the folder itself.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { awsHttp } from '../adapters/aws-http.ts';
import { dynamoCaseRepository } from '../adapters/dynamo-cases.ts';
import { s3RawMailStore } from '../adapters/s3-raw-mail.ts';
import type { CaseRepository, RawMailStore } from '../workflow/ports.ts';
import { LOCAL_AWS, startDynamo, startS3 } from './emulators.ts';

const RUNNING_FILE = 'running.json';
export const TABLE = 'onward-cases';
export const BUCKET = 'onward-raw-mail';

interface Running {
  pid: number;
  dynamodb: string;
  s3: string;
}

/**
 * Says where a running stack's emulators listen, for readers from outside, and the environment
 * its handlers run with (`onward housekeeping` runs one with it); `clear` when it stops.
 * Added to the record `onward start` claimed the folder with (local/running.ts: its ports and
 * addresses, which `ingest` reads), never in its place.
 */
export async function recordRunning(
  dataDir: string,
  endpoints: Omit<Running, 'pid'> | { handlers: Record<string, string> },
): Promise<() => Promise<void>> {
  const file = path.join(dataDir, RUNNING_FILE);
  let claimed: Record<string, unknown> = {};
  try {
    claimed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // None (a stack started without the CLI, as the tests do) or unreadable: this record alone.
  }
  await writeFile(file, `${JSON.stringify({ ...claimed, pid: process.pid, ...endpoints }, null, 2)}\n`);
  return () => rm(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const envFor = (endpoints: Omit<Running, 'pid'>) => ({
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

function open(endpoints: Omit<Running, 'pid'>, via: LocalData['via'], stop: () => Promise<void>): LocalData {
  const env = envFor(endpoints);
  return {
    cases: dynamoCaseRepository(awsHttp('dynamodb', env, { timeoutMs: 5000 }), TABLE),
    rawMail: s3RawMailStore(awsHttp('s3', env), BUCKET, { pathStyle: true }),
    via,
    stop,
  };
}

/** The running stack's emulators, when one runs on this folder and answers. */
async function runningStack(dataDir: string): Promise<Omit<Running, 'pid'> | null> {
  let running: Running;
  try {
    running = JSON.parse(await readFile(path.join(dataDir, RUNNING_FILE), 'utf8')) as Running;
  } catch {
    return null;
  }
  // Left behind by a stack that was killed: its process is gone.
  if (!alive(running.pid)) return null;
  try {
    // Any answer from DynamoDB — even "no such table" — is an answer; a refused connection is not.
    const answer = await fetch(running.dynamodb, { method: 'POST', signal: AbortSignal.timeout(3000) });
    await answer.body?.cancel();
    return running;
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
  const dir = path.resolve(dataDir);
  try {
    const { handlers } = JSON.parse(await readFile(path.join(dir, RUNNING_FILE), 'utf8')) as {
      handlers?: Record<string, string>;
    };
    if (!handlers) return null;
    const key = (await readFile(path.join(dir, 'signing.key'), 'utf8')).trim();
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
