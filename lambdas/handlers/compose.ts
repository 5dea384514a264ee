// The composition root: configuration in, use-case dependencies out, once per cold start.
// Local mode is only a different environment (AWS_ENDPOINT_URL_* and ONWARD_*), never a branch here.
import { randomUUID } from 'node:crypto';
import { type AwsHttp, awsHttp } from '../adapters/aws-http.ts';
import { dynamoCaseRepository } from '../adapters/dynamo-cases.ts';
import { inboundFunction, repliesFunction } from '../adapters/lambda-invoke.ts';
import { s3RawMailStore } from '../adapters/s3-raw-mail.ts';
import { readSecretString } from '../adapters/secrets.ts';
import { sesMailer } from '../adapters/ses-mailer.ts';
import { makeLinks, type LinkSigner } from '../core/links/index.ts';
import type { ReceiveDeps } from '../workflow/inbound.ts';
import type { CaseEraser, Clock, Logger, MimeParser, ReplyLookup } from '../workflow/ports.ts';
import type { WebDeps } from '../web/routes.ts';
import { ConfigError, loadHandlerConfig, type HandlerConfig } from './config.ts';

export const systemClock: Clock = { now: () => new Date() };

function line(level: 'info' | 'error', event: string, fields: Record<string, unknown> = {}) {
  const text = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(text);
  else console.log(text);
}

export const jsonLogger: Logger = {
  info: (event, fields) => line('info', event, fields),
  error: (event, fields) => line('error', event, fields),
};

/**
 * Wraps a Lambda entry so that a failure still fails the invocation (Lambda retries it) but the
 * runtime logs no error message: AWS's messages can quote addresses ("Email address is not
 * verified: me@…"). Only the error's name — an AWS error code — reaches the logs.
 */
export function failingQuietly<E, R>(name: string, entry: (event: E) => Promise<R>): (event: E) => Promise<R> {
  return async (event) => {
    try {
      return await entry(event);
    } catch (error) {
      // Configuration problems name variables, never values: they are worth reading in full.
      if (error instanceof ConfigError) throw error;
      const code = error instanceof Error ? error.name : 'Unknown';
      jsonLogger.error(`${name}.failed`, { error: code });
      throw new Error(code);
    }
  };
}

async function signingKey(config: HandlerConfig, env: Record<string, string | undefined>): Promise<Uint8Array> {
  if ('key' in config.signing) return Buffer.from(config.signing.key, 'utf8');
  return Buffer.from(await readSecretString(awsHttp('secretsmanager', env), config.signing.secretArn), 'utf8');
}

export interface Composition {
  config: HandlerConfig;
  receive: ReceiveDeps;
  web: WebDeps;
}

/** What a function was not given (Parts, below) refuses, should anything call it. */
const notGiven = () => Promise.reject(new Error('not part of this function'));
/**
 * The parser for functions that read no mail (Review, ExpireDrafts): the MIME parser is 31 KB and
 * a cold start's worth of patterns, so only the two functions that read mail bring their own.
 */
const READS_NO_MAIL: MimeParser = { parse: notGiven };
/** For functions that delete nothing: deleting is the review site's alone (its handler gives the eraser). */
const DELETES_NOTHING: CaseEraser = { remove: notGiven, forgetTemplates: notGiven };
/** For functions that act on no reply: that is the replies function's alone (its handler gives the lookup). */
const FINDS_NO_REPLY: ReplyLookup = { findByReplyRef: notGiven };

/**
 * What a function brings beyond what all share, so the others' bundles stay without it: the MIME
 * parser (on-mail-received, on-reply-received), the reply lookup (on-reply-received) and the case
 * eraser (on-approval-request).
 */
export interface Parts {
  parser?: MimeParser;
  replyLookup?: (dynamodb: AwsHttp, table: string) => ReplyLookup;
  eraser?: (dynamodb: AwsHttp, table: string) => CaseEraser;
}

export async function compose(
  env: Record<string, string | undefined>,
  { parser = READS_NO_MAIL, replyLookup, eraser }: Parts = {},
): Promise<Composition> {
  const config = loadHandlerConfig(env);
  const key = await signingKey(config, env);
  const signer: LinkSigner = {
    key,
    baseUrl: config.reviewUrl,
    ttlSeconds: config.linkTtlSeconds,
    nowSeconds: () => Math.floor(systemClock.now().getTime() / 1000),
  };
  const dynamodb = awsHttp('dynamodb', env);
  const cases = dynamoCaseRepository(dynamodb, config.tableName);
  const mailer = sesMailer(awsHttp('ses', env), config.configurationSet);
  const owner = {
    name: config.ownerName,
    voice: config.voice,
    email: config.ownerEmail,
    senderAddress: config.senderAddress,
    timeZone: config.timeZone,
  };
  const rawMail = s3RawMailStore(awsHttp('s3', env), config.bucketName, { pathStyle: config.s3PathStyle });
  return {
    config,
    // Mail, and rejections pasted on the review site, which that site hands to the inbound function.
    receive: {
      cases: { ...cases, ...(replyLookup ? replyLookup(dynamodb, config.tableName) : FINDS_NO_REPLY) },
      parser,
      mailer,
      links: makeLinks(signer, config.inboundAddress),
      clock: systemClock,
      log: jsonLogger,
      owner,
      policy: {
        allowedSenders: config.allowedSenders,
        ownAddresses: [config.senderAddress, config.inboundAddress],
        requireDmarcPass: config.requireDmarcPass,
      },
      rawMail,
      maxMessageBytes: config.maxMessageBytes,
      inboundAddress: config.inboundAddress,
      replies: repliesFunction(awsHttp('lambda', env), config.repliesFunction),
    },
    web: {
      cases: { ...cases, ...(eraser ? eraser(dynamodb, config.tableName) : DELETES_NOTHING) },
      mailer,
      clock: systemClock,
      log: jsonLogger,
      owner,
      signer,
      inboundAddress: config.inboundAddress,
      paste: {
        // A paste is at most 100,000 characters: three short attempts, and the invocation after
        // them, fit in the review function's 15 s, where a whole message's 10 s each would not.
        rawMail: s3RawMailStore(awsHttp('s3', env, { timeoutMs: 2500 }), config.bucketName, {
          pathStyle: config.s3PathStyle,
        }),
        rawMailPrefix: config.inboundPrefix,
        inbound: inboundFunction(awsHttp('lambda', env), config.inboundFunction),
        log: jsonLogger,
      },
      newId: () => `paste-${randomUUID()}`,
      followUpDays: config.followUpDays,
      rawMail,
      rawMailPrefix: config.inboundPrefix,
    },
  };
}

/** Memoised per cold start; a failed start is not cached, so the next invocation tries again. */
export function composer(env: Record<string, string | undefined>, parts?: Parts): () => Promise<Composition> {
  let pending: Promise<Composition> | null = null;
  return () => {
    pending ??= compose(env, parts).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
