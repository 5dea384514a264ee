// onward's command line: start the local stack, send mail into it, look at what onward makes of
// an email without starting anything, print the owner's corrections as labelled data, or check a
// deployed stack.
import { appendFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { parseMime } from '../lambdas/adapters/mime.ts';
import { corpusRecord } from '../lambdas/core/labels/index.ts';
import { casesCsv } from '../lambdas/core/record/index.ts';
import { type ParsedMail, pastedMail } from '../lambdas/core/mail/index.ts';
import { draftLetter, noLetterReason } from '../lambdas/core/letter/index.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';
import { allowedSenders, voiceOf } from '../lambdas/handlers/config.ts';
import { loadLocalConfig, type LocalConfig } from '../lambdas/local/config.ts';
import type { LocalData } from '../lambdas/local/data.ts';
import * as settings from '../lambdas/settings/settings.ts';
import { PortInUse } from '../lambdas/local/emulators.ts';

const USAGE = `usage: onward <command> [options]

  start [--quiet]          run onward on this machine: SMTP inbox, review site, your local mailbox
  ingest FILE.eml…         send emails into the running stack, as its owner forwarding them
  classify [--json] FILE…  show what onward makes of each email: rejection?, company, role, contact
  draft FILE.eml           print the thank-you letter onward would draft for an email
  doctor [--stack NAME] [--region REGION] [--no-send]
                           check a deployed stack: DNS, rule set, SES sandbox, alarms, and a
                           test message through SES (AWS credentials as for the AWS CLI)
  housekeeping             run the running stack's hourly housekeeping now: expire old drafts,
                           draft due follow-ups (ONWARD_FOLLOW_UP_DAYS=0: every letter sent)
  labels                   print your corrections ("Not a rejection", "Draft anyway") as labelled
                           corpus records, one JSON line each, from the local data folder
  export --csv             print every case as CSV (a header row, one case a line, ISO dates),
                           from the local data folder
  help [COMMAND]           this text, or one command's (also: onward COMMAND --help)

Environment: \`start\` reads the ONWARD_* variables (README, "Configuration"): owner, addresses,
ports, ONWARD_DATA_DIR (default .onward). \`ingest\` uses the settings of the stack running on that
data folder, whatever this shell's variables say; \`classify\` and \`draft\` start nothing.
`;

const HELP: Record<string, string> = {
  start: `usage: onward start [--quiet]

Runs the whole of onward on this machine, on embedded emulators: an SMTP inbox to forward
rejections to, the review site, and your local mailbox page (every email onward sends).
Settings come from ONWARD_* variables (README, "Configuration"); each problem is reported and
the exit code is 2. One stack per data folder (ONWARD_DATA_DIR, default .onward): a second start
there says which process has it and exits 2. Ctrl-C (SIGINT) or SIGTERM stops everything.

  --quiet   log lines go to <data folder>/onward.log instead of below the banner
`,
  ingest: `usage: onward ingest FILE.eml…

Sends each email into the running stack of this folder as its owner forwarding it (attached, so
the original Message-ID survives), to the stack's own inbound address and SMTP port, from its
owner's address — as its start banner printed. Exits 1 when the stack is not running or any
file could not be sent; every other file is still sent.
`,
  classify: `usage: onward classify [--json] FILE…

Shows what onward makes of each email without starting anything: rejection or not, how sure,
company, role, contact. --json prints one JSON line per file, with the confidence as a number and
the evidence. A file that is not an email is named, the rest are still read, and the exit code is 1.
`,
  draft: `usage: onward draft FILE.eml

Prints the thank-you letter onward would draft for the email, without starting anything. Signed
with ONWARD_OWNER_NAME (default Sam Rivera).
`,
  housekeeping: `usage: onward housekeeping

Runs the housekeeping the running stack does at start and every hour, now, on its data: drafts
waiting past the link lifetime expire, due follow-ups are drafted and their draft emails sent to
you, and letters whose sending was cut off are parked. With the running stack's settings; your
shell's ${settings.followUpDays.env} and ${settings.linkTtlDays.env} count instead of the stack's when set
(${settings.followUpDays.env}=0: a follow-up for every letter that left). Exits 1 when no stack runs on
this data folder (ONWARD_DATA_DIR, default .onward).
`,
  labels: `usage: onward labels

Prints your corrections — "Not a rejection" and "Draft anyway" — as labelled corpus records, one
JSON line each, oldest first, from the local data folder (ONWARD_DATA_DIR, default .onward). Each
email's whole text comes from its raw mail while that is kept; else its opening.
`,
  export: `usage: onward export --csv

Prints every case in the local data folder (ONWARD_DATA_DIR, default .onward) as CSV, newest
first: a header row, then one case a line — when the rejection was written and when you forwarded
it (ISO 8601), company, role, contact, stage reached, what became of the letter, and whether the
case is noise (a duplicate, a stranger, onward's own mail). Cells a spreadsheet would run as a
formula start with an apostrophe. The same file as "Download all cases" on your cases page.
`,
  doctor: `usage: onward doctor [--stack NAME] [--region REGION] [--no-send]

Checks a deployed stack from outside, end to end: the MX record and SES identities in DNS, the
active receipt rule set, whether the account is still in the SES sandbox, the alarm topic's
subscription, and — unless --no-send — a test message through SES into onward and back. AWS
credentials and region as the AWS CLI finds them. Exits 1 when any check fails.
`,
};

function configOrExit(): LocalConfig {
  const result = loadLocalConfig(process.env);
  if (!result.ok) {
    console.error(`onward is not configured correctly:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(2);
  }
  return result.config;
}

/**
 * The addresses production never thanks: the owner's, those allowed to forward, and onward's own.
 * Read leniently, as `draft` is: a bad port setting is no reason to read mail differently.
 */
function ownAddresses(): string[] {
  const setting = (s: { env: string; local: string }) => process.env[s.env]?.trim() || s.local;
  return [
    ...allowedSenders(setting(settings.ownerEmail), process.env[settings.allowedSenders.env]),
    setting(settings.senderAddress),
    setting(settings.inboundAddress),
  ];
}

class NotAnEmail extends Error {}

/** The email in a file, or NotAnEmail: onward reads saved messages (.eml), whose header block names a sender or a subject. */
async function readEmail(file: string): Promise<{ raw: Buffer; parsed: ParsedMail }> {
  const raw = await readFile(file);
  // A header field on the first line (after a mbox "From " line, if any), as every saved message has.
  const firstLine = /^(?:From [^\n]*\n)?([^\r\n]*)/.exec(raw.subarray(0, 1000).toString('latin1'))?.[1] ?? '';
  const parsed = /^[!-9;-~]+:/.test(firstLine) ? await parseMime(raw) : null;
  const named = parsed?.headers.some((h) => ['from', 'subject', 'date', 'message-id'].includes(h.name));
  if (!parsed || !named)
    throw new NotAnEmail(
      'not an email: no From, Subject or Date header at its start (save the message from your mail client as .eml, or use "Paste a rejection" on your cases page)',
    );
  return { raw, parsed };
}

async function analyse(file: string) {
  return readRejection((await readEmail(file)).parsed, ownAddresses());
}

/** Where the log lines go: held until the banner is out, then below it (or to a file with --quiet). */
function logRouting() {
  const held: { line: string; error: boolean }[] = [];
  let sink: ((line: string, error: boolean) => void) | null = null;
  const route =
    (error: boolean) =>
    (...args: unknown[]) => {
      const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (sink) sink(line, error);
      else held.push({ line, error });
    };
  console.log = route(false);
  console.info = route(false);
  console.error = route(true);
  console.warn = route(true);
  return {
    /** From now on, each line goes to `to`; the lines held so far go first. */
    flushTo(to: (line: string, error: boolean) => void) {
      sink = to;
      for (const h of held.splice(0)) to(h.line, h.error);
    },
  };
}

/** A word a POSIX shell reads back as itself. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`${text}\n`);

async function start(args: string[]) {
  const unknown = args.filter((a) => a !== '--quiet');
  if (unknown.length) throw new Usage(`onward start: unknown option ${unknown[0]}`, 'start');
  const quiet = args.includes('--quiet');
  const config = configOrExit();
  const dataDir = path.resolve(config.dataDir);
  const { startLocalStack } = await import('../lambdas/local/stack.ts');
  const { claimFor, describeRunning } = await import('../lambdas/local/running.ts');
  await mkdir(dataDir, { recursive: true });
  const claim = await claimFor(config);
  if (!claim.ok) {
    complain(`onward is already running (${describeRunning(claim.holder)}) with data in ${dataDir}.`);
    complain(
      `Its mailbox: ${claim.holder.urls.mailbox} — stop it first (Ctrl-C where it runs), or set ONWARD_DATA_DIR to another folder.`,
    );
    process.exit(2);
  }
  const logs = logRouting();
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  try {
    stack = await startLocalStack(config);
  } catch (error) {
    await claim.release();
    logs.flushTo((line, isError) => (isError ? complain : say)(line));
    if (error instanceof PortInUse) {
      complain(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Stopping is wired before the banner says onward is running: a Ctrl-C or SIGTERM the moment it
  // appears stops it as cleanly as any later one (npm then exits 0, not by the signal).
  let stopping = false;
  const shutdown = async () => {
    // A second Ctrl-C while stopping: stop now.
    if (stopping) process.exit(130);
    stopping = true;
    say('\nonward: stopping…');
    // Whatever hangs, the ports are let go: the process ends within the grace period.
    const grace = setTimeout(() => {
      complain('onward: stopping took too long; exiting.');
      process.exit(1);
    }, 15_000);
    grace.unref();
    await stack.stop();
    await claim.release();
    say('onward: stopped. Start again with `npm start`.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  const ownerSet = Boolean(process.env[settings.ownerEmail.env]?.trim());
  // `ingest` finds this stack by its data folder: another folder than the default is named in the command.
  const folder =
    dataDir === path.resolve(settings.dataDir.default) ? '' : `${settings.dataDir.env}=${shellWord(config.dataDir)} `;
  const from = allowedSenders(config.ownerEmail, config.allowedSenders).join(', ');
  const logFile = path.join(dataDir, 'onward.log');
  say(`
onward is running — data in ${dataDir}

  Your mailbox            ${stack.urls.mailbox}
                          (every email onward sends you, and the letters that left)
  Your cases              ${stack.urls.cases}
                          (everything you forwarded; "Paste a rejection" is there too)
  Forward rejections to   ${config.inboundAddress}  at ${stack.urls.smtp}
                          from ${from}${ownerSet ? '' : ` (set ${settings.ownerEmail.env} to yours)`}

  Try it:   ${folder}npx onward ingest examples/rejection-after-interview.eml
  or, as your mail provider would auto-forward it:
            swaks --server localhost:${config.smtpPort} --from ${config.ownerEmail} --to ${config.inboundAddress} \\
                  --add-header "X-Forwarded-For: ${config.ownerEmail} ${config.inboundAddress}" --data examples/rejection-after-interview.eml
${quiet ? `\n  Log lines go to ${logFile}.\n` : ''}
  Ctrl-C stops everything; your cases stay in ${config.dataDir}/.
`);
  logs.flushTo(
    quiet ? (line) => appendFileSync(logFile, `${line}\n`) : (line, isError) => (isError ? complain : say)(line),
  );
}

async function ingest(files: string[]) {
  const options = files.filter((f) => f.startsWith('-'));
  if (options.length) throw new Usage(`onward ingest: unknown option ${options[0]}`, 'ingest');
  if (!files.length) throw new Usage('onward ingest: name at least one .eml file', 'ingest');
  const { findRunning } = await import('../lambdas/local/running.ts');
  // The stack running on this data folder decides where mail goes and from whom: its banner's
  // command works as printed, whatever ports or owner this shell's variables name.
  const dataDir = process.env[settings.dataDir.env]?.trim() || settings.dataDir.default;
  const found = await findRunning(dataDir);
  if (!found.ok) {
    complain(found.why);
    process.exit(1);
  }
  const running = found.stack;
  const owner = running.ownerEmail;
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: running.ports.smtp,
    secure: false,
    ignoreTLS: true,
  });
  const said = (error: unknown): string => {
    const e = error as { code?: string; response?: string; message: string };
    // nodemailer reports a refused connection as ESOCKET (or ECONNECTION), the cause in the message.
    return e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message)
      ? `nothing answers on port ${running.ports.smtp} — is \`npm start\` running?`
      : (e.response ?? e.message);
  };
  const failed = await eachFile(
    files,
    async (file) => {
      const { raw, parsed } = await readEmail(file);
      const fromOwner = parsed.from.some((f) => f.address === owner);
      // A recruiter's email is forwarded as an attachment, as a mail client's "Forward as
      // attachment" does: the original Message-ID survives, so the letter can be threaded.
      const info = fromOwner
        ? await transport.sendMail({ envelope: { from: owner, to: running.inboundAddress }, raw })
        : await transport.sendMail({
            from: owner,
            to: running.inboundAddress,
            subject: `Fwd: ${parsed.subject}`,
            text: 'Forwarded to onward.',
            attachments: [{ filename: path.basename(file), content: raw, contentType: 'message/rfc822' }],
          });
      say(`${file}: accepted (${info.response}) — the draft shows in your mailbox: ${running.urls.mailbox}`);
    },
    said,
  );
  transport.close();
  if (failed) process.exit(1);
}

/** Each file on its own: one that fails is reported, and the rest are still read. Returns how many failed. */
async function eachFile(
  files: string[],
  read: (file: string) => Promise<void>,
  said = (error: unknown) => (error instanceof Error ? error.message : String(error)),
): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      await read(file);
    } catch (error) {
      failed += 1;
      console.error(`${file}: ${said(error)}`);
    }
  }
  return failed;
}

async function classifyFiles(args: string[]) {
  const json = args.includes('--json');
  const options = args.filter((a) => a.startsWith('-') && a !== '--json');
  if (options.length) throw new Usage(`onward classify: unknown option ${options[0]}`, 'classify');
  const files = args.filter((a) => a !== '--json');
  if (!files.length) throw new Usage('onward classify: name at least one file', 'classify');
  const failed = await eachFile(files, async (file) => {
    const { classification: c, extraction: x } = await analyse(file);
    if (json) {
      console.log(
        JSON.stringify({
          file,
          rejection: c.verdict === 'rejection',
          verdict: c.verdict,
          confidence: c.confidence,
          kind: c.kind,
          company: x.company,
          role: x.role,
          contactName: x.contactName,
          contactEmail: x.contactEmail,
          agency: x.agency,
          stage: x.stage,
          interviewed: x.interviewed,
          reasons: c.reasons,
        }),
      );
    } else {
      const who = [x.company, x.role, x.contactName].map((v) => v ?? '?').join(' / ');
      console.log(`${file}: ${c.verdict} (${c.confidence.toFixed(2)}, ${c.kind}) — ${who}`);
    }
  });
  if (failed) process.exit(1);
}

async function draft(files: string[]) {
  if (files.length !== 1 || files[0]!.startsWith('-')) throw new Usage('onward draft: name one file', 'draft');
  // Only the owner's name matters here: a bad port setting is no reason to refuse.
  const ownerName = process.env[settings.ownerName.env]?.trim() || settings.ownerName.local;
  const { original, classification, extraction } = await analyse(files[0]!);
  if (classification.verdict !== 'rejection') {
    console.error(
      `Note: onward reads this as ${classification.verdict.replace('_', ' ')} (${classification.kind}) and drafts a letter for it only when you ask ("Draft a thank-you anyway").`,
    );
  } else {
    const noLetter = noLetterReason(extraction);
    if (noLetter)
      console.error(`Note: onward records this and suggests no letter (${noLetter}); "Write one anyway" drafts this.`);
  }
  // The phrasings follow the email's Message-ID (else its file), as a case's follow its id.
  const seed = original.messageId ?? files[0]!;
  const voice = voiceOf(process.env, ownerName);
  const letter = draftLetter({ ownerName, voice, seed, original, extraction, kind: classification.kind });
  console.log(`To: ${letter.to ?? '(choose on the review page)'}\nSubject: ${letter.subject}\n\n${letter.body}`);
}

/**
 * The owner's corrections in the local data folder, as corpus records (core/labels), oldest
 * first. Each email's whole text comes from its raw mail while that is kept; else its opening.
 */
async function labels(args: string[]) {
  if (args.length) throw new Usage();
  await withLocalData(async (data) => {
    const labelled = (await data.cases.list({ limit: 1_000_000 })).filter((c) => c.ownerLabel).reverse();
    for (const record of labelled) {
      const body = await data.rawMail
        .read(`${settings.inboundPrefix.default}${record.id}`, settings.maxMessageBytes.default)
        .then(async (raw) => {
          if (raw.tooLarge) return undefined;
          // A pasted rejection is kept as it was pasted, headers or none (core/mail pastedMail).
          const mail = record.id.startsWith('paste-')
            ? await pastedMail(parseMime, new TextDecoder().decode(raw.bytes), '')
            : await parseMime(raw.bytes);
          return readRejection(mail, ownAddresses()).original.text;
        })
        .catch(() => undefined);
      const line = corpusRecord(record, body);
      if (line) console.log(JSON.stringify(line));
    }
  });
}

/** Every case in the local data folder as CSV, newest first, as the cases page's download. */
async function exportCases(args: string[]) {
  if (args.length !== 1 || args[0] !== '--csv') throw new Usage('onward export: say the format, --csv');
  // Follow-ups fall due by the stack's setting: the running stack's record, else this shell's, else the default.
  const dataDir = process.env[settings.dataDir.env]?.trim() || settings.dataDir.default;
  const { runningHandlerEnvironment } = await import('../lambdas/local/data.ts');
  const recorded = (await runningHandlerEnvironment(dataDir, settings.signingKey.env))?.[settings.followUpDays.env];
  const days = Number(recorded ?? process.env[settings.followUpDays.env]?.trim() ?? settings.followUpDays.default);
  await withLocalData(async (data) => {
    const cases = await data.cases.list({ limit: 1_000_000 });
    process.stdout.write(casesCsv(cases, Number.isInteger(days) ? days : settings.followUpDays.default));
  });
}

/**
 * Runs `use` over the local data folder's cases and raw mail: through the stack running on it,
 * or the folder opened for the while. A folder where nothing was recorded says so.
 */
async function withLocalData(use: (data: LocalData) => Promise<void>) {
  const dataDir = process.env[settings.dataDir.env]?.trim() || settings.dataDir.default;
  const { openLocalData } = await import('../lambdas/local/data.ts');
  // A dynalite that finds the folder locked (by a stack that did not say where it listens) fails
  // inside its request handler: said in one line, not as a stack trace.
  process.once('uncaughtException', (error) => {
    console.error(
      /database is (?:closed|not open)|lock/i.test(error.message)
        ? `onward: ${dataDir} is in use by another process that did not say where it listens (an onward started before this one?). Stop it, or start it again, and try again.`
        : `onward: ${error.message}`,
    );
    process.exit(1);
  });
  const data = await openLocalData(dataDir);
  if (!data) {
    console.error(`onward: nothing recorded in ${dataDir} yet.`);
    return;
  }
  try {
    await use(data);
  } finally {
    await data.stop();
  }
}

/** The running stack's hourly housekeeping, now: the same handler, with the stack's own settings. */
async function housekeeping(args: string[]) {
  if (args.length) throw new Usage();
  const dataDir = process.env[settings.dataDir.env]?.trim() || settings.dataDir.default;
  const { findRunning } = await import('../lambdas/local/running.ts');
  const found = await findRunning(dataDir);
  if (!found.ok) {
    complain(found.why);
    process.exit(1);
  }
  const { runningHandlerEnvironment } = await import('../lambdas/local/data.ts');
  const env = await runningHandlerEnvironment(dataDir, settings.signingKey.env);
  if (!env) {
    complain(`onward: the stack running on ${dataDir} did not record its settings; restart it with \`npm start\`.`);
    process.exit(1);
  }
  // To try follow-ups without waiting weeks: the shell's word on the waits wins.
  for (const name of [settings.followUpDays.env, settings.linkTtlDays.env]) {
    const value = process.env[name]?.trim();
    if (value) env[name] = value;
  }
  Object.assign(process.env, env);
  const { handler } = await import('../lambdas/handlers/expire-drafts.ts');
  const done = await handler({});
  say(
    `Housekeeping done: ${done.followUps} follow-up${done.followUps === 1 ? '' : 's'} drafted, ${done.expired} draft${done.expired === 1 ? '' : 's'} expired, ${done.parked} unfinished send${done.parked === 1 ? '' : 's'} parked.`,
  );
  if (done.followUps) say(`Their drafts are in your mailbox: ${found.stack.urls.mailbox}`);
}

/** Credentials and region from the environment, else from the AWS CLI's own configuration (SSO, profiles). */
async function awsEnvironment(region: string | undefined): Promise<Record<string, string | undefined>> {
  const { execFileSync } = await import('node:child_process');
  const cli = (...args: string[]) =>
    execFileSync('aws', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const env: Record<string, string | undefined> = { ...process.env };
  if (!env.AWS_ACCESS_KEY_ID) {
    try {
      const c = JSON.parse(cli('configure', 'export-credentials', '--format', 'process')) as Record<string, string>;
      Object.assign(env, {
        AWS_ACCESS_KEY_ID: c.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: c.SecretAccessKey,
        AWS_SESSION_TOKEN: c.SessionToken,
      });
    } catch {
      throw new Error('no AWS credentials: sign in with the AWS CLI v2 (aws sts get-caller-identity must work)');
    }
  }
  env.AWS_REGION = region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!env.AWS_REGION) {
    try {
      env.AWS_REGION = cli('configure', 'get', 'region') || undefined;
    } catch {
      // Asked for below.
    }
  }
  if (!env.AWS_REGION) throw new Error('no region: pass --region (the one you deployed to)');
  return env;
}

async function doctorCommand(args: string[]) {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const env = await awsEnvironment(option('--region'));
  const [{ doctor, report }, { awsHttp }, dns] = await Promise.all([
    import('./doctor.ts'),
    import('../lambdas/adapters/aws-http.ts'),
    import('node:dns/promises'),
  ]);
  const findings = await doctor(
    {
      stackName: option('--stack') ?? settings.stackName.default,
      region: env.AWS_REGION!,
      aws: {
        cloudformation: awsHttp('cloudformation', env),
        ses: awsHttp('ses', env),
        sesv2: awsHttp('sesv2', env),
        sns: awsHttp('sns', env),
        dynamodb: awsHttp('dynamodb', env),
      },
      resolver: dns,
      waitMs: 120_000,
      pollMs: 3000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
    },
    { send: !args.includes('--no-send') },
  );
  process.stdout.write(report(findings));
  if (findings.some((f) => !f.ok)) process.exit(1);
}

/** A command line onward cannot run: the message, then that command's usage (or the general one). */
class Usage extends Error {
  constructor(
    message = '',
    readonly command?: string,
  ) {
    super(message);
  }
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  start,
  ingest,
  classify: classifyFiles,
  draft,
  doctor: doctorCommand,
  housekeeping,
  labels,
  export: exportCases,
};
const helpFor = (name: string | undefined) => (name && HELP[name]) || USAGE;
const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

if (!command || command === 'help' || command === '--help' || command === '-h') {
  const topic = command === 'help' ? rest[0] : undefined;
  if (topic && !commands[topic]) {
    complain(`onward: no command "${topic}"\n`);
    process.stderr.write(USAGE);
    process.exit(2);
  }
  (command ? process.stdout : process.stderr).write(helpFor(topic));
  process.exit(command ? 0 : 2);
}
const run = commands[command];
if (!run) {
  complain(`onward: unknown command "${command}"\n`);
  process.stderr.write(USAGE);
  process.exit(2);
}
if (wantsHelp(rest)) {
  process.stdout.write(helpFor(command));
  process.exit(0);
}
run(rest).catch((error: unknown) => {
  if (error instanceof Usage) {
    if (error.message) complain(`${error.message}\n`);
    process.stderr.write(helpFor(error.command ?? command));
    process.exit(2);
  }
  console.error(`onward: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
