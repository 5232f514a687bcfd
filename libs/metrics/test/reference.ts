import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

interface MetricsReference {
  binary: {
    pA: number[];
    pB: number[];
    labels: number[];
    relativePd: number;
    absolutePd: number;
    top1Pd: number;
    aucA: number;
    aucB: number;
    logLossA: number;
    logLossB: number;
    accuracyA: number;
  };
  multiclass: { pA: number[][]; pB: number[][]; l1Pd: number; top1Pd: number };
}

/** Independently computed float64 metrics on fixed predictions, read from the shared folder (never copied into the repo). */
export const reference = JSON.parse(
  readFileSync(new URL('../../../../shared/reference/metrics.json', import.meta.url), 'utf8'),
) as MetricsReference;

/** Asserts |actual − expected| ≤ 1e-12·|expected|. */
export function expectRelativelyClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}
