// The CLI and the running stack, as a first-time user meets them (found by trying the README on
// a fresh clone with non-default ports): the banner's own ingest command must work as printed,
// a second start in the same folder must say who has it, and Ctrl-C or SIGTERM — to npm or to
// node — must stop everything and let the ports go.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli.ts';
import { freePort } from '../support/net.ts';
import { outbox, waitForMail } from '../support/outbox.ts';

/** The environment of a shell that has none of onward's variables: as a second terminal has. */
const bareEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ONWARD_')));

const run = (command: string, env: Record<string, string | undefined> = bareEnv()) =>
  spawnSync('sh', ['-c', command], { env, encoding: 'utf8', timeout: 60_000 });

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onward-cli-'));
  dirs.push(dir);
  return dir;
}

async function ports() {
  return { smtp: await freePort(), http: await freePort(), ses: await freePort() };
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('npm start on other ports, for another owner', () => {
  let env: Record<string, string>;
  let p: Awaited<ReturnType<typeof ports>>;
  let dataDir: string;

  beforeAll(async () => {
    p = await ports();
    dataDir = await tempDir();
    env = {
      ONWARD_DATA_DIR: dataDir,
      ONWARD_SMTP_PORT: String(p.smtp),
      ONWARD_HTTP_PORT: String(p.http),
      ONWARD_SES_PORT: String(p.ses),
      ONWARD_OWNER_EMAIL: 'ana@example.org',
    };
  });

  it('prints a banner whose ingest command works as printed, refuses a second start, and stops on Ctrl-C to npm', async () => {
    const cli = await startCli(env, 60_000, { via: 'npm' });
    let code: number | null = null;
    try {
      const banner = cli.output();
      // The mailbox first; no advice to set a variable that is set; no log line inside the banner.
      expect(banner.indexOf('Your mailbox')).toBeLessThan(banner.indexOf('Your cases'));
      expect(banner).toContain(`Your mailbox            http://localhost:${p.http}/mailbox`);
      expect(banner).not.toContain('set ONWARD_OWNER_EMAIL');
      expect(banner).toContain('from ana@example.org');
      const beforeEnd = banner.slice(0, banner.indexOf('Ctrl-C stops everything'));
      expect(beforeEnd).not.toMatch(/^\{"level"/m);

      // The command exactly as printed, from a shell with none of the variables npm start had.
      const command = /Try it:\s+(.+)$/m.exec(banner)![1]!;
      expect(command).toMatch(/npx onward ingest examples\/rejection-after-interview\.eml$/);
      const ingest = run(command);
      expect(ingest.stderr).toBe('');
      expect(ingest.status).toBe(0);
      expect(ingest.stdout).toContain(`accepted`);
      expect(ingest.stdout).toContain(`http://localhost:${p.http}/mailbox`);
      // It reached the owner this stack has — not me@example.com, and not ignored as a stranger.
      const draft = await waitForMail(path.join(dataDir, 'outbox'), (m) =>
        m.mail.subject.startsWith('Draft thank-you'),
      );
      expect(draft.mail.to[0]!.address).toBe('ana@example.org');

      // A second start on this data folder, even on other ports, says who has it and exits 2.
      const second = spawnSync(process.execPath, ['bin/onward.mjs', 'start'], {
        env: { ...process.env, ...env, ONWARD_SES_PORT: String(await freePort()) },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(2);
      const running = JSON.parse(await readFile(path.join(dataDir, 'running.json'), 'utf8')) as { pid: number };
      expect(second.stderr).toContain(
        `onward is already running (pid ${running.pid}, ports SMTP ${p.smtp}, review site ${p.http}, SES ${p.ses})`,
      );
      expect(second.stderr).not.toMatch(/Database is closed|at .+\.ts:\d+/);
      expect(await answers(p.http)).toBe(true);
    } finally {
      code = await cli.interrupt();
    }
    // Ctrl-C to npm reaches node: everything stopped, every port free, the record gone.
    expect(code).toBe(0);
    expect(cli.output()).toContain('onward: stopped');
    for (const port of [p.smtp, p.http, p.ses]) expect(await answers(port)).toBe(false);
    expect(existsSync(path.join(dataDir, 'running.json'))).toBe(false);
  }, 120_000);

  it('stops on SIGTERM to npm too, letting the ports go', async () => {
    // Ports of its own: another test file may have been handed the last test's in between.
    const q = await ports();
    const own = {
      ...env,
      ONWARD_SMTP_PORT: String(q.smtp),
      ONWARD_HTTP_PORT: String(q.http),
      ONWARD_SES_PORT: String(q.ses),
    };
    const cli = await startCli(own, 60_000, { via: 'npm' });
    expect(await cli.stop('SIGTERM')).toBe(0);
    for (const port of [q.smtp, q.http, q.ses]) expect(await answers(port)).toBe(false);
  }, 90_000);
});

describe('onward start --quiet, after a crash', () => {
  it('takes over a lock whose process is gone, logs to a file, and stops on SIGTERM to node', async () => {
    const dataDir = await tempDir();
    const p = await ports();
    // A record left by a process that no longer runs (a crash, a SIGKILL).
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.once('exit', r));
    await writeFile(
      path.join(dataDir, 'running.json'),
      JSON.stringify({ pid: gone.pid, ports: { smtp: 1, http: 2, ses: 3 }, urls: { mailbox: 'x' } }),
    );
    const env = {
      ONWARD_DATA_DIR: dataDir,
      ONWARD_SMTP_PORT: String(p.smtp),
      ONWARD_HTTP_PORT: String(p.http),
      ONWARD_SES_PORT: String(p.ses),
    };
    const cli = await startCli(env, 60_000, { args: ['--quiet'] });
    const logFile = path.join(dataDir, 'onward.log');
    expect(cli.output()).toContain(`Log lines go to ${logFile}.`);
    const ingest = run(`ONWARD_DATA_DIR=${dataDir} node bin/onward.mjs ingest examples/interview-invitation.eml`);
    expect(ingest.status).toBe(0);
    await waitForMail(path.join(dataDir, 'outbox'), (m) => m.mail.subject.startsWith('No letter drafted'));
    expect(await cli.stop('SIGTERM')).toBe(0);
    const afterBanner = cli.output().slice(cli.output().indexOf('Ctrl-C stops everything'));
    expect(afterBanner).not.toContain('{"level"');
    expect(await readFile(logFile, 'utf8')).toMatch(/"event":"mail.noticed"/);
    for (const port of [p.smtp, p.http, p.ses]) expect(await answers(port)).toBe(false);
    expect((await outbox(path.join(dataDir, 'outbox'))).length).toBe(1);
  }, 90_000);
});

describe('npx onward ingest without a stack', () => {
  it('says in one line that onward is not running, and exits 1', async () => {
    const dataDir = await tempDir();
    const none = run(`ONWARD_DATA_DIR=${dataDir} node bin/onward.mjs ingest examples/interview-invitation.eml`);
    expect(none.status).toBe(1);
    expect(none.stderr.trim().split('\n')).toEqual([
      `onward is not running (no stack for ${dataDir}): start it with \`npm start\` in this folder (or set ONWARD_DATA_DIR to its data folder)`,
    ]);
    // A record whose process runs (this test's own) but whose ports answer nothing.
    const silent = await freePort();
    await writeFile(
      path.join(dataDir, 'running.json'),
      JSON.stringify({ pid: process.pid, ports: { smtp: silent, http: silent, ses: silent }, urls: { mailbox: 'x' } }),
    );
    const deaf = run(`ONWARD_DATA_DIR=${dataDir} node bin/onward.mjs ingest examples/interview-invitation.eml`);
    expect(deaf.status).toBe(1);
    expect(deaf.stderr.trim().split('\n')).toHaveLength(1);
    expect(deaf.stderr).toContain(`does not answer on its SMTP port ${silent}`);
  }, 60_000);
});

describe('npx onward housekeeping without a stack', () => {
  it('says in one line that onward is not running, and exits 1', async () => {
    const dataDir = await tempDir();
    const none = run(`ONWARD_DATA_DIR=${dataDir} ONWARD_FOLLOW_UP_DAYS=0 node bin/onward.mjs housekeeping`);
    expect(none.status).toBe(1);
    expect(none.stderr.trim().split('\n')).toEqual([
      `onward is not running (no stack for ${dataDir}): start it with \`npm start\` in this folder (or set ONWARD_DATA_DIR to its data folder)`,
    ]);
  }, 60_000);
});
