/*
 * Prints the closing line of scripts/test.sh from the test runners' own
 * reports: Jest's --json output and Playwright's JSON reporter. A static stage
 * (type check, lint, ...) that failed counts as one failed test, so that a red
 * stage can never hide behind a green count.
 *
 * Usage: node scripts/summarize-tests.js REPORT_DIR [FAILED_STAGE...]
 */
const fs = require('node:fs');
const path = require('node:path');

const [reportDir, ...failedStages] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(reportDir, file), 'utf8'));
  } catch {
    return undefined;
  }
}

const jest = readJson('jest.json');
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  skipped += jest.numPendingTests + jest.numTodoTests;
  // A suite that fails to load has no failing tests of its own.
  const brokenSuites = jest.testResults.filter(
    r => r.status === 'failed' && r.assertionResults.length === 0,
  );
  failed += brokenSuites.length;
  for (const suite of brokenSuites)
    problems.push(`suite failed to run: ${suite.name}`);
} else {
  problems.push('no Jest report was written');
}

// The end-to-end test of the demo and the adopter test (a fresh app).
for (const report of ['playwright.json', 'adopter.json']) {
  const playwright = readJson(report);
  if (playwright?.stats) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
    skipped += playwright.stats.skipped;
  }
}

for (const stage of failedStages) {
  problems.push(`stage failed: ${stage}`);
}
failed += failedStages.filter(s => !/tests|end-to-end|adopter/.test(s)).length;

for (const p of problems) console.log(`[summary] ${p}`);
if (passed === 0 && failed === 0) {
  console.log('[summary] no test ran');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedStages.length > 0 ? 1 : 0);
