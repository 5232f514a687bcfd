import { seedStream } from '@churnlab/random';
import { blockView, type ParameterLayout } from './layout.js';

/** The `init` stream lane of embedding tables (worker = 1), apart from the MLP blocks' lane 0. */
const TABLE_LANE = 1;

/**
 * Glorot-uniform kernels, zero biases, unit gamma and zero beta, and N(0, 1/dimension) embedding tables, from the `init`
 * seed stream. MLP block b (counting MLP blocks only) draws counter (step = b, worker = 0) and table k draws
 * (step = k, worker = 1), so a block's values depend neither on the blocks before it nor on whether there are tables.
 *
 * Tables are normal with standard deviation 1/√dimension: each embedding vector then has E‖e‖² = 1, the squared norm of
 * the one-hot vector it replaces and of one standard-normal dense feature, so the first layer's Glorot scale sees every
 * categorical feature with the input energy of one dense feature. (Uniform ±0.05, Keras's default, would start every
 * categorical feature nearly silent: E‖e‖² = dimension·0.05²/3 ≈ 0.013 at dimension 16.) The normals are drawn straight
 * into float32 and then scaled, so a huge table needs no float64 scratch of its size.
 */
export function initialParameters(layout: ParameterLayout, seed: number, replica = 0): Float32Array {
  const params = new Float32Array(layout.size);
  const stream = seedStream(seed, 'init', replica);
  let mlpIndex = 0;
  let table = 0;
  for (const block of layout.blocks) {
    const view = blockView(params, block);
    if (block.role === 'embedding') {
      const std = 1 / Math.sqrt(block.shape[1]!);
      stream.fillNormal(view, table++, TABLE_LANE);
      for (let i = 0; i < view.length; i++) view[i] = view[i]! * std;
      continue;
    }
    const index = mlpIndex++;
    if (block.role === 'kernel') {
      const [fanIn, fanOut] = block.shape as [number, number];
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const u = new Float64Array(block.size);
      stream.fillUniform(u, index, 0);
      for (let i = 0; i < u.length; i++) view[i] = (2 * u[i]! - 1) * limit;
    } else if (block.role === 'gamma') {
      view.fill(1);
    }
  }
  return params;
}
