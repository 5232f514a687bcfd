// The totals of the test command: every vitest JSON report in one directory, counted, and each failure named.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Counts the passed and failed tests of every report in `resultsDir`, and names each failure relative to `root`. */
export function testTotals(resultsDir, root) {
  const totals = { passed: 0, failed: 0, failures: [] };
  for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
    const report = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + report.testResults.filter(didNotLoad).length;
    totals.failures.push(...failureLines(report, root));
  }
  return totals;
}

// A file that failed to load counts as a failure even though none of its tests ran.
function didNotLoad(file) {
  return file.status === 'failed' && file.assertionResults.length === 0;
}

function failureLines(report, root) {
  return report.testResults.flatMap((file) => {
    const where = path.relative(root, file.name);
    if (didNotLoad(file)) return [`FAILED ${where}: ${firstLine(file.message)}`];
    return file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `FAILED ${where} > ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
  });
}

function firstLine(text) {
  return (text ?? '').trim().split('\n')[0];
}
