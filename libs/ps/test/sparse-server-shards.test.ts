import { describe, expect, it } from 'vitest';
import { createOptimizer, defaultOptimizerConfig, optimizerNames, ServerShards } from '../src/index.js';
import { forEachSelected, initialParams, size, sparseStep } from './sparse-fixture.js';

const bits = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');

describe('ServerShards with touched rows', () => {
  // 7 and 13 shards cut through table rows; 200 shards give every element its own shard.
  it.each(optimizerNames)('%s: any number of shards, applying sparsely where it can, equals one dense optimizer bit for bit', (name) => {
    const config = { ...defaultOptimizerConfig, name, learningRate: 0.05 };
    const whole = createOptimizer(config, size);
    const expected = initialParams();
    for (let step = 0; step < 12; step++) whole.apply(expected, sparseStep(step).grad);
    for (const count of [1, 2, 7, 13, 200]) {
      const shards = new ServerShards(config, size, count);
      const params = initialParams();
      for (let step = 0; step < 12; step++) {
        const { grad, touched } = sparseStep(step);
        shards.apply(params, grad, touched);
      }
      expect(bits(params), `${count} shards`).toBe(bits(expected));
    }
  });

  it.each(['sgd', 'adagrad'] as const)('%s: reads the gradient only at the dense part and the touched rows', (name) => {
    const config = { ...defaultOptimizerConfig, name };
    const { grad, touched } = sparseStep(4);
    const reference = initialParams();
    new ServerShards(config, size, 3).apply(reference, grad, touched);
    // The same gradient with NaN in every table row it did not touch: only a read outside the touched rows could see one.
    const poisoned = new Float32Array(size).fill(Number.NaN);
    forEachSelected(touched, (start, end) => poisoned.set(grad.subarray(start, end), start));
    const params = initialParams();
    new ServerShards(config, size, 3).apply(params, poisoned, touched);
    expect(params.some(Number.isNaN)).toBe(false);
    expect(bits(params)).toBe(bits(reference));
  });

  it('applies densely, as before, when no touched rows are given', () => {
    const shards = new ServerShards({ ...defaultOptimizerConfig, name: 'sgd', learningRate: 1 }, size, 2);
    const params = new Float32Array(size);
    shards.apply(params, new Float32Array(size).fill(1));
    expect(params.every((v) => v === -1)).toBe(true);
  });
});
