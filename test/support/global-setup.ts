// Starts the emulators once for the integration tests, on free ports, and hands their endpoints
// to the test files. The end-to-end tests start a whole local stack of their own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamo, startS3, startSes } from '../../lambdas/local/emulators.ts';

export const TEST_BUCKET = 'onward-test-mail';

declare module 'vitest' {
  export interface ProvidedContext {
    emulators: { dynamodb: string; s3: string; ses: string; outboxDir: string; bucket: string };
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onward-emulators-'));
  const dynamo = await startDynamo(null);
  const s3 = await startS3(path.join(dir, 's3'), TEST_BUCKET);
  const outboxDir = path.join(dir, 'outbox');
  const ses = await startSes(0, outboxDir);
  project.provide('emulators', {
    dynamodb: dynamo.endpoint,
    s3: s3.endpoint,
    ses: ses.endpoint,
    outboxDir,
    bucket: TEST_BUCKET,
  });
  return async () => {
    await ses.stop();
    await s3.stop();
    await dynamo.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
