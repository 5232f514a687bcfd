import { describe, expect, it } from 'vitest';
import { createOptimizer, defaultOptimizerConfig, optimizerNames, ServerShards, shardRanges } from '../src/index.js';

const size = 11;
const gradients = Array.from({ length: 4 }, (_, step) => Float32Array.from({ length: size }, (_, i) => Math.sin(step * 3.1 + i * 0.7) * 2 ** (i % 4)));

describe('shardRanges', () => {
  it('splits 11 parameters 3 ways into contiguous ranges of 3, 4 and 4', () => {
    expect(shardRanges(11, 3)).toEqual([
      [0, 3],
      [3, 7],
      [7, 11],
    ]);
  });

  it('gives one range for one shard and one parameter per shard when there are as many shards as parameters', () => {
    expect(shardRanges(5, 1)).toEqual([[0, 5]]);
    expect(shardRanges(3, 3)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it.each([0, 12, 1.5])('refuses %s shards of 11 parameters, naming the value and the allowed range', (count) => {
    expect(() => shardRanges(11, count)).toThrow(`psShards: ${count} is not allowed; expected an integer from 1 to the 11 parameters`);
  });
});

describe('ServerShards', () => {
  it.each(optimizerNames)('%s: any number of shards applies bit for bit what one optimizer applies to the whole vector', (name) => {
    const config = { ...defaultOptimizerConfig, name, learningRate: 0.03 };
    const whole = createOptimizer(config, size);
    const expected = Float32Array.from({ length: size }, (_, i) => i / 7 - 0.5);
    for (const g of gradients) whole.apply(expected, g);
    for (const count of [1, 2, 3, 11]) {
      const shards = new ServerShards(config, size, count);
      const params = Float32Array.from({ length: size }, (_, i) => i / 7 - 0.5);
      for (const g of gradients) shards.apply(params, g);
      expect(params, `${count} shards`).toEqual(expected);
      expect(shards.count).toBe(count);
      expect(shards.state()).toHaveLength(count);
    }
  });

  it('applyShard changes its own range and nothing else', () => {
    const shards = new ServerShards({ ...defaultOptimizerConfig, learningRate: 1 }, size, 3);
    const params = new Float32Array(size);
    shards.applyShard(1, params, Float32Array.from({ length: size }, () => 1));
    expect(Array.from(params)).toEqual([0, 0, 0, -1, -1, -1, -1, 0, 0, 0, 0]);
  });
});
