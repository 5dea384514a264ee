// The deployment's configuration: CDK context (`-c key=value`) or the same keys in a JSON file
// named by `-c config=path`, validated by one zod schema before anything is synthesised. Keys,
// defaults and limits are the settings contract's (lambdas/settings). Every problem is reported
// at once, each with the flag that fixes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import * as settings from '../lambdas/settings/settings.ts';
import {
  activateRuleSet,
  allowedSenders,
  closing,
  greeting,
  signature,
  signOff,
  type ContextKey,
  inboundDomain,
  inboundLocalPart,
  linkTtlDays,
  followUpDays,
  logRetentionDays,
  ownerEmail,
  ownerName,
  rawMailDays,
  region,
  reservedConcurrency,
  ruleSetName,
  type Setting,
  senderAddress,
  stackName,
  timeZone,
} from '../lambdas/settings/settings.ts';

/** Every key the app reads from context: the contract's. */
export const CONTEXT_KEYS: readonly ContextKey[] = Object.values(settings).flatMap((s: Setting) =>
  s.context ? [s.context as ContextKey] : [],
);

// Context from the command line is always a string; from a JSON file it may be typed.
const text = (key: string) =>
  z
    .string({ error: `${key} is missing` })
    .trim()
    .min(1, { error: `${key} must not be empty` });
const email = (key: string) =>
  text(key)
    .pipe(z.email({ error: `${key} must be an email address` }))
    .transform((v) => v.toLowerCase());
const wholeNumber = ({ context: key, min, max }: { context: string; min: number; max: number }) =>
  z.coerce
    .number({ error: `${key} must be a number` })
    .int({ error: `${key} must be a whole number` })
    .min(min, { error: `${key} must be at least ${min}` })
    .max(max, { error: `${key} must be at most ${max}` });
const flag = (key: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: `${key} must be true or false` })
    .transform((v) => v === true || v === 'true');
/** A time zone name Intl knows: the functions refuse any other, so the deploy does first. */
const knownTimeZone = (v: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return v.trim() !== '';
  } catch {
    return false;
  }
};
const localPart = new RegExp(`^[a-z0-9][a-z0-9._-]{0,${inboundLocalPart.maxLength - 1}}$`, 'i');

const fields = {
  [ownerEmail.context]: email(ownerEmail.context),
  [ownerName.context]: text(ownerName.context),
  [inboundDomain.context]: text(inboundDomain.context)
    .refine((v) => inboundDomain.pattern.test(v), {
      error: `${inboundDomain.context} must be a domain name such as mail.example.com`,
    })
    .transform((v) => v.toLowerCase()),
  [senderAddress.context]: email(senderAddress.context),
  [inboundLocalPart.context]: z
    .string()
    .trim()
    .regex(localPart, {
      error: `${inboundLocalPart.context} must be 1–${inboundLocalPart.maxLength} letters, digits, ".", "_" or "-" (no "+": onward adds +tags itself, and replies need the room)`,
    })
    .default(inboundLocalPart.default)
    .transform((v) => v.toLowerCase()),
  [allowedSenders.context]: z
    .union([z.string(), z.array(z.string())], {
      error: `${allowedSenders.context} must be email addresses separated by commas`,
    })
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((a) => a.trim().toLowerCase()).filter(Boolean))
    .refine((list) => list.every((a) => z.email().safeParse(a).success), {
      error: `${allowedSenders.context} must be email addresses separated by commas`,
    })
    .optional(),
  [stackName.context]: z
    .string()
    .regex(stackName.pattern, {
      error: `${stackName.context} must start with a letter and use only letters, digits and "-" (at most 40)`,
    })
    .default(stackName.default),
  [region.context]: z
    .string()
    .regex(region.pattern, { error: `${region.context} must be an AWS region code such as eu-west-1` })
    .optional(),
  [activateRuleSet.context]: flag(activateRuleSet.context).default(activateRuleSet.default),
  [ruleSetName.context]: z
    .string()
    .regex(ruleSetName.pattern, {
      error: `${ruleSetName.context} must name an SES receipt rule set (letters, digits, ".", "_", "-")`,
    })
    .optional(),
  [rawMailDays.context]: wholeNumber(rawMailDays).default(rawMailDays.default),
  [logRetentionDays.context]: z.coerce
    .number({ error: `${logRetentionDays.context} must be a number` })
    .refine((v) => (logRetentionDays.oneOf as readonly number[]).includes(v), {
      error: `${logRetentionDays.context} must be one of ${logRetentionDays.oneOf.join(', ')}`,
    })
    .default(logRetentionDays.default),
  [linkTtlDays.context]: wholeNumber(linkTtlDays).default(linkTtlDays.default),
  [followUpDays.context]: wholeNumber(followUpDays).default(followUpDays.default),
  [reservedConcurrency.context]: z
    .union([z.literal('none'), wholeNumber(reservedConcurrency)], {
      error: `${reservedConcurrency.context} must be a whole number from ${reservedConcurrency.min} to ${reservedConcurrency.max}, or none`,
    })
    .default(reservedConcurrency.default),
  [greeting.context]: z
    .enum(greeting.choices, { error: `${greeting.context} must be ${greeting.choices.join(' or ')}` })
    .default(greeting.default),
  [signOff.context]: z
    .string()
    .trim()
    .max(signOff.maxLength, { error: `${signOff.context} must be at most ${signOff.maxLength} characters` })
    .optional(),
  [signature.context]: z
    .string()
    .trim()
    .max(signature.maxLength, { error: `${signature.context} must be at most ${signature.maxLength} characters` })
    .optional(),
  [closing.context]: z
    .string()
    .trim()
    .min(1, { error: `${closing.context} must not be empty` })
    .max(closing.maxLength, { error: `${closing.context} must be at most ${closing.maxLength} characters` })
    .default(closing.default),
  [timeZone.context]: z
    .string()
    .trim()
    .refine(knownTimeZone, {
      error: `${timeZone.context} must be a time zone name such as Europe/Berlin or America/New_York`,
    })
    .default(timeZone.default),
} satisfies Record<ContextKey, z.ZodType>;

const schema = z.object(fields).superRefine((c, ctx) => {
  if (c.activateRuleSet && c.ruleSetName) {
    ctx.addIssue({
      code: 'custom',
      path: [activateRuleSet.context],
      message: `${activateRuleSet.context} and ${ruleSetName.context} exclude each other: ${ruleSetName.context} adds the rule to a set that is already active`,
    });
  }
  // The functions refuse to start with these (lambdas/handlers/config.ts): say so before deploying,
  // not after the first draft went round in a circle.
  const inbound = `${c.inboundLocalPart}@${c.inboundDomain}`;
  // SES's rule takes the whole inbound domain: every address there reaches onward, none a mailbox.
  if (c.ownerEmail.endsWith(`@${c.inboundDomain}`)) {
    ctx.addIssue({
      code: 'custom',
      path: [ownerEmail.context],
      message: `${ownerEmail.context} must not be at the inbound domain (${c.inboundDomain}): SES hands every address there to onward, so drafts and alarms would never reach you — give your own mailbox (-c ownerEmail=you@example.com)`,
    });
  }
  // Reply addresses are <local>+r-…@<domain>: mail from one of them is onward's own, coming back.
  if (
    c.senderAddress === inbound ||
    (c.senderAddress.startsWith(`${c.inboundLocalPart}+`) && c.senderAddress.endsWith(`@${c.inboundDomain}`))
  ) {
    ctx.addIssue({
      code: 'custom',
      path: [senderAddress.context],
      message: `${senderAddress.context} must not be the inbound address (${inbound}) or one of its +tag addresses: mail to or from it comes back to onward — use another address at your domain (-c senderAddress=letters@${c.inboundDomain})`,
    });
  }
});

export type OnwardConfig = z.output<typeof schema> & {
  /** `<inboundLocalPart>@<inboundDomain>`: where the owner forwards rejections. */
  inboundAddress: string;
  /** The SES identity letters are sent from: the sender address's domain. */
  senderDomain: string;
};

export class DeployConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `onward cannot be synthesised: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\n\nPass each as -c key=value (for example -c ownerEmail=you@example.com), or put them in a JSON file and pass -c config=path/to/file.json.' +
        '\nSee "Deploy to AWS" in README.md.',
    );
    this.name = 'DeployConfigError';
  }
}

/** For each key a deployment must give: what it is, and the flag that gives it. */
const HINTS: Record<string, string> = {
  [ownerEmail.context]: 'your own address: drafts and alarms go there (-c ownerEmail=you@example.com)',
  [ownerName.context]: 'the name that signs the letters (-c ownerName="Sam Rivera")',
  [inboundDomain.context]: 'the domain whose MX points at SES (-c inboundDomain=mail.example.com)',
  [senderAddress.context]:
    'the From of everything onward sends, on your verified SES domain (-c senderAddress=letters@mail.example.com)',
};

/** Reads the keys from `get` (normally `app.node.tryGetContext`), with `-c config=file` underneath. */
export function loadDeployConfig(get: (key: string) => unknown, cwd = process.cwd()): OnwardConfig {
  const problems: string[] = [];
  let fromFile: Record<string, unknown> = {};
  const file = get('config');
  if (file !== undefined) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path.resolve(cwd, String(file)), 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('it must hold one JSON object');
      fromFile = parsed as Record<string, unknown>;
      for (const key of Object.keys(fromFile)) {
        if (!(CONTEXT_KEYS as readonly string[]).includes(key))
          problems.push(`config file ${String(file)}: unknown key ${key}`);
      }
    } catch (error) {
      problems.push(
        `config file ${String(file)} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  // -c on the command line wins over the file.
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, get(key) ?? fromFile[key]]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'configuration');
      const missing = raw[key] === undefined && key in HINTS;
      problems.push(missing ? `${key} is missing: ${HINTS[key]}` : issue.message);
    }
  }
  if (problems.length || !parsed.success) throw new DeployConfigError(problems);
  const c = parsed.data;
  return {
    ...c,
    inboundAddress: `${c.inboundLocalPart}@${c.inboundDomain}`,
    senderDomain: c.senderAddress.split('@')[1]!,
  };
}
