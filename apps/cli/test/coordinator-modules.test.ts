import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-coordinator-modules-');

// Runs the CLI in this process and, once its command is done, lists the modules of the main thread's cache that come
// from tfjs. ESM imports of CommonJS packages such as tfjs go through that cache too.
const probe = `
import { createRequire } from 'node:module';
const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
await import(cli);
const tfjs = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('@tensorflow'));
process.stderr.write('\\nTFJS ' + JSON.stringify(tfjs) + '\\n');
`;

/** The exit code and the tfjs modules the coordinator's own thread loaded while running `churnlab ...args`. */
function tfjsModulesOf(args: string[]): Promise<{ code: number | null; tfjs: string[]; stderr: string }> {
  const script = path.join(tmp(), 'probe.mjs');
  writeFileSync(script, probe);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, cliBin, ...args], { cwd: tmp(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stderr.split('\n').find((l) => l.startsWith('TFJS '));
      resolve({ code, stderr, tfjs: line ? (JSON.parse(line.slice(5)) as string[]) : ['(the probe printed nothing)'] });
    });
  });
}

describe('the coordinator process', () => {
  it(
    'trains on its worker threads without loading tfjs itself: only the threads that compute load it',
    async () => {
      writeConfig(tmp());
      const trained = await tfjsModulesOf(['train', '--workers', '2', '--config', 'small.json', '--out', 'run']);
      expect(trained.code, trained.stderr).toBe(0);
      expect(trained.tfjs).toEqual([]);
    },
    TRAINING_TIMEOUT,
  );

  it('answers --help without loading tfjs', async () => {
    const help = await tfjsModulesOf(['--help']);
    expect(help.code).toBe(0);
    expect(help.tfjs).toEqual([]);
  });
});
