import { seedStream, type SeedStream } from '@churnlab/random';
import { describe, expect, it } from 'vitest';
import type { GradientRounder } from '../../src/precision/gradient-rounder.js';

/** Every test draws from this stream unless it is about the stream itself. */
export const stream = seedStream(7, 'numeric');

/** `values` rounded by `rounder` at (step, worker), leaving `values` itself alone. */
export function rounded(rounder: GradientRounder, values: ArrayLike<number>, step = 0, worker = 0, from: SeedStream = stream): Float32Array {
  const copy = Float32Array.from(values);
  rounder.round(copy, from, step, worker);
  return copy;
}

/** The bit patterns of a float32 vector, for exact comparisons that tell −0 from 0 and keep NaN payloads. */
export function bitsOf(values: Float32Array): number[] {
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
}

/** The bit pattern of one float32. */
export function bitsOfNumber(x: number): number {
  return bitsOf(Float32Array.of(x))[0]!;
}

/** The float32 with bit pattern `bits`. */
export function float32FromBits(bits: number): number {
  return new Float32Array(Uint32Array.of(bits).buffer)[0]!;
}

/**
 * Asserts that `hits` successes in `trials` Bernoulli(p) trials are within 5 standard deviations of p·trials.
 * A correct rounder fails this with probability below 6e-7 (normal approximation; all counts here are in the hundreds or more);
 * the streams are seeded, so each assertion passes or fails for good.
 */
export function expectBinomial(hits: number, trials: number, p: number, what: string): void {
  const sd = Math.sqrt(trials * p * (1 - p));
  expect(Math.abs(hits - trials * p), `${what}: ${hits} of ${trials}, expected ${p * trials} ± 5·${sd.toFixed(1)}`).toBeLessThanOrEqual(5 * sd);
}

/** Element `index` of `template` rounded at steps 0 … draws − 1, one value per step. */
export function drawsOverSteps(rounder: GradientRounder, template: ArrayLike<number>, index: number, draws: number): number[] {
  const work = new Float32Array(template.length);
  return Array.from({ length: draws }, (_, step) => {
    work.set(Array.from(template));
    rounder.round(work, stream, step, 0);
    return work[index]!;
  });
}

/**
 * Asserts that element `index` of `template`, rounded at many steps, only ever becomes lo or hi, and becomes hi in a share
 * of the steps consistent with (x − lo)/(hi − lo): so E[round(x)] = x within what `draws` draws can resolve.
 */
export function expectUnbiased(rounder: GradientRounder, template: ArrayLike<number>, index: number, lo: number, hi: number, draws = 4000): void {
  const x = Math.fround(template[index]!);
  const values = drawsOverSteps(rounder, template, index, draws);
  expect(new Set(values.filter((v) => v !== lo && v !== hi)), `${x} rounds only to ${lo} or ${hi}`).toEqual(new Set());
  expectBinomial(values.filter((v) => v === hi).length, draws, (x - lo) / (hi - lo), `${x} rounded up to ${hi}`);
}

const LONG = 10_000;

/**
 * The properties every rounder that draws shares. `template(n)` gives n elements whose elements 1 … n − 1 are one positive
 * value that rounds up with probability ½; element 0 is free (int8 puts its largest value there, so every prefix keeps the scale).
 */
export function describeDrawingRounder(rounder: GradientRounder, template: (length: number) => Float32Array): void {
  const ups = (values: Float32Array, base: Float32Array) => Array.from(values, (v, i) => v > base[i]!);
  const agreement = (a: boolean[], b: boolean[]) => a.slice(1).filter((up, i) => up === b[i + 1]).length;

  describe(`${rounder.name}: seeded draws`, () => {
    const base = template(LONG);

    it('gives identical bits for the same seed, step and worker, even from a separately built stream', () => {
      const normal = new Float32Array(LONG);
      stream.fillNormal(normal, 99, 0);
      expect(bitsOf(rounded(rounder, normal, 3, 2, seedStream(7, 'numeric')))).toEqual(bitsOf(rounded(rounder, normal, 3, 2)));
    });

    it.each([
      ['another step', () => rounded(rounder, base, 1, 0)],
      ['another worker', () => rounded(rounder, base, 0, 1)],
      ['another seed', () => rounded(rounder, base, 0, 0, seedStream(8, 'numeric'))],
      ['another source', () => rounded(rounder, base, 0, 0, seedStream(7, 'init'))],
    ])('rounds about half the elements the other way with %s', (_, other) => {
      expectBinomial(agreement(ups(rounded(rounder, base), base), ups(other(), base)), LONG - 1, 0.5, 'elements rounded alike');
    });

    // Lags 1–3 share a Philox block, 4 is the next block at the same word, 4096 the next chunk of random words.
    it.each([1, 2, 3, 4, 5, 4096])('rounds elements %i apart independently', (lag) => {
      const up = ups(rounded(rounder, base), base).slice(1);
      const pairs = up.length - lag;
      expectBinomial(up.slice(lag).filter((u, i) => u === up[i]).length, pairs, 0.5, `pairs ${lag} apart rounded alike`);
    });

    it.each([1, 4095, 4097, 4099, 8193])('rounds element i the same way in a vector of length %i', (length) => {
      expect(bitsOf(rounded(rounder, template(length), 5, 1))).toEqual(bitsOf(rounded(rounder, base, 5, 1)).slice(0, length));
    });

    it('rounds a subarray as a fresh vector and leaves the memory around it alone', () => {
      const memory = new Float32Array(LONG + 6).fill(1.5);
      memory.set(base, 3);
      const view = memory.subarray(3, 3 + LONG);
      rounder.round(view, stream, 4, 0);
      expect(bitsOf(view)).toEqual(bitsOf(rounded(rounder, base, 4, 0)));
      expect([...memory.subarray(0, 3), ...memory.subarray(3 + LONG)]).toEqual([1.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
    });

    it('rounds −x to exactly −round(x)', () => {
      const normal = new Float32Array(LONG);
      stream.fillNormal(normal, 98, 0);
      const negated = rounded(rounder, normal.map((x) => -x));
      expect(bitsOf(negated)).toEqual(bitsOf(rounded(rounder, normal).map((x) => -x)));
    });

    it('leaves an empty vector alone and rejects a step or worker that is not a uint32', () => {
      expect(rounded(rounder, [])).toEqual(new Float32Array(0));
      expect(() => rounded(rounder, base, -1, 0)).toThrow(RangeError);
      expect(() => rounded(rounder, base, 0, 0.5)).toThrow(RangeError);
    });
  });
}
