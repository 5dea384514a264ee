// The handlers' configuration: one zod schema over the environment, every problem reported at
// once. Names, defaults and limits come from the settings contract (lambdas/settings). zod/mini
// keeps the Lambda bundles small (docs/DESIGN.md §6); addresses and URLs are checked with onward's own
// address rule and the platform's URL parser rather than zod's format validators, which would add
// ~9 KB to every bundle and a second, different idea of an email address.
import * as z from 'zod/mini';
import { isAddress } from '../core/mail/index.ts';
import type { Voice } from '../core/letter/index.ts';
import {
  allowedSenders as allowedSendersSetting,
  bucketName,
  closing,
  greeting,
  signature,
  signOff,
  configurationSet,
  followUpDays,
  inboundAddress,
  inboundFunction,
  inboundPrefix,
  repliesFunction,
  linkTtlDays,
  maxMessageBytes,
  ownerEmail,
  ownerName,
  requireDmarc,
  reviewUrl,
  s3PathStyle,
  senderAddress,
  signingKey,
  signingSecretArn,
  tableName,
  timeZone,
} from '../settings/settings.ts';

const email = (what: string) => z.string().check(z.refine(isAddress, { error: `${what} must be an email address` }));
const httpUrl = (v: string) => URL.canParse(v) && /^https?:\/\//i.test(v);
const flag = (name: string, fallback: boolean) =>
  z._default(z.enum(['true', 'false'], { error: `${name} must be true or false` }), fallback ? 'true' : 'false');
/**
 * A whole number written plainly, within the setting's bounds: "1.5", "0x50", "1e3" and " " are
 * refused, each with the rule, rather than coerced into something else.
 */
export const wholeNumber = ({ env, min, max }: { env: string; min: number; max: number }) =>
  z
    .pipe(
      z.string().check(z.regex(/^\s*\d+\s*$/, { error: `${env} must be a whole number` })),
      z.transform((v: string) => Number(v)),
    )
    .check(z.refine((n: number) => n >= min && n <= max, { error: `${env} must be between ${min} and ${max}` }));

/** A time zone name this runtime knows ("Europe/Berlin", "UTC"): Intl refuses any other. */
export function isTimeZone(value: string): boolean {
  if (!value.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The time zone setting: a name Intl knows, else one line saying what is wanted. */
export const timeZoneField = z.string().check(
  z.refine(isTimeZone, {
    error: `${timeZone.env} must be a time zone name such as Europe/Berlin or America/New_York`,
  }),
);

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
 * from it, would come straight back in. On AWS every address at the inbound domain reaches
 * onward, so the owner's mailbox may not be at that domain at all. Checked beside every other
 * problem.
 */
export function ownAddressClashes(env: Record<string, string | undefined>): string[] {
  const inbound = env[inboundAddress.env]?.trim().toLowerCase();
  if (!inbound) return [];
  const clashes = [ownerEmail.env, senderAddress.env]
    .filter((name) => env[name]?.trim().toLowerCase() === inbound)
    .map((name) => `${name} must not be the inbound address (${inbound}): mail to or from it comes back to onward`);
  const domain = inbound.slice(inbound.lastIndexOf('@'));
  const owner = env[ownerEmail.env]?.trim().toLowerCase();
  if (owner && owner !== inbound && owner.endsWith(domain))
    clashes.push(
      `${ownerEmail.env} must not be at the inbound address's domain (${domain.slice(1)}): every address there reaches onward, none a mailbox`,
    );
  return clashes;
}

const upTo = (setting: { env: string; maxLength: number }) =>
  z.optional(
    z
      .string()
      .check(
        z.maxLength(setting.maxLength, { error: `${setting.env} must be at most ${setting.maxLength} characters` }),
      ),
  );

/** The owner's voice in the letters: the greeting they prefer, the name and lines they sign with, their closing. */
const voiceFields = {
  [greeting.env]: z._default(
    z.enum(greeting.choices, { error: `${greeting.env} must be ${greeting.choices.join(' or ')}` }),
    greeting.default,
  ),
  [signOff.env]: upTo(signOff),
  [signature.env]: upTo(signature),
  [closing.env]: upTo(closing),
};

/** The voice as the letters take it: a signature's lines split at "|" (or written on lines of their own). */
export function voiceOf(e: Record<string, unknown>, ownerName: string): Voice {
  const text = (name: string): string => (typeof e[name] === 'string' ? (e[name] as string) : '');
  return {
    greeting: e[greeting.env] === 'formal' ? 'formal' : 'first-name',
    signOff: text(signOff.env).trim() || ownerName,
    signature: text(signature.env)
      .split(/\s*[|\n]\s*/)
      .map((l) => l.trim())
      .filter(Boolean),
    closing: text(closing.env).trim() || closing.default,
  };
}

/** The owner and addresses: shared by the Lambda handlers and the local stack's own settings. */
export const ownerFields = {
  ...voiceFields,
  [ownerName.env]: z.string().check(z.trim(), z.minLength(1, { error: `${ownerName.env} must not be empty` })),
  [ownerEmail.env]: email(ownerEmail.env),
  [allowedSendersSetting.env]: z.optional(
    z.string().check(
      z.refine((v) => addressList(v).every(isAddress), {
        error: `${allowedSendersSetting.env} must be email addresses separated by commas`,
      }),
    ),
  ),
  [inboundAddress.env]: email(inboundAddress.env).check(
    z.refine((v) => v.lastIndexOf('@') <= inboundAddress.maxLocalPart, {
      error: `${inboundAddress.env} must have at most ${inboundAddress.maxLocalPart} characters before the @ (replies add a tag)`,
    }),
    // Reply addresses are <local>+r-…: a "+" of its own would make every reply unreadable.
    z.refine((v) => !v.slice(0, v.lastIndexOf('@')).includes('+'), {
      error: `${inboundAddress.env} must have no "+" before the @ (onward adds +tags itself)`,
    }),
  ),
  [senderAddress.env]: email(senderAddress.env),
};

const handlerSchema = z.object({
  ...ownerFields,
  [tableName.env]: z.string().check(z.minLength(1, { error: `${tableName.env} must name the cases table` })),
  [bucketName.env]: z.string().check(z.minLength(1, { error: `${bucketName.env} must name the raw mail bucket` })),
  [inboundPrefix.env]: z._default(z.string(), inboundPrefix.default),
  [inboundFunction.env]: z.optional(z.string()),
  [repliesFunction.env]: z.optional(z.string()),
  [reviewUrl.env]: z
    .string()
    .check(z.refine(httpUrl, { error: `${reviewUrl.env} must be the review site’s base URL` })),
  [signingKey.env]: z.optional(
    z.string().check(
      z.minLength(signingKey.minLength, {
        error: `${signingKey.env} must be at least ${signingKey.minLength} characters`,
      }),
    ),
  ),
  [signingSecretArn.env]: z.optional(
    z.string().check(z.startsWith('arn:', { error: `${signingSecretArn.env} must be an ARN` })),
  ),
  [linkTtlDays.env]: z._default(wholeNumber(linkTtlDays), linkTtlDays.default),
  [followUpDays.env]: z._default(wholeNumber(followUpDays), followUpDays.default),
  [maxMessageBytes.env]: z._default(wholeNumber(maxMessageBytes), maxMessageBytes.default),
  [requireDmarc.env]: flag(requireDmarc.env, requireDmarc.default),
  [configurationSet.env]: z.optional(z.string()),
  [s3PathStyle.env]: flag(s3PathStyle.env, s3PathStyle.default),
  [timeZone.env]: z._default(timeZoneField, timeZone.default),
});

export interface HandlerConfig {
  ownerName: string;
  /** How the letters greet, sign and close. */
  voice: Voice;
  ownerEmail: string;
  allowedSenders: string[];
  inboundAddress: string;
  senderAddress: string;
  tableName: string;
  bucketName: string;
  inboundPrefix: string;
  /** The function a pasted rejection is handed to (the review site's only). */
  inboundFunction: string | undefined;
  /** The function the owner's replies are handed to (the inbound function's only). */
  repliesFunction: string | undefined;
  reviewUrl: string;
  signing: { key: string } | { secretArn: string };
  linkTtlSeconds: number;
  /** Days after a letter left that its follow-up is drafted. */
  followUpDays: number;
  maxMessageBytes: number;
  requireDmarcPass: boolean;
  s3PathStyle: boolean;
  /** SES configuration set whose events report bounces and complaints of letters. */
  configurationSet: string | undefined;
  /** The owner's time zone: every time onward shows is in it. */
  timeZone: string;
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
  if (parsed.success && !parsed.data[signingKey.env] && !parsed.data[signingSecretArn.env]) {
    problems.push(`Set ${signingKey.env} or ${signingSecretArn.env}: links cannot be signed without a key`);
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const url = e[reviewUrl.env];
  const key = e[signingKey.env];
  return {
    ownerName: e[ownerName.env],
    voice: voiceOf(e, e[ownerName.env]),
    ownerEmail: e[ownerEmail.env].toLowerCase(),
    allowedSenders: allowedSenders(e[ownerEmail.env], e[allowedSendersSetting.env]),
    inboundAddress: e[inboundAddress.env].toLowerCase(),
    senderAddress: e[senderAddress.env].toLowerCase(),
    tableName: e[tableName.env],
    bucketName: e[bucketName.env],
    inboundPrefix: e[inboundPrefix.env],
    inboundFunction: e[inboundFunction.env] || undefined,
    repliesFunction: e[repliesFunction.env] || undefined,
    reviewUrl: url.endsWith('/') ? url : `${url}/`,
    signing: key ? { key } : { secretArn: e[signingSecretArn.env]! },
    linkTtlSeconds: e[linkTtlDays.env] * 24 * 3600,
    followUpDays: e[followUpDays.env],
    maxMessageBytes: e[maxMessageBytes.env],
    requireDmarcPass: e[requireDmarc.env] === 'true',
    s3PathStyle: e[s3PathStyle.env] === 'true',
    configurationSet: e[configurationSet.env] || undefined,
    timeZone: e[timeZone.env],
  };
}
