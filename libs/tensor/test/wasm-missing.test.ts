import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BackendUnavailableError, initWasmBackend } from '../src/index.js';

// Its own file: tfjs keeps per-process backend state, and vitest gives each file a fresh process.
it('fails loudly when the .wasm files are missing instead of staying on the CPU backend', async () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'no-wasm-'));
  const start = initWasmBackend({ wasmDir: empty });
  await expect(start).rejects.toThrow(BackendUnavailableError);
  await expect(start).rejects.toThrow(`tfjs WASM backend is not available: it did not start from ${empty}; check that the folder holds tfjs-backend-wasm-simd.wasm`);
  rmSync(empty, { recursive: true });
});
