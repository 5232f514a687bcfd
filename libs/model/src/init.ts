import { seedStream } from '@churnlab/random';
import { blockView, type ParameterLayout } from './layout.js';

/**
 * Glorot-uniform kernels, zero biases, unit gamma and zero beta, from the `init` seed stream.
 * Block b draws counter (step = b, worker = 0), so a block's values do not depend on the blocks before it.
 */
export function initialParameters(layout: ParameterLayout, seed: number, replica = 0): Float32Array {
  const params = new Float32Array(layout.size);
  const stream = seedStream(seed, 'init', replica);
  layout.blocks.forEach((block, index) => {
    const view = blockView(params, block);
    if (block.role === 'kernel') {
      const [fanIn, fanOut] = block.shape as [number, number];
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const u = new Float64Array(block.size);
      stream.fillUniform(u, index, 0);
      for (let i = 0; i < u.length; i++) view[i] = (2 * u[i]! - 1) * limit;
    } else if (block.role === 'gamma') {
      view.fill(1);
    }
  });
  return params;
}
