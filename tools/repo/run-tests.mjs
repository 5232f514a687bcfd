#!/usr/bin/env node
// The test command: build, type-check the tests, check the dependency order, lint and test every project, then total every test.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testTotals } from './test-totals.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, '.test-results');

function step(title, command, args) {
  console.error(`\n== ${title}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return status === 0;
}

rmSync(resultsDir, { recursive: true, force: true });
const systemPackages = step('system packages the tests need', 'node', ['tools/repo/ensure-system-packages.mjs']);
const built = step('build', 'npx', ['tsc', '-b']);
const typed = built && step('type-check tests', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
const layered = built && step('dependency order', 'node', ['tools/repo/check-dependencies.mjs']);
const linted = built && step('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--output-style=static', '--parallel=2']);
const tested = built && step('test', 'npx', ['nx', 'run-many', '-t', 'test', '--output-style=static', '--parallel=1']);

const { passed, failures, ...counted } = testTotals(resultsDir, root);
let { failed } = counted;
// Printed last, beside the total, so that the tail of a long log says what failed.
for (const line of failures) console.log(line);
const setupFailures = [systemPackages, built, typed, layered, linted, tested].filter((ok) => !ok).length;
if (setupFailures && failed === 0) failed = setupFailures;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 && tested ? 0 : 1);
