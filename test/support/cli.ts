// Runs `onward start` as a user would, in its own process, and waits for its banner.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningCli {
  child: ChildProcess;
  output: () => string;
  /** Sends Ctrl-C and resolves with the exit code. */
  interrupt(): Promise<number | null>;
  /** Sends a signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * `onward start` in a process of its own: `node bin/onward.mjs start` by default, or `npm start`
 * (`via: 'npm'`), as the README says — signals then reach npm first, as they do in a terminal.
 */
export function startCli(
  env: Record<string, string>,
  timeoutMs = 30_000,
  options: { args?: string[]; via?: 'node' | 'npm' } = {},
): Promise<RunningCli> {
  const [file, args] =
    options.via === 'npm'
      ? ['npm', ['start', '--silent', '--', ...(options.args ?? [])]]
      : [process.execPath, ['bin/onward.mjs', 'start', ...(options.args ?? [])]];
  const child = spawn(file, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running: RunningCli = {
    child,
    output: () => out,
    interrupt() {
      child.kill('SIGINT');
      return exited;
    },
    stop(signal) {
      child.kill(signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`onward start printed no banner in time:\n${out}`));
    }, timeoutMs);
    const check = () => {
      if (out.includes('Your cases')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(running);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`onward start exited with ${code}:\n${out}`));
    });
  });
}
