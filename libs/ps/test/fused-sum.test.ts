import { describe, expect, it } from 'vitest';
import { addInto } from '@churnlab/kernels';
import { applyShardUpdate, createOptimizer, defaultOptimizerConfig, optimizerNames, ServerShard, SharedParameters, type ShardUpdate } from '../src/index.js';

const size = 1_001;
const vector = (seed: number) => Float32Array.from({ length: size }, (_, i) => Math.sin(seed * 31 + i) * 10 ** ((i % 9) - 4));

describe('applying the sum of two gradients in one pass', () => {
  it('is offered by SGD alone, and equals apply of the float32 sum, bit for bit, with both gradients left as they were', () => {
    expect(optimizerNames.filter((name) => createOptimizer({ ...defaultOptimizerConfig, name }, size).applySum)).toEqual(['sgd']);
    const optimizer = createOptimizer({ ...defaultOptimizerConfig, learningRate: 0.07 }, size);
    const [params, expected, left, right] = [vector(1), vector(1), vector(2), vector(3)];
    optimizer.apply(expected, addInto(new Float32Array(left), right));
    optimizer.applySum!(params, left, right);
    expect(params).toEqual(expected);
    expect([left, right]).toEqual([vector(2), vector(3)]);
  });

  it.each(optimizerNames)('%s: a shard\'s dense barrier update gives the parameters of summing the slots and then applying the sum', (name) => {
    // Three slots summed as (0 + 1) + 2 into slot 0: the last addition is the one an optimizer with a fused sum makes.
    const update: ShardUpdate = { program: { adds: [[0, 1], [0, 2]], result: 0, order: [0, 1, 2] } };
    const store = SharedParameters.create(vector(1), 3);
    [2, 3, 4].forEach((seed, slot) => store.gradientSlot(slot).set(vector(seed)));
    const config = { ...defaultOptimizerConfig, name, learningRate: 0.03 };
    applyShardUpdate(store, ServerShard.create(config, [100, 900]), update);
    const expected = vector(1);
    const sum = addInto(addInto(vector(2), vector(3)), vector(4));
    createOptimizer(config, 800).apply(expected.subarray(100, 900), sum.subarray(100, 900));
    expect(store.params).toEqual(expected);
  });
});
