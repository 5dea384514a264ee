// Mutation testing of the code that guards the owner (see "Tests" in the README).
//   npm run mutate                      every target: the unit-tested ones, then the DynamoDB adapter
//   npm run mutate -- <file.ts> …       only these files, each by the config whose tests reach it
// Other arguments (--concurrency 1, --logLevel debug …) go to Stryker as they are.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const UNIT = 'stryker.config.mjs';
/** The adapters are tested against emulators, which only the full vitest config starts. */
const ADAPTERS = 'stryker.adapters.config.mjs';
const configFor = (file: string) => (file.startsWith('lambdas/adapters/') ? ADAPTERS : UNIT);

const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.ts')).map((f) => path.relative(process.cwd(), path.resolve(f)));
const passed = args.filter((a) => !a.endsWith('.ts'));

const runs = new Map<string, string[]>(files.length ? [] : [UNIT, ADAPTERS].map((c) => [c, []]));
for (const file of files) runs.set(configFor(file), [...(runs.get(configFor(file)) ?? []), file]);

const stryker = path.resolve('node_modules/.bin/stryker');
let failed = false;
for (const [config, mutate] of runs) {
  const only = mutate.length ? ['--mutate', mutate.join(',')] : [];
  const run = spawnSync(stryker, ['run', config, ...only, ...passed], { stdio: 'inherit' });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
