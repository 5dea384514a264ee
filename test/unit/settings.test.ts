// The README's two settings tables say what the contract says: "Configuration" lists every
// variable the owner may set (the stacks' wiring aside) and "Deploy to AWS" every context key,
// each with the contract's default, and neither names a setting the contract does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as settings from '../../lambdas/settings/settings.ts';

const all: settings.Setting[] = Object.values(settings);
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows `| \`name\` | default | meaning |` of the first table under a heading, as name → default cell. */
function table(heading: string): Map<string, string> {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const lines = section.split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows = lines.slice(
    first + 2,
    lines.findIndex((l, i) => i > first && !l.startsWith('|')),
  );
  return new Map(
    rows.map((row) => {
      const [name, fallback] = row.split(' | ');
      return [name!.replace(/^\| `|`$/g, ''), fallback!];
    }),
  );
}

const documentedDefault = (value: string | number | boolean | undefined) =>
  value === undefined ? expect.any(String) : `\`${value}\``;

describe('the README names every setting with the contract’s default', () => {
  it('Configuration: every variable the owner may set for `npm start`', () => {
    const rows = table('## Configuration');
    const owned = all.filter((s) => s.env && !s.wired);
    expect([...rows.keys()].sort()).toEqual(owned.map((s) => s.env).sort());
    for (const s of owned) {
      // `npm start` takes the machine's own value (its time zone) when the variable is unset.
      const local = s.machine ? 'the machine’s' : documentedDefault(s.local ?? s.default);
      expect(rows.get(s.env!), s.env).toEqual(local);
    }
  });

  it('Deploy to AWS: every context key', () => {
    const rows = table('### 5. Deploy');
    const keys = all.filter((s) => s.context);
    expect([...rows.keys()].sort()).toEqual(keys.map((s) => s.context).sort());
    for (const s of keys) {
      expect(rows.get(s.context!), s.context).toEqual(s.required ? '— (required)' : documentedDefault(s.default));
    }
  });
});
