import type { SeedStream } from '@churnlab/random';

/** The values `--grad-precision` accepts. */
export type GradientPrecisionName = 'float32' | 'bfloat16' | 'float16' | 'int8';

/** The values `--param-precision` accepts. */
export type ParameterPrecisionName = Exclude<GradientPrecisionName, 'int8'>;

/**
 * The `worker` index of the draws that round parameters: gradient rounding draws at (step, micro-shard), and no run has
 * 2³² − 1 micro-shards, so parameters read at version v draw at (v, PARAMETER_DRAWS) from the same numeric stream.
 */
export const PARAMETER_DRAWS = 0xffffffff;

/**
 * Rounds a pushed gradient to a lower precision, in place, with seeded stochastic rounding: each value becomes one of
 * its two neighbouring representable values, the upper one with probability (x − lo)/(hi − lo), so E[round(x)] = x.
 * The draw for element i depends on (stream, step, worker, i) alone, so thread timing never changes the result;
 * give the rounder a stream of its own (source 'numeric'), because it uses every index of its (step, worker).
 */
export interface GradientRounder {
  readonly name: GradientPrecisionName;
  round(values: Float32Array, stream: SeedStream, step: number, worker: number): void;
}
