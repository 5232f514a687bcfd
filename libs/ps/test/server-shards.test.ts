import { describe, expect, it } from 'vitest';
import { createOptimizer, defaultOptimizerConfig, faultTolerant, healthChecked, optimizerNames, ServerShard, ServerShards, shardRanges, SharedParameters, type GradientWorkers } from '../src/index.js';

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

describe('ServerShard', () => {
  it.each(optimizerNames)('%s: a shard made from another\'s handle shares its state in shared memory, so the two apply as one', (name) => {
    const config = { ...defaultOptimizerConfig, name, learningRate: 0.03 };
    const whole = new ServerShards(config, size, 2);
    const expected = Float32Array.from({ length: size }, (_, i) => i / 7 - 0.5);
    for (const g of gradients) whole.apply(expected, g);
    const shards = new ServerShards(config, size, 2);
    const [first, second] = shards.handles().map((h) => new ServerShard(structuredClone(h)));
    expect(shards.state().flat().every((v) => v.buffer instanceof SharedArrayBuffer)).toBe(true);
    const params = Float32Array.from({ length: size }, (_, i) => i / 7 - 0.5);
    gradients.forEach((g, step) => {
      // Alternate who applies: the coordinator's shards, or shards other threads made from the handles.
      if (step % 2 === 0) shards.apply(params, g);
      else for (const shard of [second!, first!]) shard.apply(params, g);
    });
    expect(params).toEqual(expected);
    expect(first!.range).toEqual([0, 5]);
  });
});

describe('wrappers of GradientWorkers', () => {
  it('pass the workers\' server-shard updates through, and add none where the workers have none', async () => {
    const store = SharedParameters.create(new Float32Array(3), 1);
    const calls: string[] = [];
    const threads: GradientWorkers = { count: 1, compute: () => Promise.reject(new Error('unused')), updateShards: async () => void calls.push('update') };
    const plain: GradientWorkers = { count: 1, compute: () => Promise.reject(new Error('unused')) };
    const wrapped = healthChecked(faultTolerant(threads, store, { timeoutMs: 1000 }));
    await wrapped.updateShards!([], { program: { adds: [], result: 0, order: [0] } });
    expect(calls).toEqual(['update']);
    expect(healthChecked(faultTolerant(plain, store, { timeoutMs: 1000 })).updateShards).toBeUndefined();
  });
});
