import { registerTransposeFreeMatMulGradient } from './matmul-gradient.js';

/**
 * Registers tfjs's gradient of every kernel, which tfjs-core alone does not do in Node, for code that differentiates
 * with tf.grad (training does not); the matMul gradient stays churnlab's transpose-free one.
 */
export async function loadStockGradients(): Promise<void> {
  // The full bundle registers them as it loads; it replaces any gradient registered before, so ours goes in again.
  await import('@tensorflow/tfjs');
  registerTransposeFreeMatMulGradient();
}
