// Lambda's asynchronous invocation, as SES's Lambda action uses it: the caller does not wait, a
// failed attempt is retried twice, and a final failure goes to a dead-letter folder (on AWS, the
// function's on-failure destination) — recorded, never lost. Like Lambda's own queue, an event is
// kept on disk until it has run, so a killed process finishes its work on the next start.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AsyncInvoker {
  invoke(id: string, event: unknown): Promise<void>;
  /** Resolves when every invocation in flight has finished (for tests and shutdown). */
  idle(): Promise<void>;
  /** Runs events a previous process accepted but did not finish. */
  resumePending(): Promise<number>;
  redriveDeadLetters(): Promise<number>;
}

export interface InvokerOptions {
  pendingDir: string;
  deadLetterDir: string;
  retryDelaysMs?: readonly number[] | undefined;
  log: (event: string, fields: Record<string, string | number>) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function jsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json')).map((n) => path.join(dir, n));
}

export function asyncInvoker(handler: (event: unknown) => Promise<unknown>, options: InvokerOptions): AsyncInvoker {
  // Lambda waits about a minute, then two; locally a backlog should clear while you watch.
  const delays = options.retryDelaysMs ?? [1000, 2000];
  const inFlight = new Set<Promise<void>>();

  async function run(id: string, event: unknown, pending: string): Promise<void> {
    for (let attempt = 0; attempt <= delays.length; attempt += 1) {
      try {
        await handler(event);
        await rm(pending, { force: true });
        return;
      } catch (error) {
        options.log('invoke.failed', {
          id,
          attempt: attempt + 1,
          error: error instanceof Error ? error.name : 'unknown',
        });
        if (attempt < delays.length) await sleep(delays[attempt]!);
      }
    }
    await mkdir(options.deadLetterDir, { recursive: true });
    await rename(pending, path.join(options.deadLetterDir, `${id}.json`));
    options.log('invoke.dead-lettered', { id });
  }

  function start(id: string, event: unknown, pending: string) {
    const done = run(id, event, pending).finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  async function invoke(id: string, event: unknown) {
    await mkdir(options.pendingDir, { recursive: true });
    const pending = path.join(options.pendingDir, `${id}.json`);
    // Written whole or not at all, so a crash mid-write never leaves an unreadable event.
    await writeFile(`${pending}.part`, JSON.stringify(event));
    await rename(`${pending}.part`, pending);
    start(id, event, pending);
  }

  async function rerun(files: string[]): Promise<number> {
    await mkdir(options.pendingDir, { recursive: true });
    for (const file of files) {
      const id = path.basename(file, '.json');
      const pending = path.join(options.pendingDir, `${id}.json`);
      const event = JSON.parse(await readFile(file, 'utf8')) as unknown;
      if (file !== pending) await rename(file, pending);
      start(id, event, pending);
    }
    return files.length;
  }

  return {
    invoke,
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    resumePending: async () => rerun(await jsonFiles(options.pendingDir)),
    redriveDeadLetters: async () => rerun(await jsonFiles(options.deadLetterDir)),
  };
}
