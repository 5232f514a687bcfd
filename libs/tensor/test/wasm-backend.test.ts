import { describe, expect, it } from 'vitest';
import { initWasmBackend, tf } from '../src/index.js';

describe('WASM SIMD backend start-up', () => {
  it('starts single-threaded with SIMD on the installed package', async () => {
    const info = await initWasmBackend();
    expect(info).toMatchObject({ backend: 'wasm', simd: true, threads: 1 });
    expect(tf.getBackend()).toBe('wasm');
  });
});
