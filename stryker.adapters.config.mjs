// Mutation testing of the DynamoDB adapter's conditional writes: its tests are integration tests
// against dynalite, started once by the emulators' global setup of the full vitest config, so
// this target runs that config restricted to test/integration (aws-http's tests never reach the
// adapter, so no mutant runs them).
import unit from './stryker.config.mjs';

export default {
  ...unit,
  vitest: { configFile: 'vitest.config.ts', dir: 'test/integration' },
  mutate: ['lambdas/adapters/dynamo-cases.ts'],
  htmlReporter: { fileName: 'reports/mutation/adapters.html' },
  jsonReporter: { fileName: 'reports/mutation/adapters.json' },
};
