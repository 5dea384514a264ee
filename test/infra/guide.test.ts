// The "Deploy to AWS" guide must match the template: every context key and every output it
// names exists, and every one that exists is explained.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS } from '../../lib/config.ts';
import { synth } from './synth.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
// The section from its heading to the next section of the same level.
const guide = readme.slice(readme.indexOf('## Deploy to AWS\n')).split(/\n## (?!#)/)[0]!;
const outputs = Object.keys(synth().template.toJSON().Outputs);

describe('the README section "Deploy to AWS"', () => {
  it('is in the README', () => {
    expect(guide.startsWith('## Deploy to AWS\n')).toBe(true);
    expect(guide.length).toBeGreaterThan(5000);
  });

  it('documents every context key in its table, and names no other', () => {
    for (const key of CONTEXT_KEYS) expect(guide).toContain(`| \`${key}\` |`);
    const named = [...guide.matchAll(/-c (\w+)=/g)].map((m) => m[1]).filter((k) => k !== 'key'); // '-c key=value' is the syntax
    for (const key of named) expect([...CONTEXT_KEYS, 'config']).toContain(key);
  });

  it('explains every stack output', () => {
    for (const name of outputs) expect(guide).toContain(`\`${name}\``);
  });

  it('gives the key rotation command the signing key’s acknowledgement promises, with the key’s pinned logical id', () => {
    const template = synth().template.toJSON();
    const [secretId] = Object.entries(template.Resources as Record<string, { Type: string }>).find(
      ([, r]) => r.Type === 'AWS::SecretsManager::Secret',
    )!;
    expect(guide).toContain(`--logical-resource-id ${secretId}`);
    expect(guide).toContain('aws secretsmanager put-secret-value --secret-id "$SECRET"');
  });

  it('says how to check the account’s concurrency, fire a test alarm, and ask for production access', () => {
    expect(guide).toContain('aws lambda get-account-settings');
    expect(guide).toContain('aws cloudwatch set-alarm-state');
    expect(guide).toContain('aws sesv2 put-account-details --production-access-enabled');
    // Every alarm of the stack is explained.
    const alarms = Object.keys(synth().template.toJSON().Resources).filter((id) => /Alarm[0-9A-F]{8}$/.test(id));
    expect(alarms.length).toBeGreaterThan(5);
    for (const id of alarms) expect(guide).toContain(`\`${id.replace(/[0-9A-F]{8}$/, '')}\``);
  });

  it('uses the names the stack gives the rule set and rule', () => {
    expect(guide).toContain('--rule-set-name Onward-rules');
    expect(guide).toContain('`<stackName>-inbound`');
  });
});
