// Sums every test that ran (stages, Vitest and Playwright reports) into one line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-report';
let passed = 0;
let failed = 0;

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number };
  errors?: unknown[];
}

const stages = readFileSync(path.join(dir, 'stages.txt'), 'utf8').trim().split('\n').filter(Boolean);
for (const line of stages) {
  const [name, result] = line.split(' ');
  const report = path.join(dir, `${name}.json`);
  if (name.startsWith('vitest') && existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    passed += r.numPassedTests;
    // A suite that failed to load has no failed tests of its own: count it.
    failed += r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
    if (result === 'fail' && r.numFailedTests + r.numFailedTestSuites === 0) failed += 1;
  } else if (name === 'playwright' && existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as PlaywrightReport;
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected;
    if (result === 'fail' && r.stats.unexpected === 0) failed += 1;
  } else if (result === 'pass') {
    passed += 1;
  } else {
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
