import { describe, expect, it } from 'vitest';
import { sourceReplica } from '../src/index.js';
import { smallConfig, train, TRAINING_TIMEOUT, usePool, type ConfigOverrides } from './helpers.js';

const pool = usePool();

/** paramsSha256 of replicas 0 and 1 of a sync run, which has no timing nondeterminism of its own. */
async function replicaShas(overrides: ConfigOverrides): Promise<[string, string]> {
  const config = smallConfig({ seed: 5, ...overrides, training: { order: 'sync', ...overrides.training } });
  const [a, b] = [await train(pool(), config, 0), await train(pool(), config, 1)];
  return [a.metrics.paramsSha256, b.metrics.paramsSha256];
}

describe('sourceReplica', () => {
  it('gives a varied source the replica index and a shared source replica 0', () => {
    expect(sourceReplica(['order', 'init'], 'init', 3)).toBe(3);
    expect(sourceReplica(['order'], 'init', 3)).toBe(0);
    expect(sourceReplica(['order'], 'order', 0)).toBe(0);
  });
});

describe('vary: replicas share every source they do not vary', () => {
  it(
    'with only the order varied, sync replicas are bit-identical',
    async () => {
      const [a, b] = await replicaShas({});
      expect(b).toBe(a);
    },
    TRAINING_TIMEOUT,
  );

  it.each<[string, ConfigOverrides]>([
    ['init', { vary: ['init'] }],
    ['shuffle', { vary: ['shuffle'] }],
    ['shuffle with a window', { vary: ['shuffle'], training: { shuffle: 'window:100' } }],
    ['numeric with int8 gradients', { vary: ['numeric'], training: { gradPrecision: 'int8' } }],
    ['numeric with bfloat16 parameters', { vary: ['numeric'], training: { paramPrecision: 'bfloat16' } }],
  ])(
    'varying %s makes sync replicas differ',
    async (_, overrides) => {
      const [a, b] = await replicaShas(overrides);
      expect(b).not.toBe(a);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'rounding that is not varied is shared: int8 sync replicas stay identical',
    async () => {
      const [a, b] = await replicaShas({ training: { gradPrecision: 'int8' } });
      expect(b).toBe(a);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'parameters rounded to float16 train another model than float32, the same on 1 and 2 sync workers',
    async () => {
      const sha = async (paramPrecision: string, workers: number) => (await train(pool(), smallConfig({ seed: 5, training: { order: 'sync', paramPrecision, workers } }))).metrics.paramsSha256;
      const [float16One, float16Two, float32One] = [await sha('float16', 1), await sha('float16', 2), await sha('float32', 1)];
      expect(float16Two).toBe(float16One);
      expect(float16One).not.toBe(float32One);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'the shuffle setting changes the run: none, window:100 and full give three different models',
    async () => {
      const shas = await Promise.all(['none', 'window:100', 'full'].map(async (shuffle) => (await replicaShas({ training: { shuffle } }))[0]));
      expect(new Set(shas).size).toBe(3);
    },
    TRAINING_TIMEOUT,
  );
});
