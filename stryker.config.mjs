// Mutation testing (`npm run mutate`): how many of the bugs that matter would the unit tests
// catch? Stryker changes the code that guards the owner — who may write to onward, what a link
// allows, what a reply means, whether a letter leaves — one small change at a time, and runs the
// unit tests that reach it; a change no test notices is a bug they would let through.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  mutate: [
    'lambdas/core/links/token.ts',
    'lambdas/core/trust/sender.ts',
    'lambdas/core/reply-address/address.ts',
    'lambdas/core/reply/command.ts',
    'lambdas/core/letter/edits.ts',
    'lambdas/core/case/lifecycle.ts',
    'lambdas/workflow/send-letter.ts',
    'lambdas/workflow/discard.ts',
    'lambdas/workflow/revive.ts',
    'lambdas/workflow/draft-anyway.ts',
    'lambdas/workflow/recipients.ts',
    'lambdas/workflow/stale-sends.ts',
    'lambdas/workflow/reply-approval.ts',
  ],
  // Only the tests that reach a mutant run against it.
  coverageAnalysis: 'perTest',
  // Stryker's TypeScript support rewrites tsconfig through the compiler's JavaScript API, which
  // TypeScript 7 does not have; vitest strips types itself, so that step is skipped by pointing it
  // at a file that does not exist.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
  checkers: [],
  // Two cores, shared with whatever else runs.
  concurrency: 2,
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/unit.html' },
  jsonReporter: { fileName: 'reports/mutation/unit.json' },
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: another run's sandbox, and what the stack and the tests leave.
  ignorePatterns: ['/.stryker-tmp*', '/cdk.out', '/.onward', '/test/artifacts', '/scripts/.tmp'],
  cleanTempDir: 'always',
};
