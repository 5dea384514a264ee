// The AWS services of the local stack: dynalite (DynamoDB), s3rver (S3) and aws-ses-v2-local
// (SES; what it sent is shown by onward's own mailbox page, mailbox.ts, from the recorder's copies). The handlers reach them only through AWS_ENDPOINT_URL_*.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import path from 'node:path';
// The SDK client is fine here: this file never runs in Lambda, and creating the table is the local
// stack's job (CDK creates it on AWS). The handlers' adapters sign their own requests (aws-http.ts).
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { createRequire } from 'node:module';
import { CASES_INDEX } from '../adapters/dynamo-cases.ts';
import { dataDir as dataDirSetting, sesPort } from '../settings/settings.ts';

// aws-ses-v2-local is CommonJS with its server on `exports.default`; loaders disagree on how an
// ESM default import maps onto that, so it is required directly.
const startSesEmulator = (createRequire(import.meta.url)('aws-ses-v2-local') as typeof import('aws-ses-v2-local'))
  .default;

/** s3rver accepts only its well-known key pair; dynalite and the SES emulator accept any. */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
} as const;

export class PortInUse extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
  ) {
    super(`Port ${port} is already in use: set ${variable} to a free port.`);
  }
}

export function listen(server: Server, port: number, variable: string, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortInUse(port, variable) : error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    (server as http.Server).closeAllConnections?.();
  });
}

export async function startDynamo(dataDir: string | null): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const server = dynalite({
    path: dataDir ?? undefined,
    createTableMs: 0,
    updateTableMs: 0,
    deleteTableMs: 0,
  }) as Server;
  const port = await listen(server, 0, dataDirSetting.env);
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => close(server) };
}

export async function ensureTable(endpoint: string, table: string): Promise<void> {
  const db = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
  try {
    await db.send(new DescribeTableCommand({ TableName: table }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await db.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: CASES_INDEX.partitionKey, AttributeType: 'S' },
        { AttributeName: CASES_INDEX.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        {
          IndexName: CASES_INDEX.name,
          KeySchema: [
            { AttributeName: CASES_INDEX.partitionKey, KeyType: 'HASH' },
            { AttributeName: CASES_INDEX.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}

export async function startS3(
  dataDir: string,
  bucket: string,
): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  await mkdir(dataDir, { recursive: true });
  const s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: dataDir,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = (await s3.run()) as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => s3.close() };
}

/**
 * aws-ses-v2-local keeps mail in memory and drops threading headers from its store, so the
 * stack puts a small recorder in front of it (the mailbox page reads its copies): every raw message sent is also written to
 * <outboxDir>/<n>.eml, exactly as SES would have sent it.
 */
export async function startSes(
  port: number,
  outboxDir: string | null,
): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  if (outboxDir) await mkdir(outboxDir, { recursive: true });
  const inner = (await startSesEmulator({ port: 0, host: '127.0.0.1' })) as Server;
  const innerPort = (inner.address() as AddressInfo).port;
  let sent = 0;
  const recorder = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const form = req.method === 'POST' ? new URLSearchParams(body.toString('utf8')) : null;
      const raw = form?.get('Action') === 'SendRawEmail' ? form.get('RawMessage.Data') : null;
      if (raw && outboxDir) {
        sent += 1;
        const name = `${Date.now()}-${String(sent).padStart(5, '0')}.eml`;
        // Written whole or not at all: a reader must never see half a message.
        const file = path.join(outboxDir, name);
        await writeFile(`${file}.part`, Buffer.from(raw, 'base64'));
        await rename(`${file}.part`, file);
      }
      const forward = http.request(
        { host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await listen(recorder, port, sesPort.env);
  const actual = (recorder.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${actual}`,
    stop: async () => {
      await close(recorder);
      await close(inner);
    },
  };
}

/**
 * Lambda's Invoke API for the local stack, asynchronous invocations only (`X-Amz-Invocation-Type:
 * Event`, answered 202 before the function runs): the review handler hands a pasted rejection to
 * the inbound function through it exactly as on AWS, and `functions` runs each named function's
 * handler in-process (through the stack's asynchronous invoker, with its retries and dead
 * letters). Signatures are not checked: it listens on 127.0.0.1 only, on a port of its own.
 */
export async function startLambda(
  functions: Record<string, (event: unknown) => Promise<void>>,
): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const name = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '')?.[1];
      const run = name ? functions[decodeURIComponent(name)] : undefined;
      const answer = (status: number, type?: string) =>
        res
          .writeHead(status, { 'content-type': 'application/json', ...(type ? { 'x-amzn-errortype': type } : {}) })
          .end(type ? JSON.stringify({ message: type }) : '');
      if (req.method !== 'POST' || !run) return answer(404, 'ResourceNotFoundException');
      if (req.headers['x-amz-invocation-type'] !== 'Event') return answer(400, 'InvalidParameterValueException');
      let event: unknown;
      try {
        event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(400, 'InvalidRequestContentException');
      }
      run(event).then(
        () => answer(202),
        () => answer(500, 'ServiceException'),
      );
    });
  });
  const port = await listen(server, 0, 'ONWARD_HTTP_PORT');
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => close(server) };
}
