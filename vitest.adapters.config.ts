// Mutation testing of the DynamoDB adapter (stryker.adapters.config.mjs): the integration tests
// alone — the adapters against their emulators, which the full config's global setup starts, and
// against a stand-in server for what the emulators cannot do (a lost answer).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  test: { ...base.test, include: ['test/integration/*.test.ts'] },
});
