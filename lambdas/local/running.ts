// One `npm start` per data folder, and what the other commands need to know about it. The running
// stack writes <data>/running.json — its pid, ports and addresses — and removes it when it stops;
// created exclusively, it is also the lock. A record left by a process that no longer runs (a
// crash, a SIGKILL) is taken over.
import { readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { allowedSenders } from '../handlers/config.ts';
import type { LocalConfig } from './config.ts';

export interface RunningStack {
  pid: number;
  startedAt: string;
  dataDir: string;
  ports: { smtp: number; http: number; ses: number };
  ownerEmail: string;
  allowedSenders: string[];
  inboundAddress: string;
  urls: { review: string; mailbox: string };
  /** Where its emulators listen, added once they do: `onward labels` reads the data through them. */
  endpoints?: { dynamodb: string; s3: string };
  /** The settings its handlers run with (not the signing key): `onward housekeeping` runs one with them. */
  handlers?: Record<string, string>;
}

const FILE = 'running.json';

const runningFile = (dataDir: string): string => path.join(path.resolve(dataDir), FILE);

/** Whether a process with this id runs (one of another user's answers EPERM: it runs too). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The record of this data folder, or null when there is none or it cannot be read. */
export async function readRunning(dataDir: string): Promise<RunningStack | null> {
  try {
    const record = JSON.parse(await readFile(runningFile(dataDir), 'utf8')) as RunningStack;
    return typeof record.pid === 'number' && record.ports ? record : null;
  } catch {
    return null;
  }
}

/** "pid 4242, ports SMTP 2525, review site 3000, SES 8005" */
export const describeRunning = (r: RunningStack): string =>
  `pid ${r.pid}, ports SMTP ${r.ports.smtp}, review site ${r.ports.http}, SES ${r.ports.ses}`;

/**
 * Takes the data folder for this process: `{ ok: false, holder }` when another live process has it.
 * The record written is the one the CLI reads; `release` removes it, only while it is still ours.
 */
export async function claimDataDir(
  record: RunningStack,
): Promise<{ ok: true; release: () => Promise<void> } | { ok: false; holder: RunningStack }> {
  const file = runningFile(record.dataDir);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(file, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
      return {
        ok: true,
        release: async () => {
          if ((await readRunning(record.dataDir))?.pid === record.pid) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readRunning(record.dataDir);
    if (holder && holder.pid !== record.pid && alive(holder.pid)) return { ok: false, holder };
    // Left by a process that is gone (or unreadable): take it over.
    await rm(file, { force: true });
  }
  const holder = await readRunning(record.dataDir);
  if (holder) return { ok: false, holder };
  throw new Error(`could not claim ${file}`);
}

/**
 * Adds what the started stack knows — where its emulators listen, its handlers' settings — to this
 * process's record of the folder. A stack started without a claim holds no record: nothing is written.
 */
export async function addToRecord(dataDir: string, known: Pick<RunningStack, 'endpoints' | 'handlers'>) {
  const record = await readRunning(dataDir);
  if (record?.pid !== process.pid) return;
  await writeFile(runningFile(dataDir), `${JSON.stringify({ ...record, ...known }, null, 2)}\n`);
}

/** Takes the data folder for a stack about to start with `config`, in this process. */
export function claimFor(config: LocalConfig): ReturnType<typeof claimDataDir> {
  const review = `http://localhost:${config.httpPort}/`;
  return claimDataDir({
    pid: process.pid,
    startedAt: new Date().toISOString(),
    dataDir: path.resolve(config.dataDir),
    ports: { smtp: config.smtpPort, http: config.httpPort, ses: config.sesPort },
    ownerEmail: config.ownerEmail,
    allowedSenders: allowedSenders(config.ownerEmail, config.allowedSenders),
    inboundAddress: config.inboundAddress,
    urls: { review, mailbox: `${review}mailbox` },
  });
}

/** Whether something accepts connections on this local port. */
function answers(port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The running stack of this data folder, checked: its process runs and its ports answer. Else one
 * line saying why, for the CLI to print.
 */
export async function findRunning(
  dataDir: string,
): Promise<{ ok: true; stack: RunningStack } | { ok: false; why: string }> {
  const where = path.resolve(dataDir);
  const record = await readRunning(dataDir);
  const start = 'start it with `npm start` in this folder (or set ONWARD_DATA_DIR to its data folder)';
  if (!record || !alive(record.pid))
    return { ok: false, why: `onward is not running (no stack for ${where}): ${start}` };
  const ports: [string, number][] = [
    ['SMTP', record.ports.smtp],
    ['review site', record.ports.http],
  ];
  for (const [name, port] of ports) {
    if (!(await answers(port)))
      return {
        ok: false,
        why: `onward (pid ${record.pid}) does not answer on its ${name} port ${port}: stop it and ${start}`,
      };
  }
  return { ok: true, stack: record };
}
