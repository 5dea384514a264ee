// onward's environment contract: every setting named once — its environment variable (read by
// the Lambda handlers and by `npm start`), its CDK context key where a deployer chooses it
// (`-c key=value`), its defaults, its limits, and (in its doc comment) what it means.
// lambdas/handlers/config.ts, lambdas/local/config.ts and lib/config.ts take names, defaults and
// limits from here, and both stacks hand the handlers their variables by these names.
//
// Pure data, no AWS and no zod: Lambda bundles, `npm start` and the CDK app all import it. One
// export per setting, imported by name, so that each Lambda bundle carries only the settings its
// handler reads (esbuild drops the rest; the inbound bundle has little room to spare).
//
//   env        the variable                      context   the CDK context key
//   default    the value when none is given, on AWS and locally alike
//   local      `npm start`'s value, where it differs from the deployed one (the comment says why)
//   machine    `npm start` takes the machine's own value (its time zone) when the variable is unset
//   required   a deployment must give it: there is no value onward could guess
//   wired      set by the stacks (CDK and `npm start`), never by hand; the README leaves it out
//   min, max, minLength, maxLength, maxLocalPart, oneOf, choices, pattern, timeZone   the limits every reader enforces
//
// Adding a setting, say the letters' greeting (ONWARD_GREETING, context key `greeting`):
//   1. here, with a doc comment saying what it means:
//        /** The letters' first word, before the interviewer's name. */
//        export const greeting = {
//          env: 'ONWARD_GREETING', context: 'greeting', default: 'Dear',
//        } as const satisfies Setting;
//   2. lambdas/handlers/config.ts reads it (handlerSchema) and hands it on (HandlerConfig);
//   3. lambdas/local/config.ts, if `npm start` takes it from the environment (localSchema);
//   4. lib/config.ts validates the context key (tsc fails until its schema has every key here),
//      and lib/handler-environment.ts passes the variable to the functions that read it;
//   5. README: its row in "Configuration" (env) and/or in the "Deploy to AWS" key table (context);
//      test/unit/settings.test.ts fails until each table names it with this default;
//   6. lambdas/local/stack.ts hands the local handlers the variable (from LocalConfig);
//   7. where it is used: a use case reads it through its deps (workflow/ports.ts, e.g. Owner),
//      filled in by lambdas/handlers/compose.ts — core never reads the environment.

export interface Setting {
  readonly env?: `ONWARD_${string}`;
  readonly context?: string;
  readonly default?: string | number | boolean;
  readonly local?: string | number | boolean;
  readonly machine?: true;
  readonly required?: true;
  readonly wired?: true;
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** For an address: the most characters before the @. */
  readonly maxLocalPart?: number;
  readonly oneOf?: readonly number[];
  /** For a word setting: the words it may be. */
  readonly choices?: readonly string[];
  readonly pattern?: RegExp;
  /** An IANA time zone name that Intl.DateTimeFormat knows ("Europe/Berlin", "UTC"). */
  readonly timeZone?: true;
}

type Contract = typeof import('./settings.ts');
/** Every environment variable of the contract. */
export type EnvName = {
  [K in keyof Contract]: Contract[K] extends { env: infer E extends string } ? E : never;
}[keyof Contract];
/** Every CDK context key of the contract. */
export type ContextKey = {
  [K in keyof Contract]: Contract[K] extends { context: infer C extends string } ? C : never;
}[keyof Contract];

// Reply addresses are <local part>+r-<33 characters>@domain, and a local part ends at 64.
const MAX_INBOUND_LOCAL_PART = 28;

// ---- What the owner chooses: `npm start` reads ONWARD_*, a deployment reads context keys. ----
// `npm start` runs with nothing set, so it has a value for each; a deployment must name its owner.

/** The owner's name: letters are signed with it. */
export const ownerName = {
  env: 'ONWARD_OWNER_NAME',
  context: 'ownerName',
  local: 'Sam Rivera',
  required: true,
} as const satisfies Setting;

/** The owner's mailbox: drafts, notices (and on AWS alarms) go there; the letters' Reply-To. */
export const ownerEmail = {
  env: 'ONWARD_OWNER_EMAIL',
  context: 'ownerEmail',
  local: 'me@example.com',
  required: true,
} as const satisfies Setting;

/**
 * How a letter greets someone who signed with their full name: `first-name` ("Dear Sandra,") or
 * `formal` (title and surname where the email gives the title, "Dear Ms. Ing,", else the full
 * name). Someone who signed with a first name alone is greeted by it either way.
 */
export const greeting = {
  env: 'ONWARD_GREETING',
  context: 'greeting',
  default: 'first-name',
  choices: ['first-name', 'formal'],
} as const satisfies Setting;

/** The name under each letter; by default the owner's name. */
export const signOff = {
  env: 'ONWARD_SIGN_OFF',
  context: 'signOff',
  maxLength: 80,
} as const satisfies Setting;

/** Lines under the name, separated by "|": a title, a phone number, a LinkedIn address. None by default. */
export const signature = {
  env: 'ONWARD_SIGNATURE',
  context: 'signature',
  maxLength: 300,
} as const satisfies Setting;

/** The owner's own closing line, the last before the name. */
export const closing = {
  env: 'ONWARD_CLOSING',
  context: 'closing',
  default: 'Again, thank you!',
  maxLength: 120,
} as const satisfies Setting;

/**
 * Comma-separated addresses allowed to forward mail to onward. The owner's own address is always
 * allowed besides (drafts go there, so replies come from it): that is the default, in effect.
 */
export const allowedSenders = { env: 'ONWARD_ALLOWED_SENDERS', context: 'allowedSenders' } as const satisfies Setting;

/** The From of everything onward sends (on AWS, on the verified SES domain). */
export const senderAddress = {
  env: 'ONWARD_SENDER_ADDRESS',
  context: 'senderAddress',
  local: 'letters@onward.localhost',
  required: true,
} as const satisfies Setting;

/**
 * The address the owner forwards to. On AWS the stack sets it to
 * `<inboundLocalPart>@<inboundDomain>`; locally the owner may choose any.
 */
export const inboundAddress = {
  env: 'ONWARD_INBOUND_ADDRESS',
  local: 'inbox@onward.localhost',
  maxLocalPart: MAX_INBOUND_LOCAL_PART,
} as const satisfies Setting;

/** The domain whose MX points at SES; every address at it reaches onward. */
export const inboundDomain = {
  context: 'inboundDomain',
  required: true,
  pattern: /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
} as const satisfies Setting;

/** The inbound address's local part on AWS. No "+": onward adds +tags itself. */
export const inboundLocalPart = {
  context: 'inboundLocalPart',
  default: 'onward',
  maxLength: MAX_INBOUND_LOCAL_PART,
} as const satisfies Setting;

/** How long review links work, in days; waiting drafts then expire. */
export const linkTtlDays = {
  env: 'ONWARD_LINK_TTL_DAYS',
  context: 'linkTtlDays',
  default: 14,
  min: 1,
  // A link that works for months is a link anyone who ever saw it can use.
  max: 60,
} as const satisfies Setting;

/**
 * Days after a letter left that onward drafts its follow-up (a short check-in to the same
 * person); 0: at the next housekeeping run, to try it.
 */
export const followUpDays = {
  env: 'ONWARD_FOLLOW_UP_DAYS',
  context: 'followUpDays',
  default: 56,
  min: 0,
  // A year on, a check-in is a new letter, not a follow-up.
  max: 365,
} as const satisfies Setting;

/**
 * The owner's time zone: every time onward shows (pages, emails, the local mailbox) is in it.
 * Locally the machine's own; on AWS the deploy guide has the owner set it, and it is UTC if not.
 */
export const timeZone = {
  env: 'ONWARD_TIME_ZONE',
  context: 'timeZone',
  default: 'UTC',
  machine: true,
  timeZone: true,
} as const satisfies Setting;

/**
 * Larger mail is refused before it is parsed (locally with SMTP 552). On AWS the stack passes the
 * default: SES itself stops at 40 MB.
 */
export const maxMessageBytes = {
  env: 'ONWARD_MAX_MESSAGE_BYTES',
  default: 10 * 1024 * 1024,
  // Below a kilobyte even the headers of a forward would not fit.
  min: 1024,
  // SES receives messages of up to 40 MB.
  max: 40 * 1024 * 1024,
} as const satisfies Setting;

// ---- `npm start` only ----

/** The local inbound SMTP port. */
export const smtpPort = { env: 'ONWARD_SMTP_PORT', default: 2525, min: 1, max: 65535 } as const satisfies Setting;

/** The local review site's port. */
export const httpPort = { env: 'ONWARD_HTTP_PORT', default: 3000, min: 1, max: 65535 } as const satisfies Setting;

/** The local SES endpoint's port (what the handlers send; the mailbox page shows it). */
export const sesPort = { env: 'ONWARD_SES_PORT', default: 8005, min: 1, max: 65535 } as const satisfies Setting;

/** Where the local stack keeps everything: cases, raw mail, the signing key, the outbox. */
export const dataDir = { env: 'ONWARD_DATA_DIR', default: '.onward' } as const satisfies Setting;

// ---- Deployment only ----

/** The CloudFormation stack; it also prefixes the rule set, rule and configuration set names. */
export const stackName = {
  context: 'stackName',
  default: 'Onward',
  pattern: /^[A-Za-z][A-Za-z0-9-]{0,39}$/,
} as const satisfies Setting;

/** Pins the stack to a region; without it, the CLI's region. */
export const region = { context: 'region', pattern: /^[a-z]{2}(?:-[a-z]+)+-\d$/ } as const satisfies Setting;

/** `true`: the stack activates its receipt rule set itself. */
export const activateRuleSet = { context: 'activateRuleSet', default: false } as const satisfies Setting;

/** An existing, active rule set to add onward's rule to, instead of creating one. */
export const ruleSetName = {
  context: 'ruleSetName',
  // SES rule set names: letters, digits, '.', '_', '-'; they start and end with a letter or digit.
  pattern: /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,46}[A-Za-z0-9])?$/,
} as const satisfies Setting;

/** Raw messages are deleted from S3 after this many days. */
export const rawMailDays = { context: 'rawMailDays', default: 90, min: 1, max: 3650 } as const satisfies Setting;

/** CloudWatch Logs retention, in days: CloudWatch accepts only these periods. */
export const logRetentionDays = {
  context: 'logRetentionDays',
  default: 30,
  oneOf: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
} as const satisfies Setting;

/**
 * Reserved concurrency of the review and inbound functions (the bounce handler gets at most 2,
 * the hourly job 1), or `none`. None by default: Lambda keeps a minimum of unreserved concurrency
 * per account (100 on a standard account, the whole quota on a new one whose quota is 10 or 50),
 * and a deploy that reserves below it fails and rolls back. A cap is for accounts that have room.
 */
export const reservedConcurrency = {
  context: 'reservedConcurrency',
  default: 'none',
  min: 1,
  max: 100,
} as const satisfies Setting;

// ---- Wiring: the stacks set these for the handlers ----

/** The cases table (locally the emulator's). */
export const tableName = { env: 'ONWARD_TABLE_NAME', wired: true } as const satisfies Setting;

/** The raw-mail bucket (locally the emulator's). */
export const bucketName = { env: 'ONWARD_BUCKET_NAME', wired: true } as const satisfies Setting;

/** Where each message is stored: `<prefix><message id>`, by SES's S3 action or the local SMTP front. */
export const inboundPrefix = {
  env: 'ONWARD_INBOUND_PREFIX',
  wired: true,
  default: 'inbound/',
} as const satisfies Setting;

/**
 * The inbound function's name, for the review site only: it hands a pasted rejection to that
 * function (Lambda's Invoke API; locally the stack's own stand-in for it).
 */
export const inboundFunction = {
  env: 'ONWARD_INBOUND_FUNCTION',
  wired: true,
  local: 'onward-inbound',
} as const satisfies Setting;

/**
 * The replies function's name, for the inbound function only: it hands the owner's replies to
 * onward's emails to that function, which acts on them.
 */
export const repliesFunction = {
  env: 'ONWARD_REPLIES_FUNCTION',
  wired: true,
  local: 'onward-replies',
} as const satisfies Setting;

/** The review site's base URL: the function URL on AWS, the local HTTP front at `npm start`. */
export const reviewUrl = { env: 'ONWARD_REVIEW_URL', wired: true } as const satisfies Setting;

/** The link-signing key itself: `npm start` keeps one in its data directory. */
export const signingKey = { env: 'ONWARD_SIGNING_KEY', wired: true, minLength: 32 } as const satisfies Setting;

/** On AWS the key is a Secrets Manager secret, read once per cold start. */
export const signingSecretArn = { env: 'ONWARD_SIGNING_SECRET_ARN', wired: true } as const satisfies Setting;

/** The SES configuration set whose events report bounces and complaints of letters (AWS only). */
export const configurationSet = { env: 'ONWARD_CONFIGURATION_SET', wired: true } as const satisfies Setting;

/**
 * Judge mail by SES's verdicts (core/trust): the owner's own mail needs DMARC PASS where their
 * domain publishes a policy and alignment where it does not; an auto-forward, SPF PASS for the
 * owner's envelope.
 */
export const requireDmarc = {
  env: 'ONWARD_REQUIRE_DMARC',
  wired: true,
  default: true,
  // Nothing checks DMARC locally: the local SES event says GRAY.
  local: false,
} as const satisfies Setting;

/** S3 requests by path (`host/bucket/key`) rather than by virtual host. */
export const s3PathStyle = {
  env: 'ONWARD_S3_PATH_STYLE',
  wired: true,
  default: false,
  // The S3 emulator speaks path-style URLs only; AWS accepts both.
  local: true,
} as const satisfies Setting;
