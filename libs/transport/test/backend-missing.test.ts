import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';

// Worker threads copy the environment when they start: this pool's threads look for the .wasm files in an empty folder.
const empty = mkdtempSync(path.join(tmpdir(), 'no-wasm-'));
process.env['CHURNLAB_WASM_DIR'] = empty;
const pool = new ThreadPool(1);
afterAll(async () => {
  await pool.close();
  rmSync(empty, { recursive: true });
});

it('fails the run with a clear message instead of training on the slow CPU backend', async () => {
  await expect(trainOnThreads(pool, { workers: 1, order: 'sync', steps: 2 })).rejects.toThrow(/WASM backend is not available.*tfjs-backend-wasm-simd\.wasm/);
});
