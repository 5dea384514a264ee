// Signed HTTP requests to the AWS APIs onward calls, with aws4fetch's SigV4 signer instead
// of the SDK clients: loading one SDK client takes 50–100 ms of every cold start, and
// the functions call a handful of operations. Configuration is the standard environment Lambda sets
// (AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); a service's endpoint
// is AWS_ENDPOINT_URL_<SERVICE> when set — which is all the local stack changes — else AWS's own.
import { AwsV4Signer } from 'aws4fetch';

interface ServiceSpec {
  /** The variable that overrides the endpoint, as the SDK and CLI name it. */
  endpointVariable: string;
  /** The first label of AWS's endpoint host. */
  host: string;
  /** The name in the SigV4 credential scope. */
  signingName: string;
  /** Attempts per request: more than one only where repeating a request cannot do harm twice. */
  attempts: number;
  /** Per attempt, covering the body too: a hung connection fails the attempt, not the invocation. */
  timeoutMs: number;
}

// Sized so that every attempt of a call fits in the function that makes it: the review function
// has 15 s for a read, a claim and a send; only the inbound function (60 s) reads S3.
const SERVICES = {
  dynamodb: {
    endpointVariable: 'AWS_ENDPOINT_URL_DYNAMODB',
    host: 'dynamodb',
    signingName: 'dynamodb',
    attempts: 3,
    timeoutMs: 3000,
  },
  // Up to the message size cap (10 MB by default) in one body.
  s3: { endpointVariable: 'AWS_ENDPOINT_URL_S3', host: 's3', signingName: 's3', attempts: 3, timeoutMs: 10_000 },
  // One attempt: a retry after a lost response could send a letter twice (docs/DESIGN.md §3).
  ses: { endpointVariable: 'AWS_ENDPOINT_URL_SES', host: 'email', signingName: 'ses', attempts: 1, timeoutMs: 8000 },
  secretsmanager: {
    endpointVariable: 'AWS_ENDPOINT_URL_SECRETS_MANAGER',
    host: 'secretsmanager',
    signingName: 'secretsmanager',
    attempts: 3,
    timeoutMs: 3000,
  },
  // Reads only (the rule-set custom resource and `onward doctor`): safe to repeat.
  cloudformation: {
    endpointVariable: 'AWS_ENDPOINT_URL_CLOUDFORMATION',
    host: 'cloudformation',
    signingName: 'cloudformation',
    attempts: 3,
    timeoutMs: 5000,
  },
  // Asynchronous invocations only (the review site hands a paste to the inbound function): a
  // repeat after a lost answer queues the same event twice, and the inbound function reads a
  // paste once, whatever the number of events naming it.
  // Lambda answers an asynchronous invocation at once (202): the review function's paste, S3 write
  // and invocation together fit in its 15 s.
  lambda: {
    endpointVariable: 'AWS_ENDPOINT_URL_LAMBDA',
    host: 'lambda',
    signingName: 'lambda',
    attempts: 3,
    timeoutMs: 2000,
  },
  sns: { endpointVariable: 'AWS_ENDPOINT_URL_SNS', host: 'sns', signingName: 'sns', attempts: 3, timeoutMs: 5000 },
  // SES's v2 API (account and identity status), on SES's host; reads only.
  sesv2: {
    endpointVariable: 'AWS_ENDPOINT_URL_SESV2',
    host: 'email',
    signingName: 'ses',
    attempts: 3,
    timeoutMs: 5000,
  },
} as const satisfies Record<string, ServiceSpec>;

export type AwsService = keyof typeof SERVICES;

// Codes AWS uses for "slow down" (DynamoDB and SES answer them with HTTP 400, S3 with 503).
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
]);

/**
 * AWS answered with an error, or did not answer. `name` is AWS's error code, as in the SDK's
 * exceptions, so log lines that record an error's name keep saying what went wrong.
 */
export class AwsError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly service: AwsService,
    readonly code: string,
    message: string,
    /** 0 when no response arrived (network failure or timeout). */
    readonly status: number,
  ) {
    super(message);
    this.name = code;
    this.retryable = status === 0 || status === 429 || status >= 500 || THROTTLING.has(code);
  }
}

interface AwsRequest {
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Path and query, percent-encoded, from the root of the endpoint. */
  path?: string;
  /** Prepended to the endpoint's host: S3's virtual-hosted bucket names. */
  subdomain?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface AwsHttp {
  /**
   * Sends the request and reads a 2xx answer with `read`, both within one attempt's timeout, so
   * a body cut off half-way is retried like a failed request. Throws AwsError for an error
   * answer, a timeout or a network failure once the attempts are spent.
   */
  send<T>(request: AwsRequest, read: (response: Response) => Promise<T>): Promise<T>;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of the first `<tag>` element: AWS's XML answers are flat enough for this. */
export function xmlText(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match ? match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!) : null;
}

/** Code and message from a JSON-protocol (`__type`) or XML-protocol (`<Code>`) error answer. */
async function errorOf(service: AwsService, response: Response): Promise<AwsError> {
  const body = await response.text().catch(() => '');
  let code: string | null = response.headers.get('x-amzn-errortype');
  let message: string | null = null;
  if (body.trimStart().startsWith('{')) {
    try {
      const json = JSON.parse(body) as { __type?: string; code?: string; message?: string; Message?: string };
      code ??= json.__type ?? json.code ?? null;
      message = json.message ?? json.Message ?? null;
    } catch {
      // Not JSON after all: the status alone describes it.
    }
  } else {
    code ??= xmlText(body, 'Code');
    message = xmlText(body, 'Message');
  }
  // "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", "Code:http://…".
  const name = code?.split('#').pop()?.split(':')[0] || `HTTP_${response.status}`;
  return new AwsError(service, name, message ?? `${service} answered HTTP ${response.status}`, response.status);
}

function endpointOf(spec: ServiceSpec, env: Record<string, string | undefined>, region: string): URL {
  // Every region where SES receives mail is in the aws partition, hence amazonaws.com.
  return new URL(env[spec.endpointVariable] || `https://${spec.host}.${region}.amazonaws.com`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter, 100 ms doubling: two retries wait at most 0.3 s in all. */
const backoffMs = (attempt: number) => Math.random() * 100 * 2 ** (attempt - 1);

/**
 * A client for one service. The environment is read at each request, not here, so building a
 * client (at module load, in a cold start) never fails; a missing variable fails the request.
 * `timeoutMs` overrides the service's per-attempt timeout (tests); the attempt count is fixed.
 */
export function awsHttp(
  service: AwsService,
  env: Record<string, string | undefined>,
  options: { timeoutMs?: number } = {},
): AwsHttp {
  const spec: ServiceSpec = SERVICES[service];
  const timeoutMs = options.timeoutMs ?? spec.timeoutMs;
  // Derived signing keys, valid for a day: saves four HMACs per request.
  const cache = new Map<string, ArrayBuffer>();

  async function attempt<T>(
    request: AwsRequest,
    read: (response: Response) => Promise<T>,
  ): Promise<{ value: T } | AwsError> {
    const region = env.AWS_REGION;
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!region || !accessKeyId || !secretAccessKey) {
      throw new Error('AWS_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set');
    }
    const url = endpointOf(spec, env, region);
    if (request.subdomain) url.hostname = `${request.subdomain}.${url.hostname}`;
    // Appended to any base path the endpoint has.
    const target = new URL(`${url.href.replace(/\/$/, '')}${request.path ?? '/'}`);
    const signed = await new AwsV4Signer({
      method: request.method ?? 'POST',
      url: target.href,
      headers: request.headers ?? {},
      body: request.body ?? null,
      accessKeyId,
      secretAccessKey,
      sessionToken: env.AWS_SESSION_TOKEN || undefined,
      service: spec.signingName,
      region,
      cache,
    }).sign();
    try {
      const response = await fetch(signed.url, {
        method: signed.method,
        headers: signed.headers,
        body: request.body ?? null,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return response.ok ? { value: await read(response) } : await errorOf(service, response);
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        return new AwsError(service, 'TimeoutError', `no complete answer from ${service} within ${timeoutMs} ms`, 0);
      }
      // undici reports a refused connection or a dropped one as a TypeError.
      if (error instanceof TypeError)
        return new AwsError(service, 'NetworkError', `${service} unreachable or the connection dropped`, 0);
      throw error;
    }
  }

  return {
    async send(request, read) {
      for (let n = 1; ; n += 1) {
        const outcome = await attempt(request, read);
        if (!(outcome instanceof AwsError)) return outcome.value;
        if (!outcome.retryable || n >= spec.attempts) throw outcome;
        await sleep(backoffMs(n));
      }
    },
  };
}

/** A call in the JSON protocol (DynamoDB speaks version 1.0 of it, Secrets Manager 1.1). */
export async function callJson<T>(http: AwsHttp, version: '1.0' | '1.1', target: string, input: unknown): Promise<T> {
  return http.send(
    {
      headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amz-target': target },
      body: JSON.stringify(input),
    },
    async (response) => (await response.json()) as T,
  );
}

/** A call in the query protocol (SES's v1 API, SNS, CloudFormation): a form in, XML out. */
export async function callQuery(
  http: AwsHttp,
  version: string,
  action: string,
  params: Record<string, string> = {},
): Promise<string> {
  const form = new URLSearchParams({ Action: action, Version: version, ...params });
  return http.send(
    { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form.toString() },
    (response) => response.text(),
  );
}
