// The handlers' configuration: one zod schema over the environment, every problem reported at
// once. zod/mini keeps the Lambda bundles small (DESIGN §6); addresses and URLs are checked with
// onward's own address rule and the platform's URL parser rather than zod's format validators,
// which would add ~9 KB to every bundle and a second, different idea of an email address.
import * as z from 'zod/mini';
import { isAddress } from '../core/mail/index.ts';

const email = (what: string) => z.string().check(z.refine(isAddress, { error: `${what} must be an email address` }));
const httpUrl = (v: string) => URL.canParse(v) && /^https?:\/\//i.test(v);
/**
 * A whole number written plainly, within bounds: "1.5", "0x50", "1e3" and " " are refused, each
 * with the rule, rather than coerced into something else.
 */
export const wholeNumber = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .pipe(
      z.string().check(z.regex(/^\s*\d+\s*$/, { error: `${what} must be a whole number` })),
      z.transform((v: string) => Number(v)),
    )
    .check(
      z.refine((n: number) => n >= min && n <= max, {
        error:
          max < Number.MAX_SAFE_INTEGER
            ? `${what} must be between ${min} and ${max}`
            : `${what} must be at least ${min}`,
      }),
    );
/** A link that works for months is a link anyone who ever saw it can use (the CDK config says the same). */
export const MAX_LINK_TTL_DAYS = 60;
/** SES receives messages of up to 40 MB. */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

export function addressList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
}

/** Who may write to onward: the owner's own mailbox always (drafts go there, so replies come from it), and the listed ones. */
export function allowedSenders(ownerEmail: string, listed: string | undefined): string[] {
  return [...new Set([ownerEmail.toLowerCase(), ...addressList(listed)])];
}

/**
 * Addresses that must not be onward's own inbound address: drafts sent to it, or letters sent
 * from it, would come straight back in. Checked beside every other problem.
 */
export function ownAddressClashes(env: Record<string, string | undefined>): string[] {
  const inbound = env.ONWARD_INBOUND_ADDRESS?.trim().toLowerCase();
  if (!inbound) return [];
  return (['ONWARD_OWNER_EMAIL', 'ONWARD_SENDER_ADDRESS'] as const)
    .filter((name) => env[name]?.trim().toLowerCase() === inbound)
    .map((name) => `${name} must not be the inbound address (${inbound}): mail to or from it comes back to onward`);
}

/** The owner and addresses: shared by the Lambda handlers and the local stack's own settings. */
export const ownerFields = {
  ONWARD_OWNER_NAME: z.string().check(z.trim(), z.minLength(1, { error: 'ONWARD_OWNER_NAME must not be empty' })),
  ONWARD_OWNER_EMAIL: email('ONWARD_OWNER_EMAIL'),
  ONWARD_ALLOWED_SENDERS: z.optional(
    z.string().check(
      z.refine((v) => addressList(v).every(isAddress), {
        error: 'ONWARD_ALLOWED_SENDERS must be email addresses separated by commas',
      }),
    ),
  ),
  // Its local part leaves room for reply tags ("+r-" and 33 characters) within 64.
  ONWARD_INBOUND_ADDRESS: email('ONWARD_INBOUND_ADDRESS').check(
    z.refine((v) => v.lastIndexOf('@') <= 28, {
      error: 'ONWARD_INBOUND_ADDRESS must have at most 28 characters before the @ (replies add a tag)',
    }),
    // Reply addresses are <local>+r-…: a "+" of its own would make every reply unreadable.
    z.refine((v) => !v.slice(0, v.lastIndexOf('@')).includes('+'), {
      error: 'ONWARD_INBOUND_ADDRESS must have no "+" before the @ (onward adds +tags itself)',
    }),
  ),
  ONWARD_SENDER_ADDRESS: email('ONWARD_SENDER_ADDRESS'),
};

const handlerSchema = z.object({
  ...ownerFields,
  ONWARD_TABLE_NAME: z.string().check(z.minLength(1, { error: 'ONWARD_TABLE_NAME must name the cases table' })),
  ONWARD_BUCKET_NAME: z.string().check(z.minLength(1, { error: 'ONWARD_BUCKET_NAME must name the raw mail bucket' })),
  ONWARD_INBOUND_PREFIX: z._default(z.string(), 'inbound/'),
  ONWARD_REVIEW_URL: z
    .string()
    .check(z.refine(httpUrl, { error: 'ONWARD_REVIEW_URL must be the review site’s base URL' })),
  ONWARD_SIGNING_KEY: z.optional(
    z.string().check(z.minLength(32, { error: 'ONWARD_SIGNING_KEY must be at least 32 characters' })),
  ),
  ONWARD_SIGNING_SECRET_ARN: z.optional(
    z.string().check(z.startsWith('arn:', { error: 'ONWARD_SIGNING_SECRET_ARN must be an ARN' })),
  ),
  ONWARD_LINK_TTL_DAYS: z._default(wholeNumber('ONWARD_LINK_TTL_DAYS', 1, MAX_LINK_TTL_DAYS), 14),
  ONWARD_MAX_MESSAGE_BYTES: z._default(wholeNumber('ONWARD_MAX_MESSAGE_BYTES', 1, MAX_MESSAGE_BYTES), 10 * 1024 * 1024),
  ONWARD_REQUIRE_DMARC: z._default(
    z.enum(['true', 'false'], { error: 'ONWARD_REQUIRE_DMARC must be true or false' }),
    'true',
  ),
  ONWARD_CONFIGURATION_SET: z.optional(z.string()),
  // S3 emulators only speak path-style URLs; AWS accepts both.
  ONWARD_S3_PATH_STYLE: z._default(
    z.enum(['true', 'false'], { error: 'ONWARD_S3_PATH_STYLE must be true or false' }),
    'false',
  ),
});

export interface HandlerConfig {
  ownerName: string;
  ownerEmail: string;
  allowedSenders: string[];
  inboundAddress: string;
  senderAddress: string;
  tableName: string;
  bucketName: string;
  inboundPrefix: string;
  reviewUrl: string;
  signing: { key: string } | { secretArn: string };
  linkTtlSeconds: number;
  maxMessageBytes: number;
  requireDmarcPass: boolean;
  s3PathStyle: boolean;
  /** SES configuration set whose events report bounces and complaints of letters. */
  configurationSet: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`onward is not configured correctly:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Flattens zod issues into one line each, naming the variable. */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
): string[] {
  return issues.map((i) => {
    const name = String(i.path[0] ?? 'configuration');
    return i.message === 'Invalid input' ? `${name} is missing or invalid` : i.message;
  });
}

export function loadHandlerConfig(env: Record<string, string | undefined>): HandlerConfig {
  const parsed = handlerSchema.safeParse(env);
  const problems = [...(parsed.success ? [] : describeIssues(parsed.error.issues)), ...ownAddressClashes(env)];
  if (parsed.success && !parsed.data.ONWARD_SIGNING_KEY && !parsed.data.ONWARD_SIGNING_SECRET_ARN) {
    problems.push('Set ONWARD_SIGNING_KEY or ONWARD_SIGNING_SECRET_ARN: links cannot be signed without a key');
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    ownerName: e.ONWARD_OWNER_NAME,
    ownerEmail: e.ONWARD_OWNER_EMAIL.toLowerCase(),
    allowedSenders: allowedSenders(e.ONWARD_OWNER_EMAIL, e.ONWARD_ALLOWED_SENDERS),
    inboundAddress: e.ONWARD_INBOUND_ADDRESS.toLowerCase(),
    senderAddress: e.ONWARD_SENDER_ADDRESS.toLowerCase(),
    tableName: e.ONWARD_TABLE_NAME,
    bucketName: e.ONWARD_BUCKET_NAME,
    inboundPrefix: e.ONWARD_INBOUND_PREFIX,
    reviewUrl: e.ONWARD_REVIEW_URL.endsWith('/') ? e.ONWARD_REVIEW_URL : `${e.ONWARD_REVIEW_URL}/`,
    signing: e.ONWARD_SIGNING_KEY ? { key: e.ONWARD_SIGNING_KEY } : { secretArn: e.ONWARD_SIGNING_SECRET_ARN! },
    linkTtlSeconds: e.ONWARD_LINK_TTL_DAYS * 24 * 3600,
    maxMessageBytes: e.ONWARD_MAX_MESSAGE_BYTES,
    requireDmarcPass: e.ONWARD_REQUIRE_DMARC === 'true',
    s3PathStyle: e.ONWARD_S3_PATH_STYLE === 'true',
    configurationSet: e.ONWARD_CONFIGURATION_SET || undefined,
  };
}
