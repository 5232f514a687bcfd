export { useTempDir } from '../../../test-support/temp-dir.js';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The compiled CLI entry point (build with `npx tsc -b` first). */
export const cliBin = fileURLToPath(new URL('../bin/churnlab.js', import.meta.url));

/** What one CLI process did. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/churnlab.js ...args` in `cwd` as a real child process and collects its output. */
export function runCli(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A config small enough that one run trains in about a second; a compare of it trains 4 runs, not the embedded demo's 16. */
export const smallConfig = {
  data: { examples: 1200 },
  model: { hidden: [16] },
  training: { epochs: 1, batchSize: 32 },
  compare: { activations: ['relu', 'smelu:1'], replicas: 2 },
};

/** Writes `config` as JSON to `dir/name` and returns the file name (relative to `dir`). */
export function writeConfig(dir: string, name = 'small.json', config: unknown = smallConfig): string {
  writeFileSync(path.join(dir, name), JSON.stringify(config, null, 2) + '\n');
  return name;
}


/** Expects a successful run whose stdout is exactly one JSON document on one line, and returns it parsed. */
export function jsonDocument<T>(result: CliResult): T {
  expect(result.code, `exit code; stderr:\n${result.stderr}`).toBe(0);
  expect(result.stdout.endsWith('\n')).toBe(true);
  expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout) as T;
}

/** A stack-trace frame line such as "    at foo (file.js:1:2)". */
export const stackFrame = /^\s+at .+/m;

/** Expects exit code 2 with nothing on stdout, every fragment in stderr, and no stack trace; returns stderr. */
export function expectUsageError(result: CliResult, ...fragments: (string | RegExp)[]): string {
  expect(result.code, `exit code; stderr:\n${result.stderr}`).toBe(2);
  expect(result.stdout).toBe('');
  for (const fragment of fragments) {
    if (typeof fragment === 'string') expect(result.stderr).toContain(fragment);
    else expect(result.stderr).toMatch(fragment);
  }
  expect(result.stderr).not.toMatch(stackFrame);
  return result.stderr;
}

/** The five files of a run directory (DESIGN §4). */
export const runDirectoryFiles = ['config.json', 'events.jsonl', 'metrics.json', 'params.msgpack', 'predictions.f32'];

/** Time limits for tests that train: one CLI run takes a few seconds, a compare several. */
export const TRAINING_TIMEOUT = 180_000;
