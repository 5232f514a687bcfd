import { afterAll, describe, expect, it } from 'vitest';
import { initCpuBackend, initWasmBackend, tf } from '@churnlab/tensor';
import { logisticLoss } from '../src/losses.js';

/** Logits from far negative to far positive, each with both labels, and the float64 logistic loss of each pair. */
const zs = [-30, -20, -16, -5, -0.5, 0, 0.5, 5, 10, 17, 30];
const cases = zs.flatMap((z) => [0, 1].map((y) => ({ z, y, loss: Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))) })));

describe.each([
  ['wasm', initWasmBackend],
  ['cpu', initCpuBackend],
] as const)('logisticLoss on the %s backend', (_, init) => {
  afterAll(() => tf.setBackend('wasm'));

  it('gives every example its loss to float32 precision, however large |z| (a well-learned example keeps its small loss)', async () => {
    await init();
    const { rowLosses } = logisticLoss(tf.tensor2d(cases.map((c) => [c.z])), tf.tensor1d(cases.map((c) => c.y)), 1);
    const got = await rowLosses.data();
    cases.forEach(({ z, y, loss }, i) => {
      expect(Math.abs(got[i]! - loss), `z = ${z}, y = ${y}: ${got[i]}, exactly ${loss}`).toBeLessThanOrEqual(2 ** -20 * loss);
    });
  });
});
