import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/log-guard.ts'],
    // Integration and end-to-end files start their own emulators on free ports.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: running every file at once makes the emulator-backed tests slow and flaky.
    maxWorkers: 2,
    pool: 'forks',
    // The stack logs a JSON line per event; show them only for tests that fail.
    silent: 'passed-only',
    // The default reporter counts skipped tests; skip-notes also says which and why (the corpus
    // checks without the shared corpus).
    reporters: ['default', './test/support/skip-notes.ts'],
    // The SDK warns on every process that future releases need Node 22; it is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
