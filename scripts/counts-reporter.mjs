// A web-test-runner reporter that writes the real passed/failed counts for scripts/run-tests.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';

function countTests(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countTests(child, counts);
}

/** Writes `.test-counts/<name>.json` with {passed, failed, skipped} when the run ends. */
export function countsReporter(name) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countTests(session.testResults, counts);
        // A file that fails to load or throws outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      mkdirSync('.test-counts', { recursive: true });
      writeFileSync(`.test-counts/${name}.json`, JSON.stringify(counts));
    },
  };
}
