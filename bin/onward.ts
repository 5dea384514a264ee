// onward's command line: start the local stack, send mail into it, look at what onward makes of
// an email without starting anything, or print the owner's corrections as labelled data.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { parseMime } from '../lambdas/adapters/mime.ts';
import { corpusRecord } from '../lambdas/core/labels/index.ts';
import { draftLetter } from '../lambdas/core/letter/index.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';
import { addressList, allowedSenders } from '../lambdas/handlers/config.ts';
import { loadLocalConfig, type LocalConfig } from '../lambdas/local/config.ts';
import * as settings from '../lambdas/settings/settings.ts';
import { PortInUse } from '../lambdas/local/emulators.ts';

const USAGE = `usage: onward <command>

  start                    run onward on this machine (SMTP inbox, review site, outbox viewer)
  ingest FILE.eml…         send emails into the running local stack, as the owner forwarding them
  classify [--json] FILE…  show what onward makes of each email: rejection?, company, role, contact
  draft FILE.eml           print the thank-you letter onward would draft for an email
  labels                   print your corrections ("Not a rejection", "Draft anyway") as labelled
                           corpus records, one JSON line each, from the local data folder
`;

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

async function analyse(file: string) {
  return readRejection(await parseMime(await readFile(file)), ownAddresses());
}

async function start() {
  const config = configOrExit();
  const { startLocalStack } = await import('../lambdas/local/stack.ts');
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  try {
    stack = await startLocalStack(config);
  } catch (error) {
    if (error instanceof PortInUse) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  console.log(`
onward is running — data in ${path.resolve(config.dataDir)}

  Forward rejections to   ${config.inboundAddress}  at ${stack.urls.smtp}
                          from ${allowedSenders(config.ownerEmail, config.allowedSenders).join(', ')} (set ${settings.ownerEmail.env} to yours)
  Outbox viewer           ${stack.urls.outbox}   (drafts for you and letters that left)
  Review site             ${stack.urls.review}
  Your cases              ${stack.urls.cases}

  Try it:   npx onward ingest examples/rejection-after-interview.eml
  or, as your mail provider would auto-forward it:
            swaks --server localhost:${config.smtpPort} --from ${config.ownerEmail} --to ${config.inboundAddress} \\
                  --add-header "X-Forwarded-For: ${config.ownerEmail} ${config.inboundAddress}" --data examples/rejection-after-interview.eml

  Ctrl-C stops everything; your cases stay in ${config.dataDir}/.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nonward: stopping…');
    await stack.stop();
    console.log('onward: stopped. Start again with `npm start`.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function ingest(files: string[]) {
  const config = configOrExit();
  const owner = addressList(config.allowedSenders)[0] ?? config.ownerEmail;
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: config.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const said = (error: unknown): string => {
    const e = error as { code?: string; response?: string; message: string };
    return e.code === 'ECONNREFUSED'
      ? `nothing listens on port ${config.smtpPort} — is \`npm start\` running?`
      : (e.response ?? e.message);
  };
  const failed = await eachFile(
    files,
    async (file) => {
      const raw = await readFile(file);
      const parsed = await parseMime(raw);
      const fromOwner = parsed.from.some((f) => f.address === owner);
      // A recruiter's email is forwarded as an attachment, as a mail client's "Forward as
      // attachment" does: the original Message-ID survives, so the letter can be threaded.
      const info = fromOwner
        ? await transport.sendMail({ envelope: { from: owner, to: config.inboundAddress }, raw })
        : await transport.sendMail({
            from: owner,
            to: config.inboundAddress,
            subject: `Fwd: ${parsed.subject}`,
            text: 'Forwarded to onward.',
            attachments: [{ filename: path.basename(file), content: raw, contentType: 'message/rfc822' }],
          });
      console.log(`${file}: accepted (${info.response})`);
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
  const files = args.filter((a) => a !== '--json');
  if (!files.length) throw new Usage();
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
  if (files.length !== 1) throw new Usage();
  // Only the owner's name matters here: a bad port setting is no reason to refuse.
  const ownerName = process.env[settings.ownerName.env]?.trim() || settings.ownerName.local;
  const { original, classification, extraction } = await analyse(files[0]!);
  if (classification.verdict !== 'rejection') {
    console.error(
      `Note: onward reads this as ${classification.verdict.replace('_', ' ')} (${classification.kind}) and drafts a letter for it only when you ask ("Draft a thank-you anyway").`,
    );
  }
  const letter = draftLetter({ ownerName, original, extraction, kind: classification.kind });
  console.log(`To: ${letter.to ?? '(choose on the review page)'}\nSubject: ${letter.subject}\n\n${letter.body}`);
}

/**
 * The owner's corrections in the local data folder, as corpus records (core/labels), oldest
 * first. Each email's whole text comes from its raw mail while that is kept; else its opening.
 */
async function labels(args: string[]) {
  if (args.length) throw new Usage();
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
    const labelled = (await data.cases.list({ limit: 1_000_000 })).filter((c) => c.ownerLabel).reverse();
    for (const record of labelled) {
      const body = await data.rawMail
        .read(`${settings.inboundPrefix.default}${record.id}`, settings.maxMessageBytes.default)
        .then(async (raw) =>
          raw.tooLarge ? undefined : readRejection(await parseMime(raw.bytes), ownAddresses()).original.text,
        )
        .catch(() => undefined);
      const line = corpusRecord(record, body);
      if (line) console.log(JSON.stringify(line));
    }
  } finally {
    await data.stop();
  }
}

class Usage extends Error {}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  start,
  ingest,
  classify: classifyFiles,
  draft,
  labels,
};
const run = command ? commands[command] : undefined;
if (!run || (command !== 'start' && command !== 'labels' && rest.length === 0)) {
  process.stdout.write(USAGE);
  process.exit(command === 'help' || command === '--help' ? 0 : 2);
}
run(rest).catch((error: unknown) => {
  if (error instanceof Usage) {
    process.stdout.write(USAGE);
    process.exit(2);
  }
  console.error(`onward: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
