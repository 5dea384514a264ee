// The fast loop (`npm run test:unit`): the unit tests only — pure core and use cases over fakes —
// with no emulators started, so a change can be checked in seconds.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  test: { ...base.test, include: ['test/unit/**/*.test.ts'], globalSetup: [] },
});
