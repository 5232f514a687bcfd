import { expect, it } from 'vitest';
import { BackendUnavailableError, initWasmBackend, tf } from '../src/index.js';

// Its own file: tfjs keeps per-process backend state, and vitest gives each file a fresh process.
it('refuses the non-SIMD WASM build', async () => {
  tf.env().set('WASM_HAS_SIMD_SUPPORT', false);
  const start = initWasmBackend();
  await expect(start).rejects.toThrow(BackendUnavailableError);
  await expect(start).rejects.toThrow(/without SIMD/);
});
