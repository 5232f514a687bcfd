import { inputWidth, type BenchModel } from './models.js';

/** Multiply-accumulates of one example's forward pass through the dense layers (embedding lookups count none). */
export function forwardMacs(model: BenchModel): number {
  const widths = [inputWidth(model), ...model.hidden, 1];
  let macs = 0;
  for (let i = 0; i + 1 < widths.length; i++) macs += widths[i]! * widths[i + 1]!;
  return macs;
}

/**
 * Floating-point operations of one training step: 2 per MAC, forward + backward ≈ 3 × forward, for every example of
 * the batch. The one place this formula lives.
 */
export function flopsPerStep(model: BenchModel): number {
  return 2 * forwardMacs(model) * 3 * model.batch;
}

/** GFLOP/s of a run that trains `model` at `stepsPerSec`. */
export function gflops(model: BenchModel, stepsPerSec: number): number {
  return (flopsPerStep(model) * stepsPerSec) / 1e9;
}

/** Floating-point operations of an m×k · k×n matrix product: one multiply and one add per MAC. */
export function matMulFlops(m: number, k: number, n: number): number {
  return 2 * m * k * n;
}
