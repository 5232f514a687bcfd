import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { float32Sha256 } from '../src/index.js';
import { smallConfig, train, TRAINING_TIMEOUT, usePool } from './helpers.js';

const pool = usePool();

describe('sync order is deterministic', () => {
  it(
    'two runs of the same config give the same paramsSha256 and the same predictions',
    async () => {
      const config = smallConfig({ seed: 3, training: { order: 'sync' } });
      const a = await train(pool(), config);
      const b = await train(pool(), config);
      expect(a.metrics.paramsSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(b.metrics.paramsSha256).toBe(a.metrics.paramsSha256);
      expect(float32Sha256(b.params)).toBe(a.metrics.paramsSha256);
      expect(Array.from(b.predictions)).toEqual(Array.from(a.predictions));
      expect(b.metrics).toEqual(a.metrics);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'another seed gives another paramsSha256 (the hash depends on the training)',
    async () => {
      const a = await train(pool(), smallConfig({ seed: 3, training: { order: 'sync' } }));
      const b = await train(pool(), smallConfig({ seed: 4, training: { order: 'sync' } }));
      expect(b.metrics.paramsSha256).not.toBe(a.metrics.paramsSha256);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'workers 1, 2 and 4 over 8 micro-shards give the same paramsSha256',
    async () => {
      const shas: Record<number, string> = {};
      for (const workers of [1, 2, 4]) {
        const run = await train(pool(), smallConfig({ seed: 3, training: { order: 'sync', microShards: 8, workers } }));
        expect(run.events).toHaveLength(30 * workers);
        shas[workers] = run.metrics.paramsSha256;
      }
      expect(shas[2]).toBe(shas[1]);
      expect(shas[4]).toBe(shas[1]);
    },
    TRAINING_TIMEOUT,
  );

  const syncSha = async (workers: number, microShards: number) =>
    (await train(pool(), smallConfig({ seed: 3, training: { order: 'sync', microShards, workers } }))).metrics.paramsSha256;

  it(
    'any worker count up to microShards (3, 5, 6, 7, 8 of 8) gives the same paramsSha256 as 1 worker (DESIGN §2)',
    async () => {
      const sha = (workers: number) => syncSha(workers, 8);
      const one = await sha(1);
      for (const workers of [3, 5, 6, 7, 8]) expect(await sha(workers), `workers ${workers}`).toBe(one);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'with 6 micro-shards (not a power of two), workers 1, 4 and 5 agree too',
    async () => {
      const sha = (workers: number) => syncSha(workers, 6);
      const one = await sha(1);
      expect(await sha(4)).toBe(one);
      expect(await sha(5)).toBe(one);
    },
    TRAINING_TIMEOUT,
  );
});

describe('replay order is deterministic', () => {
  it(
    'two runs of the same config give the same paramsSha256, although updates are stale',
    async () => {
      const config = smallConfig({ seed: 3, training: { order: 'replay', workers: 2 } });
      const a = await train(pool(), config);
      const b = await train(pool(), config);
      expect(b.metrics.paramsSha256).toBe(a.metrics.paramsSha256);
      expect(b.events).toEqual(a.events);
      expect(Math.max(...a.events.map((e) => e.staleness))).toBeGreaterThan(0);
    },
    TRAINING_TIMEOUT,
  );
});

describe('float32Sha256', () => {
  // 1, 2, 3 as IEEE-754 float32 are 0x3f800000, 0x40000000, 0x40400000; little-endian byte by byte:
  const bytesOf123 = Buffer.from([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40]);
  const sha123 = '8e628779e6a74ee0b36991c10158f63cafec7d340ad4e075592502c8708524dd';

  it('of Float32Array.of(1, 2, 3) is the SHA-256 of its little-endian bytes', () => {
    expect(createHash('sha256').update(bytesOf123).digest('hex')).toBe(sha123);
    expect(float32Sha256(Float32Array.of(1, 2, 3))).toBe(sha123);
  });

  it('of a view hashes only the viewed elements', () => {
    expect(float32Sha256(Float32Array.of(9, 1, 2, 3, 9).subarray(1, 4))).toBe(sha123);
  });

  it('of an array in a SharedArrayBuffer is the same as of a plain copy', () => {
    const shared = new Float32Array(new SharedArrayBuffer(12));
    shared.set([1, 2, 3]);
    expect(float32Sha256(shared)).toBe(sha123);
  });

  it('distinguishes -0 from 0 (it hashes bits, not values)', () => {
    expect(float32Sha256(Float32Array.of(-0))).not.toBe(float32Sha256(Float32Array.of(0)));
    expect(float32Sha256(new Float32Array(0))).toBe(createHash('sha256').digest('hex'));
  });
});
