import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { testTotals } from '../test-totals.mjs';

interface Assertion {
  fullName: string;
  status: 'passed' | 'failed';
  failureMessages: string[];
}

function report(files: Array<{ name: string; status: 'passed' | 'failed'; message?: string; tests: Assertion[] }>) {
  const all = files.flatMap((f) => f.tests);
  return {
    numPassedTests: all.filter((t) => t.status === 'passed').length,
    numFailedTests: all.filter((t) => t.status === 'failed').length,
    testResults: files.map((f) => ({ name: f.name, status: f.status, message: f.message ?? '', assertionResults: f.tests })),
  };
}

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true })));

function tempRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'totals-'));
  roots.push(root);
  return root;
}

function emptyResultsDir(): { root: string; dir: string } {
  const root = tempRoot();
  const dir = path.join(root, '.test-results');
  mkdirSync(dir);
  return { root, dir };
}

const pass = (fullName: string): Assertion => ({ fullName, status: 'passed', failureMessages: [] });
const fail = (fullName: string, message: string): Assertion => ({ fullName, status: 'failed', failureMessages: [message] });

describe('testTotals', () => {
  it('counts every report, and names each failed test by file and full name with the first line of its failure', () => {
    const { root, dir } = emptyResultsDir();
    const file = (name: string) => path.join(root, 'libs', name);
    writeFileSync(path.join(dir, 'ps.json'), JSON.stringify(report([{ name: file('ps/test/a.test.ts'), status: 'failed', tests: [pass('a one'), fail('a two', 'AssertionError: expected 1 to be 2\n    at a.test.ts:9')] }])));
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify(report([{ name: file('model/test/b.test.ts'), status: 'passed', tests: [pass('b one'), pass('b two')] }])));
    const totals = testTotals(dir, root);
    expect(totals).toEqual({ passed: 3, failed: 1, failures: ['FAILED libs/ps/test/a.test.ts > a two: AssertionError: expected 1 to be 2'] });
  });

  it('counts a test file that failed to load as one failure, naming it and why', () => {
    const { root, dir } = emptyResultsDir();
    const name = path.join(root, 'libs/worker/test/c.test.ts');
    writeFileSync(path.join(dir, 'worker.json'), JSON.stringify(report([{ name, status: 'failed', message: "Cannot find module 'x'\nstack", tests: [] }])));
    expect(testTotals(dir, root)).toEqual({ passed: 0, failed: 1, failures: ["FAILED libs/worker/test/c.test.ts: Cannot find module 'x'"] });
  });

  it('is zero with no reports at all', () => {
    const root = tempRoot();
    expect(testTotals(path.join(root, 'none'), root)).toEqual({ passed: 0, failed: 0, failures: [] });
  });
});
