// Lists, at the end of a run, every test skipped with a reason (`ctx.skip(reason)`) and the
// reason: the default reporter shows only a count of skipped tests, and whoever runs `npm test`
// should see what did not run and why.
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipNotes implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, string[]>();
    for (const module of modules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        if (note) byReason.set(note, [...(byReason.get(note) ?? []), `${module.moduleId} › ${test.fullName}`]);
      }
    }
    for (const [reason, tests] of byReason) {
      console.log(`\n ↓ ${tests.length} skipped — ${reason}`);
      for (const t of tests) console.log(`     ${t.replace(`${process.cwd()}/`, '')}`);
    }
  }
}
