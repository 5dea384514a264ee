// The deployment configuration: one schema, every problem at once, a clear message, non-zero exit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeployConfigError, loadDeployConfig } from '../../lib/config.ts';
import { BASE_CONTEXT } from './synth.ts';

const load = (context: Record<string, unknown>, cwd?: string) => loadDeployConfig((k) => context[k], cwd);
const problems = (context: Record<string, unknown>) => {
  try {
    load(context);
  } catch (error) {
    if (error instanceof DeployConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a DeployConfigError');
};

describe('deployment configuration', () => {
  it('takes the four required keys and fills in the defaults', () => {
    expect(load({ ...BASE_CONTEXT, ownerEmail: 'Me@Example.com' })).toEqual({
      ownerEmail: 'me@example.com',
      ownerName: 'Sam Rivera',
      inboundDomain: 'mail.example.com',
      senderAddress: 'letters@mail.example.com',
      inboundLocalPart: 'onward',
      inboundAddress: 'onward@mail.example.com',
      senderDomain: 'mail.example.com',
      stackName: 'Onward',
      activateRuleSet: false,
      rawMailDays: 90,
      logRetentionDays: 30,
      linkTtlDays: 14,
      followUpDays: 56,
      reservedConcurrency: 'none',
      greeting: 'first-name',
      closing: 'Again, thank you!',
      timeZone: 'UTC',
    });
    expect(load({ ...BASE_CONTEXT, timeZone: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
  });

  it('reports every missing required key at once, with the flag that fixes it', () => {
    const found = problems({});
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/ownerEmail is missing.*-c ownerEmail=/);
    for (const key of ['ownerName', 'inboundDomain', 'senderAddress'])
      expect(found.join('\n')).toContain(`${key} is missing`);
  });

  it('reports every invalid value at once', () => {
    const found = problems({
      ownerEmail: 'not-an-address',
      ownerName: ' ',
      inboundDomain: 'mail',
      senderAddress: 'letters@',
      inboundLocalPart: 'me+tag',
      allowedSenders: 'a@example.com, nope',
      rawMailDays: '0',
      logRetentionDays: '31',
      linkTtlDays: 'soon',
      reservedConcurrency: '-1',
      activateRuleSet: 'yes',
      stackName: '1stack',
      region: 'Europe',
      timeZone: 'Europe/Atlantis',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'ownerEmail must be an email address',
        'ownerName must not be empty',
        'inboundDomain must be a domain name such as mail.example.com',
        'senderAddress must be an email address',
        'allowedSenders must be email addresses separated by commas',
        'rawMailDays must be at least 1',
        'activateRuleSet must be true or false',
        'region must be an AWS region code such as eu-west-1',
        'timeZone must be a time zone name such as Europe/Berlin or America/New_York',
      ]),
    );
    expect(found.some((p) => p.startsWith('logRetentionDays must be one of 1, 3, 5'))).toBe(true);
    expect(found.some((p) => p.startsWith('inboundLocalPart'))).toBe(true);
    expect(found.some((p) => p.startsWith('linkTtlDays'))).toBe(true);
    expect(found.some((p) => p.startsWith('reservedConcurrency'))).toBe(true);
    expect(found.some((p) => p.startsWith('stackName'))).toBe(true);
    expect(found).toHaveLength(14);
  });

  it('refuses activateRuleSet together with ruleSetName', () => {
    expect(problems({ ...BASE_CONTEXT, activateRuleSet: 'true', ruleSetName: 'existing' })).toEqual([
      'activateRuleSet and ruleSetName exclude each other: ruleSetName adds the rule to a set that is already active',
    ]);
  });

  it('refuses an owner mailbox at the inbound domain, and the inbound address as the sender, as the functions would', () => {
    const ownerAtInbound =
      'ownerEmail must not be at the inbound domain (mail.example.com): SES hands every address there to onward, so drafts and alarms would never reach you — give your own mailbox (-c ownerEmail=you@example.com)';
    expect(problems({ ...BASE_CONTEXT, ownerEmail: 'Onward@mail.example.com' })).toEqual([ownerAtInbound]);
    expect(problems({ ...BASE_CONTEXT, ownerEmail: 'me@mail.example.com' })).toEqual([ownerAtInbound]);
    // The parent domain's mailbox is not at the inbound domain.
    expect(load({ ...BASE_CONTEXT, ownerEmail: 'me@example.com' }).ownerEmail).toBe('me@example.com');
    const senderIsInbound = (address: string) =>
      `senderAddress must not be the inbound address (${address}) or one of its +tag addresses: mail to or from it comes back to onward — use another address at your domain (-c senderAddress=letters@mail.example.com)`;
    expect(problems({ ...BASE_CONTEXT, senderAddress: 'jobs@mail.example.com', inboundLocalPart: 'jobs' })).toEqual([
      senderIsInbound('jobs@mail.example.com'),
    ]);
    expect(problems({ ...BASE_CONTEXT, senderAddress: 'onward+letters@mail.example.com' })).toEqual([
      senderIsInbound('onward@mail.example.com'),
    ]);
  });

  it('reads the same keys from a JSON file named by config; -c wins over the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onward-config-'));
    try {
      writeFileSync(
        path.join(dir, 'onward.json'),
        JSON.stringify({ ...BASE_CONTEXT, rawMailDays: 30, activateRuleSet: true, allowedSenders: ['me@example.com'] }),
      );
      const config = load({ config: 'onward.json', ownerName: 'Alex Doe' }, dir);
      expect(config).toMatchObject({
        ownerName: 'Alex Doe',
        ownerEmail: 'me@example.com',
        rawMailDays: 30,
        activateRuleSet: true,
        allowedSenders: ['me@example.com'],
      });
      writeFileSync(
        path.join(dir, 'bad.json'),
        JSON.stringify({ ownerEmail: 'me@example.com', ownerMail: 'typo@example.com' }),
      );
      const found = problems({ config: path.join(dir, 'bad.json') });
      expect(found).toContain(`config file ${path.join(dir, 'bad.json')}: unknown key ownerMail`);
      expect(found.filter((p) => p.includes('is missing'))).toHaveLength(3);
      expect(problems({ config: path.join(dir, 'absent.json') })[0]).toMatch(/could not be read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bin/app.ts prints the problems and exits non-zero before synthesising', () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'onward-out-'));
    const run = spawnSync(
      process.execPath,
      [path.join(repo, 'node_modules/tsx/dist/cli.mjs'), path.join(repo, 'bin/app.ts')],
      {
        cwd: repo,
        env: {
          ...process.env,
          CDK_CONTEXT_JSON: JSON.stringify({ ownerName: 'Sam Rivera', inboundDomain: 'mail' }),
          CDK_OUTDIR: outdir,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    rmSync(outdir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('onward cannot be synthesised: 3 configuration problems');
    expect(run.stderr).toContain('ownerEmail is missing');
    expect(run.stderr).toContain('senderAddress is missing');
    expect(run.stderr).toContain('inboundDomain must be a domain name');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
