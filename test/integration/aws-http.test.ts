// The signed-request layer under the adapters (lambdas/adapters/aws-http.ts): what AWS answers
// on a bad day — 5xx, throttling, silence, refusals, bodies larger than they claim — played by a
// tiny local HTTP server. None of the emulators verifies a SigV4 signature (s3rver checks only
// the access key id), so every signature the stand-in receives is recomputed with the SDK's own
// signer and must match.
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
// The SDK clients' signer (a dependency of @aws-sdk/client-*): the reference for SigV4.
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { AwsError, awsHttp, type AwsService } from '../../lambdas/adapters/aws-http.ts';
import { dynamoCaseRepository } from '../../lambdas/adapters/dynamo-cases.ts';
import { inboundFunction } from '../../lambdas/adapters/lambda-invoke.ts';
import { s3RawMailStore } from '../../lambdas/adapters/s3-raw-mail.ts';
import { readSecretString } from '../../lambdas/adapters/secrets.ts';
import { sesMailer } from '../../lambdas/adapters/ses-mailer.ts';
import { LOCAL_AWS } from '../../lambdas/local/emulators.ts';
import { MailRejected, type OutgoingMail } from '../../lambdas/workflow/ports.ts';

const emulators = inject('emulators');
const CREDENTIALS = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };
const ENDPOINT_VARIABLE: Record<AwsService, string> = {
  dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB',
  s3: 'AWS_ENDPOINT_URL_S3',
  ses: 'AWS_ENDPOINT_URL_SES',
  secretsmanager: 'AWS_ENDPOINT_URL_SECRETS_MANAGER',
  cloudformation: 'AWS_ENDPOINT_URL_CLOUDFORMATION',
  sns: 'AWS_ENDPOINT_URL_SNS',
  sesv2: 'AWS_ENDPOINT_URL_SESV2',
  lambda: 'AWS_ENDPOINT_URL_LAMBDA',
};

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
/** What the stand-in does with the n-th request (1-based): answer, or never answer. */
type Script = (n: number, seen: Seen) => ((res: http.ServerResponse) => void) | 'hang';

const SIGNING_NAME: Record<AwsService, string> = {
  dynamodb: 'dynamodb',
  s3: 's3',
  ses: 'ses',
  secretsmanager: 'secretsmanager',
  cloudformation: 'cloudformation',
  sns: 'sns',
  sesv2: 'ses',
  lambda: 'lambda',
};

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Data) =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: Data) {
    this.hash.update(bytes(data));
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset() {}
}

/** The Authorization header the SDK computes for the request as received, over the same headers. */
async function sdkAuthorization(service: AwsService, env: Record<string, string>, seen: Seen): Promise<string> {
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(String(seen.headers.authorization))![1]!.split(';');
  const headers = Object.fromEntries(signedHeaders.map((h) => [h, String(seen.headers[h])]));
  const [path, query] = seen.url.split('?') as [string, string | undefined];
  const signer = new SignatureV4({
    service: SIGNING_NAME[service],
    region: env.AWS_REGION!,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    },
    sha256: Sha256,
    // S3 signs the path as sent; every other service encodes it once more.
    uriEscapePath: service !== 's3',
    // Only S3 needs the payload hash as a header; the request carries it when it does.
    applyChecksum: false,
  });
  const date = String(seen.headers['x-amz-date']).replace(
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
    '$1-$2-$3T$4:$5:$6Z',
  );
  const signed = await signer.sign(
    {
      method: seen.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      path,
      query: Object.fromEntries(new URLSearchParams(query ?? '')),
      headers,
      body: seen.body,
    },
    { signingDate: new Date(date) },
  );
  return String(signed.headers.authorization);
}

async function expectSignedAsTheSdkWould(service: AwsService, env: Record<string, string>, seen: Seen) {
  expect(seen.headers.authorization).toBe(await sdkAuthorization(service, env, seen));
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function standIn(service: AwsService, script: Script, extraEnv: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      const answer = script(seen.length, request);
      if (answer !== 'hang') answer(res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const env = {
    ...CREDENTIALS,
    [ENDPOINT_VARIABLE[service]]: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ...extraEnv,
  };
  return { env, seen };
}

const json = (status: number, body: unknown) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify(body));
};
const xml = (status: number, body: string) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(body);
};
const serverError = json(500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'try again' });
const aCase = {
  Item: {
    id: { S: 'c1' },
    status: { S: 'RECEIVED' },
    receivedAt: { S: '2026-11-01T00:00:00Z' },
    updatedAt: { S: '2026-11-01T00:00:00Z' },
    listed: { S: 'case' },
  },
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('retries (DynamoDB)', () => {
  it('retries a 5xx and a throttled request, then succeeds', async () => {
    const { env, seen } = await standIn('dynamodb', (n) =>
      n === 1
        ? serverError
        : n === 2
          ? json(400, {
              __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
              message: 'slow down',
            })
          : json(200, aCase),
    );
    expect(await dynamoCaseRepository(awsHttp('dynamodb', env), 'cases').get('c1')).toEqual({
      id: 'c1',
      status: 'RECEIVED',
      receivedAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
    });
    expect(seen).toHaveLength(3);
    expect(seen[0]!.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(seen[0]!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(seen[0]!.body)).toEqual({ TableName: 'cases', Key: { id: { S: 'c1' } }, ConsistentRead: true });
    expect(seen[0]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/dynamodb\/aws4_request, /,
    );
    await expectSignedAsTheSdkWould('dynamodb', env, seen[0]!);
  });

  it('gives up after three attempts with a typed error', async () => {
    const { env, seen } = await standIn('dynamodb', () => serverError);
    const error = await rejection(dynamoCaseRepository(awsHttp('dynamodb', env), 'cases').get('c1'));
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({
      service: 'dynamodb',
      code: 'InternalServerError',
      name: 'InternalServerError',
      status: 500,
      retryable: true,
      message: 'try again',
    });
    expect(seen).toHaveLength(3);
  });

  it('does not retry what a retry cannot fix', async () => {
    const { env, seen } = await standIn('dynamodb', () =>
      json(400, { __type: 'com.amazon.coral.validate#ValidationException', message: 'bad' }),
    );
    await expect(dynamoCaseRepository(awsHttp('dynamodb', env), 'cases').get('c1')).rejects.toMatchObject({
      code: 'ValidationException',
      retryable: false,
    });
    expect(seen).toHaveLength(1);
  });

  it('times out an attempt that gets no answer, and retries it', async () => {
    const { env, seen } = await standIn('dynamodb', (n) => (n < 3 ? 'hang' : json(200, aCase)));
    expect(await dynamoCaseRepository(awsHttp('dynamodb', env, { timeoutMs: 200 }), 'cases').get('c1')).toMatchObject({
      id: 'c1',
    });
    expect(seen).toHaveLength(3);
  });

  const conflict = json(400, {
    __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
    message: 'The conditional request failed',
  });
  const target = (request: { headers: http.IncomingHttpHeaders }) => String(request.headers['x-amz-target']);

  it('reports a conditional write that lost to another writer as null, not as an error', async () => {
    // The item on file was written by someone else (another writeId).
    const { env } = await standIn('dynamodb', (_n, request) =>
      target(request).endsWith('GetItem')
        ? json(200, { Item: { ...aCase.Item, writeId: { S: 'someone-else' } } })
        : conflict,
    );
    const repo = dynamoCaseRepository(awsHttp('dynamodb', env), 'cases');
    expect(await repo.transition('c1', ['RECEIVED'], 'DRAFTED', {})).toBeNull();
    expect(await repo.create({ id: 'c1', status: 'RECEIVED', receivedAt: 'x', updatedAt: 'x' })).toBe(false);
  });

  it('knows its own write when the first answer was lost and the retry hits its own condition', async () => {
    let written: Record<string, unknown> | null = null;
    const { env, seen } = await standIn('dynamodb', (n, request) => {
      const body = JSON.parse(request.body) as { ExpressionAttributeValues?: Record<string, { S?: string }> };
      if (target(request).endsWith('UpdateItem') && n === 1) {
        // Applied, but the answer never arrives.
        written = {
          ...aCase.Item,
          status: { S: 'DRAFTED' },
          writeId: { S: body.ExpressionAttributeValues![':writeId']!.S! },
        };
        return 'hang';
      }
      if (target(request).endsWith('UpdateItem')) return conflict;
      return json(200, { Item: written });
    });
    const repo = dynamoCaseRepository(awsHttp('dynamodb', env), 'cases');
    expect(await repo.transition('c1', ['RECEIVED'], 'DRAFTED', {})).toMatchObject({ id: 'c1', status: 'DRAFTED' });
    expect(seen.map((r) => target(r).split('.')[1])).toEqual(['UpdateItem', 'UpdateItem', 'GetItem']);
  }, 20_000);

  it('signs with the session token when there is one, and fails without credentials before sending', async () => {
    const { env, seen } = await standIn('dynamodb', () => json(200, aCase), { AWS_SESSION_TOKEN: 'token-1' });
    await dynamoCaseRepository(awsHttp('dynamodb', env), 'cases').get('c1');
    expect(seen[0]!.headers['x-amz-security-token']).toBe('token-1');
    await expectSignedAsTheSdkWould('dynamodb', env, seen[0]!);
    const { AWS_SECRET_ACCESS_KEY: _, ...withoutSecret } = env;
    await expect(dynamoCaseRepository(awsHttp('dynamodb', withoutSecret), 'cases').get('c1')).rejects.toThrow(
      /AWS_SECRET_ACCESS_KEY/,
    );
    expect(seen).toHaveLength(1);
  });
});

describe('SES sends once', () => {
  const letter: OutgoingMail = {
    from: { name: 'Sam Rivera', address: 'letters@onward.test' },
    to: { name: null, address: 'sandra@grainwood.example' },
    subject: 'Re: Your application',
    text: 'Thank you.',
    caseId: 'case-7',
  };

  it('posts SendRawEmail with the configuration set and the case tag, and returns SES’s message id', async () => {
    const { env, seen } = await standIn('ses', () =>
      xml(
        200,
        '<SendRawEmailResponse><SendRawEmailResult><MessageId>0100-abc</MessageId></SendRawEmailResult></SendRawEmailResponse>',
      ),
    );
    expect(await sesMailer(awsHttp('ses', env), 'letters').send(letter)).toBe('0100-abc');
    const form = new URLSearchParams(seen[0]!.body);
    expect(Object.fromEntries([...form].filter(([k]) => k !== 'RawMessage.Data'))).toEqual({
      Action: 'SendRawEmail',
      Version: '2010-12-01',
      ConfigurationSetName: 'letters',
      'Tags.member.1.Name': 'case',
      'Tags.member.1.Value': 'case-7',
    });
    expect(Buffer.from(form.get('RawMessage.Data')!, 'base64').toString('utf8')).toMatch(
      /^Subject: Re: Your application\r$/m,
    );
    await expectSignedAsTheSdkWould('ses', env, seen[0]!);
  });

  it('delivers a blind copy as one more destination, named in no header', async () => {
    const { env, seen } = await standIn('ses', () =>
      xml(
        200,
        '<SendRawEmailResponse><SendRawEmailResult><MessageId>0100-b</MessageId></SendRawEmailResult></SendRawEmailResponse>',
      ),
    );
    await sesMailer(awsHttp('ses', env)).send({ ...letter, bcc: 'me@example.com' });
    const form = new URLSearchParams(seen[0]!.body);
    expect(form.get('Destinations.member.1')).toBe('sandra@grainwood.example');
    expect(form.get('Destinations.member.2')).toBe('me@example.com');
    const raw = Buffer.from(form.get('RawMessage.Data')!, 'base64').toString('utf8');
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(raw).not.toContain('me@example.com');
  });

  it('maps a refusal to MailRejected with SES’s code and message', async () => {
    const { env } = await standIn('ses', () =>
      xml(
        400,
        '<ErrorResponse><Error><Type>Sender</Type><Code>MessageRejected</Code><Message>Email address is not verified. &lt;x&gt;</Message></Error></ErrorResponse>',
      ),
    );
    const error = await rejection(sesMailer(awsHttp('ses', env)).send(letter));
    expect(error).toBeInstanceOf(MailRejected);
    expect(error).toMatchObject({ code: 'MessageRejected', message: 'Email address is not verified. <x>' });
  });

  it('never retries: a 5xx or silence leaves the outcome unknown, not refused', async () => {
    const failing = await standIn('ses', () =>
      xml(500, '<ErrorResponse><Error><Code>InternalFailure</Code><Message>oops</Message></Error></ErrorResponse>'),
    );
    const error = await rejection(sesMailer(awsHttp('ses', failing.env)).send(letter));
    expect(error).not.toBeInstanceOf(MailRejected);
    expect(error).toMatchObject({ code: 'InternalFailure', status: 500 });
    expect(failing.seen).toHaveLength(1);

    const silent = await standIn('ses', () => 'hang');
    const timeout = await rejection(sesMailer(awsHttp('ses', silent.env, { timeoutMs: 200 })).send(letter));
    expect(timeout).not.toBeInstanceOf(MailRejected);
    expect(timeout).toMatchObject({ code: 'TimeoutError', status: 0 });
    expect(silent.seen).toHaveLength(1);
  });
});

describe('Lambda: a paste handed to the inbound function', () => {
  it('invokes it asynchronously with the paste, signed as the SDK would, and waits for nothing more', async () => {
    const { env, seen } = await standIn('lambda', () => (res) => res.writeHead(202).end());
    const paste = { caseId: 'paste-00000000-0000-4000-8000-000000000001', from: 'Jordan <jordan@acme.example>' };
    await inboundFunction(awsHttp('lambda', env), 'Onward-inbound').readPaste(paste);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/2015-03-31/functions/Onward-inbound/invocations',
      headers: { 'x-amz-invocation-type': 'Event' },
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({ paste });
    await expectSignedAsTheSdkWould('lambda', env, seen[0]!);
  });

  it('fails, sending nothing, where the stack named no inbound function', async () => {
    const { env, seen } = await standIn('lambda', () => (res) => res.writeHead(202).end());
    expect(() => inboundFunction(awsHttp('lambda', env), undefined).readPaste({ caseId: 'paste-x', from: '' })).toThrow(
      /no function to hand/,
    );
    expect(seen).toHaveLength(0);
  });
});

describe('S3 size cap', () => {
  const big = Buffer.alloc(64 * 1024, 'a');

  it('stops reading a body without Content-Length once it passes the cap', async () => {
    const { env, seen } = await standIn('s3', () => (res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.end(big);
    });
    expect(
      await s3RawMailStore(awsHttp('s3', env), 'mail', { pathStyle: true }).read('inbound/m 1', 1000),
    ).toMatchObject({ tooLarge: true });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/mail/inbound/m%201' });
    expect(seen[0]!.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    await expectSignedAsTheSdkWould('s3', env, seen[0]!);
  });

  it('caps what a compressed body grows into, whatever its Content-Length says', async () => {
    const zipped = gzipSync(big);
    const { env } = await standIn('s3', () => (res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': zipped.length });
      res.end(zipped);
    });
    expect(zipped.length).toBeLessThan(1000);
    expect(await s3RawMailStore(awsHttp('s3', env), 'mail', { pathStyle: true }).read('inbound/m', 1000)).toMatchObject(
      { tooLarge: true },
    );
  });

  it('reads from s3rver, which refuses an unknown access key', async () => {
    const local = {
      AWS_REGION: LOCAL_AWS.region,
      AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
      AWS_ENDPOINT_URL_S3: emulators.s3,
    };
    const s3 = new S3Client({ endpoint: emulators.s3, forcePathStyle: true, ...LOCAL_AWS });
    await s3.send(
      new PutObjectCommand({ Bucket: emulators.bucket, Key: 'inbound/signed', Body: 'Subject: signed\r\n\r\nx' }),
    );
    const read = await s3RawMailStore(awsHttp('s3', local), emulators.bucket, { pathStyle: true }).read(
      'inbound/signed',
      1000,
    );
    expect(read.tooLarge).toBe(false);
    const stranger = s3RawMailStore(awsHttp('s3', { ...local, AWS_ACCESS_KEY_ID: 'AKIDSTRANGER' }), emulators.bucket, {
      pathStyle: true,
    });
    await expect(stranger.read('inbound/signed', 1000)).rejects.toMatchObject({
      code: 'InvalidAccessKeyId',
      status: 403,
    });
    await expect(
      s3RawMailStore(awsHttp('s3', local), emulators.bucket, { pathStyle: true }).read('inbound/none', 1000),
    ).rejects.toMatchObject({ code: 'NoSuchKey', status: 404 });
  });
});

describe('Secrets Manager', () => {
  it('reads a secret string with GetSecretValue', async () => {
    const { env, seen } = await standIn('secretsmanager', () => json(200, { SecretString: 'k'.repeat(64) }));
    expect(await readSecretString(awsHttp('secretsmanager', env), 'arn:aws:secretsmanager:eu-west-1:1:secret:s')).toBe(
      'k'.repeat(64),
    );
    expect(seen[0]!.headers).toMatchObject({
      'x-amz-target': 'secretsmanager.GetSecretValue',
      'content-type': 'application/x-amz-json-1.1',
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({ SecretId: 'arn:aws:secretsmanager:eu-west-1:1:secret:s' });
    await expectSignedAsTheSdkWould('secretsmanager', env, seen[0]!);
  });
});
