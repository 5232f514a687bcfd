import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeedStream, seedStream, type SeedSource } from '../src/index.js';

const SOURCES: SeedSource[] = ['init', 'shuffle', 'order', 'data', 'split', 'numeric', 'delay', 'fault'];
const DRAWS = 100_000;

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return s / (xs.length - 1);
}

describe('SeedStream identity', () => {
  it('gives the same values regardless of the order they are asked for', () => {
    const forward = seedStream(7, 'order');
    const backward = seedStream(7, 'order');
    const indices = Array.from({ length: 1000 }, (_, i) => i * 7919 + 2 ** 40);
    const ahead = indices.map((i) => forward.uniform(3, 2, i));
    const behind = [...indices].reverse().map((i) => backward.uniform(3, 2, i)).reverse();
    expect(behind).toEqual(ahead);
  });

  it('fills agree with single draws however the calls interleave', () => {
    const s = seedStream(7, 'init', 1);
    const normals = new Float64Array(500);
    const uniforms = new Float64Array(500);
    s.fillNormal(normals, 4, 1);
    const other = seedStream(8, 'init');
    for (let i = uniforms.length - 1; i >= 0; i--) {
      other.words(4, 1, i); // draws from another stream in between must not shift this one
      uniforms[i] = s.uniform(4, 1, i);
    }
    const uniformFill = new Float64Array(500);
    s.fillUniform(uniformFill, 4, 1);
    expect(uniformFill).toEqual(uniforms);
    const again = new Float64Array(500);
    seedStream(7, 'init', 1).fillNormal(again, 4, 1);
    expect(again).toEqual(normals);
  });

  it('separates seeds, sources, replicas, steps, workers and indices', () => {
    const first = (s: SeedStream, step = 0, worker = 0, index = 0) => s.words(step, worker, index).join(',');
    const seen = new Set<string>();
    for (const source of SOURCES) {
      seen.add(first(seedStream(1, source)));
      seen.add(first(seedStream(1, source, 0)));
      seen.add(first(seedStream(1, source, 1)));
      seen.add(first(seedStream(2, source)));
      seen.add(first(seedStream(2 ** 32 + 1, source)));
    }
    expect(seen.size).toBe(SOURCES.length * 5);
    const s = seedStream(1, 'data');
    const counters = new Set([first(s), first(s, 1), first(s, 0, 1), first(s, 0, 0, 1), first(s, 0, 0, 2 ** 32)]);
    expect(counters.size).toBe(5);
  });

  it('streams for different replicas are uncorrelated', () => {
    const a = new Float64Array(DRAWS);
    const b = new Float64Array(DRAWS);
    seedStream(3, 'init', 0).fillNormal(a, 0, 0);
    seedStream(3, 'init', 1).fillNormal(b, 0, 0);
    let dot = 0;
    for (let i = 0; i < DRAWS; i++) dot += a[i]! * b[i]!;
    expect(Math.abs(dot / DRAWS)).toBeLessThan(5 / Math.sqrt(DRAWS));
  });

  it('keeps a frozen copy of its key', () => {
    const key = { seed: 5, source: 'fault' as const, replica: 2 };
    const s = new SeedStream(key);
    key.seed = 6;
    expect(s.key).toEqual({ seed: 5, source: 'fault', replica: 2 });
    expect(Object.isFrozen(s.key)).toBe(true);
  });
});

describe('SeedStream distributions', () => {
  it('uniform has mean 1/2 and variance 1/12', () => {
    const u = new Float64Array(DRAWS);
    seedStream(11, 'data').fillUniform(u, 0, 0);
    // Bounds are five standard errors: sd(mean) = sqrt(1/12/n), sd(variance) = sqrt((1/80 − 1/144)/n).
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / DRAWS));
    expect(Math.abs(variance(u) - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / DRAWS));
  });

  it('normal has mean 0, variance 1 and the 68% one-sigma mass', () => {
    const z = new Float64Array(DRAWS);
    seedStream(11, 'data').fillNormal(z, 1, 0);
    expect(Math.abs(mean(z))).toBeLessThan(5 * Math.sqrt(1 / DRAWS));
    expect(Math.abs(variance(z) - 1)).toBeLessThan(5 * Math.sqrt(2 / DRAWS));
    const inside = z.filter((x) => Math.abs(x) < 1).length / DRAWS;
    expect(Math.abs(inside - 0.682689)).toBeLessThan(5 * Math.sqrt((0.6827 * 0.3173) / DRAWS));
  });

  it('float32 fills hold the rounded double draws', () => {
    const s = seedStream(12, 'numeric');
    const f32 = new Float32Array(1000);
    s.fillUniform(f32, 0, 0);
    f32.forEach((x, i) => expect(x).toBe(Math.fround(s.uniform(0, 0, i))));
    const n32 = new Float32Array(1000);
    const n64 = new Float64Array(1000);
    s.fillNormal(n32, 2, 0);
    s.fillNormal(n64, 2, 0);
    expect(n32).toEqual(Float32Array.from(n64));
  });

  it('uniform is always in [0, 1)', () => {
    const s = seedStream(13, 'delay');
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.maxSafeNat(), (step, worker, index) => {
        const u = s.uniform(step, worker, index);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
      }),
    );
  });

  it('intBelow covers [0, n) evenly', () => {
    const s = seedStream(14, 'order');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[s.intBelow(3, 0, 0, i)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(5 * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
  });

  it('intBelow has no modulo bias where naive modulo would put half the mass in the lowest third', () => {
    const s = seedStream(15, 'order');
    const n = 3 * 2 ** 30; // words in [n, 2^32) fold onto [0, n/3) under plain modulo
    let lowestThird = 0;
    for (let i = 0; i < 20_000; i++) if (s.intBelow(n, 0, 0, i) < n / 3) lowestThird++;
    expect(Math.abs(lowestThird / 20_000 - 1 / 3)).toBeLessThan(5 * Math.sqrt((2 / 9) / 20_000));
  });

  it('intBelow stays fair when whole blocks are rejected', () => {
    // Near n = 2^31 about half of all words are rejected, so 1 block in 16 needs the next one.
    const s = seedStream(15, 'order');
    const n = 2 ** 31 + 1;
    let lowerHalf = 0;
    for (let i = 0; i < 20_000; i++) if (s.intBelow(n, 1, 0, i) < n / 2) lowerHalf++;
    expect(Math.abs(lowerHalf / 20_000 - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / 20_000));
  });

  it('intBelow stays in range for any n and counter', () => {
    const s = seedStream(16, 'fault');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), fc.nat({ max: 100 }), fc.maxSafeNat(), (n, step, index) => {
        const k = s.intBelow(n, step, 0, index);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        expect(s.intBelow(n, step, 0, index)).toBe(k);
      }),
    );
  });
});

describe('SeedStream.permutation', () => {
  const isPermutation = (p: Uint32Array) => [...p].sort((a, b) => a - b).every((v, i) => v === i);

  it('is a deterministic permutation for any n', () => {
    const s = seedStream(17, 'shuffle');
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), fc.nat({ max: 1000 }), (n, step) => {
        const p = s.permutation(n, step, 0);
        expect(p.length).toBe(n);
        expect(isPermutation(p)).toBe(true);
        expect(seedStream(17, 'shuffle').permutation(n, step, 0)).toEqual(p);
      }),
    );
  });

  it('draws all 3! orders equally often', () => {
    const s = seedStream(18, 'shuffle');
    const counts = new Map<string, number>();
    for (let step = 0; step < 6000; step++) {
      const key = s.permutation(3, step, 0).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(5 * Math.sqrt(6000 * (1 / 6) * (5 / 6)));
  });

  it('differs between steps and workers', () => {
    const s = seedStream(19, 'shuffle');
    expect(s.permutation(100, 0, 0)).not.toEqual(s.permutation(100, 1, 0));
    expect(s.permutation(100, 0, 0)).not.toEqual(s.permutation(100, 0, 1));
  });
});

describe('input validation', () => {
  it.each([-1, 1.5, Number.NaN, 2 ** 53])('rejects seed %s with a RangeError naming the value', (seed) => {
    expect(() => seedStream(seed, 'init')).toThrow(RangeError);
    expect(() => seedStream(seed, 'init')).toThrow(new RegExp(`seed .*got ${seed}`));
  });

  it('rejects unknown sources, bad replicas and bad counters', () => {
    expect(() => seedStream(1, 'bogus' as SeedSource)).toThrow(/source .*got bogus/);
    expect(() => seedStream(1, 'init', -1)).toThrow(/replica .*got -1/);
    const s = seedStream(1, 'init');
    expect(() => s.uniform(-1, 0, 0)).toThrow(/step .*got -1/);
    expect(() => s.uniform(0, 2 ** 32, 0)).toThrow(/worker .*got 4294967296/);
    expect(() => s.words(0, 0, 0.5)).toThrow(/index .*got 0.5/);
    expect(() => s.intBelow(0, 0, 0, 0)).toThrow(/n .*got 0/);
    expect(() => s.intBelow(2 ** 32 + 1, 0, 0, 0)).toThrow(RangeError);
    expect(() => s.permutation(-1, 0, 0)).toThrow(/n .*got -1/);
    expect(() => s.fillUniform(new Float64Array(1), 0.5, 0)).toThrow(/step .*got 0.5/);
  });
});
