import { describe, expect, it } from 'vitest';
import { loadStockGradients, tf } from '../src/index.js';

// Kernels whose gradients the tests' autodiff references take.
const kernels = ['Relu', 'Sigmoid', 'Add', 'Multiply', 'Sub', 'Sum', 'Mean', 'Log', 'Exp', 'Tanh', 'Erf', 'Softplus', 'ClipByValue', 'Transpose', 'BatchMatMul'];

describe('gradient registrations', () => {
  it('are not loaded with tfjs-core, so a thread that trains never pays for the full tfjs bundle', () => {
    expect(kernels.filter((kernel) => tf.getGradient(kernel) !== undefined)).toEqual([]);
  });

  it('are all there after loadStockGradients, and the matMul gradient is still the transpose-free one', async () => {
    await loadStockGradients();
    expect(kernels.filter((kernel) => tf.getGradient(kernel) === undefined)).toEqual([]);
    expect(String(tf.getGradient('BatchMatMul')!.gradFunc)).toContain('swapLastTwo');
  });
});
