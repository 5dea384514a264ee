// Mutation testing of the DynamoDB adapter's conditional writes: its tests are integration tests
// against dynalite (and a stand-in server), started once by the emulators' global setup of the
// full vitest config, so this target runs vitest.adapters.config.ts: that config on
// test/integration alone.
import unit from './stryker.config.mjs';

export default {
  ...unit,
  vitest: { configFile: 'vitest.adapters.config.ts' },
  // Every test runs to its end: a run cut short at the first failure closes dynalite under
  // requests still in flight, and dynalite then crashes the test runner.
  disableBail: true,
  mutate: ['lambdas/adapters/dynamo-cases.ts'],
  htmlReporter: { fileName: 'reports/mutation/adapters.html' },
  jsonReporter: { fileName: 'reports/mutation/adapters.json' },
};
