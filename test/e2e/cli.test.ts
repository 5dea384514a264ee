// The README's look-without-starting commands, run as a user runs them: one unreadable file must
// not stop the rest, and a bad port setting must not stop `draft`, which needs no port.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const onward = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/onward.mjs', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('npx onward classify and draft', () => {
  it('classify reads every file it can, says which it could not, and exits 1', () => {
    const run = onward(['classify', '--json', 'missing.eml', 'examples/interview-invitation.eml']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^missing\.eml: ENOENT/m);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; verdict: string });
    expect(lines).toEqual([
      expect.objectContaining({ file: 'examples/interview-invitation.eml', verdict: 'not_rejection' }),
    ]);
  });

  it('draft needs no valid ports, and says when the email is not a rejection', () => {
    const run = onward(['draft', 'examples/interview-invitation.eml'], {
      ONWARD_SMTP_PORT: 'abc',
      ONWARD_OWNER_NAME: 'Ana Ruiz',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Note: onward reads this as not rejection (interview-invite)');
    expect(run.stdout).toMatch(/^To: /);
    expect(run.stdout.trim().endsWith('Ana Ruiz')).toBe(true);
  });
});
