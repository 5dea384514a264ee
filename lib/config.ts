// The deployment's configuration: CDK context (`-c key=value`) or the same keys in a JSON file
// named by `-c config=path`, validated by one zod schema before anything is synthesised. Every
// problem is reported at once, each with the flag that fixes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Every key the app reads from context, in the order the guide lists them. */
export const CONTEXT_KEYS = [
  'ownerEmail',
  'ownerName',
  'inboundDomain',
  'senderAddress',
  'inboundLocalPart',
  'allowedSenders',
  'stackName',
  'region',
  'activateRuleSet',
  'ruleSetName',
  'rawMailDays',
  'logRetentionDays',
  'linkTtlDays',
  'reservedConcurrency',
] as const;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// SES rule set and rule names: letters, digits, '.', '_', '-'; start and end with a letter or digit.
const SES_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,46}[A-Za-z0-9])?$/;

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
const wholeNumber = (key: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${key} must be a number` })
    .int({ error: `${key} must be a whole number` })
    .min(min, { error: `${key} must be at least ${min}` })
    .max(max, { error: `${key} must be at most ${max}` });
const flag = (key: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: `${key} must be true or false` })
    .transform((v) => v === true || v === 'true');

const schema = z
  .object({
    ownerEmail: email('ownerEmail'),
    ownerName: text('ownerName'),
    inboundDomain: text('inboundDomain')
      .refine((v) => DOMAIN.test(v), { error: 'inboundDomain must be a domain name such as mail.example.com' })
      .transform((v) => v.toLowerCase()),
    senderAddress: email('senderAddress'),
    inboundLocalPart: z
      .string()
      .trim()
      // 28 at most: reply addresses add "+r-" and 33 characters, and a local part ends at 64.
      .regex(/^[a-z0-9](?:[a-z0-9._-]{0,27})$/i, {
        error:
          'inboundLocalPart must be 1–28 letters, digits, ".", "_" or "-" (no "+": onward adds +tags itself, and replies need the room)',
      })
      .default('onward')
      .transform((v) => v.toLowerCase()),
    allowedSenders: z
      .union([z.string(), z.array(z.string())], { error: 'allowedSenders must be email addresses separated by commas' })
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((a) => a.trim().toLowerCase()).filter(Boolean))
      .refine((list) => list.every((a) => z.email().safeParse(a).success), {
        error: 'allowedSenders must be email addresses separated by commas',
      })
      .optional(),
    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,39}$/, {
        error: 'stackName must start with a letter and use only letters, digits and "-" (at most 40)',
      })
      .default('Onward'),
    region: z
      .string()
      .regex(/^[a-z]{2}(?:-[a-z]+)+-\d$/, { error: 'region must be an AWS region code such as eu-west-1' })
      .optional(),
    activateRuleSet: flag('activateRuleSet').default(false),
    ruleSetName: z
      .string()
      .regex(SES_NAME, { error: 'ruleSetName must name an SES receipt rule set (letters, digits, ".", "_", "-")' })
      .optional(),
    rawMailDays: wholeNumber('rawMailDays', 1, 3650).default(90),
    logRetentionDays: z.coerce
      .number({ error: 'logRetentionDays must be a number' })
      .refine((v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v), {
        error: `logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(', ')}`,
      })
      .default(30),
    linkTtlDays: wholeNumber('linkTtlDays', 1, 60).default(14),
    reservedConcurrency: z
      .union([z.literal('none'), wholeNumber('reservedConcurrency', 1, 100)], {
        error: 'reservedConcurrency must be a whole number from 1 to 100, or none',
      })
      .default(5),
  })
  .superRefine((c, ctx) => {
    if (c.activateRuleSet && c.ruleSetName) {
      ctx.addIssue({
        code: 'custom',
        path: ['activateRuleSet'],
        message:
          'activateRuleSet and ruleSetName exclude each other: ruleSetName adds the rule to a set that is already active',
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

const HINTS: Record<string, string> = {
  ownerEmail: 'your own address: drafts and alarms go there (-c ownerEmail=you@example.com)',
  ownerName: 'the name that signs the letters (-c ownerName="Sam Rivera")',
  inboundDomain: 'the domain whose MX points at SES (-c inboundDomain=mail.example.com)',
  senderAddress:
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
