// The README's look-without-starting commands, run as a user runs them: one unreadable file must
// not stop the rest, and a bad port setting must not stop `draft`, which needs no port.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('draft says when onward would record an email and suggest no letter', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onward-cli-'));
    try {
      const form = path.join(dir, 'form.eml');
      writeFileSync(
        form,
        'From: Careers <no-reply@jobs.fernwick.example>\r\nTo: me@example.com\r\nSubject: Your application for Payroll Clerk\r\n\r\nDear Sam,\r\n\r\nThank you for applying for the Payroll Clerk position. After reviewing your application, we will not be moving forward.\r\n\r\nFernwick Talent Team\r\n',
      );
      const run = onward(['draft', form]);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('Note: onward records this and suggests no letter (an automatic rejection');
      expect(onward(['draft', 'examples/rejection-after-interview.eml']).stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('the command line itself', () => {
  it('answers --help for every command with that command’s usage, and exits 0', () => {
    const forms = [
      ['start', '--help'],
      ['ingest', '--help'],
      // Not a file called --help: found by a user, as "--help: ENOENT".
      ['classify', '--help'],
      ['draft', '-h'],
      ['help', 'ingest'],
    ];
    for (const args of forms) {
      const run = onward(args);
      const command = args[0] === 'help' ? args[1] : args[0];
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toMatch(new RegExp(`^usage: onward ${command}\\b`));
      expect(run.stderr, args.join(' ')).toBe('');
    }
  }, 120_000);

  it('names the environment in its usage', () => {
    const run = onward(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Environment: `start` reads the ONWARD_* variables');
    expect(run.stdout).toContain('ONWARD_DATA_DIR');
  });

  it('says a command is unknown, shows the usage, and exits 2', () => {
    const run = onward(['clasify', 'examples/interview-invitation.eml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^onward: unknown command "clasify"\n/);
    expect(run.stderr).toContain('usage: onward <command>');
    expect(run.stdout).toBe('');
    const option = onward(['classify', '--jsn', 'examples/interview-invitation.eml']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/^onward classify: unknown option --jsn\n/);
    expect(onward([]).status).toBe(2);
  }, 60_000);

  it('refuses a file that is not an email, by name, with a non-zero exit — and still reads the rest', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onward-cli-'));
    try {
      const notes = path.join(dir, 'notes.txt');
      writeFileSync(notes, 'Unfortunately we will not be moving forward with your application.\n');
      const picture = path.join(dir, 'logo.png');
      writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      const run = onward(['classify', notes, picture, 'examples/interview-invitation.eml']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${notes}: not an email: no From, Subject or Date header at its start`);
      expect(run.stderr).toContain(`${picture}: not an email`);
      expect(run.stdout).not.toContain('unsure');
      expect(run.stdout).toContain('examples/interview-invitation.eml: not_rejection');
      const draft = onward(['draft', notes]);
      expect(draft.status).toBe(1);
      expect(draft.stderr).toContain('not an email');
      expect(draft.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
