import { MetricInputError } from './input.js';
import type { PairJackknife } from './jackknife.js';
import { studentTQuantile } from './student-t.js';

/** Mean of a set of values with its sample standard deviation and Student-t 95% confidence interval for the mean. */
export interface Spread {
  mean: number;
  /** The sample standard deviation; null for a single value, which has no spread (rather than a std of 0 that reads as certain). */
  std: number | null;
  /** The 95% interval for the mean; null for a single value, which gives none (rather than the zero-width [mean, mean]). */
  ci95: [number, number] | null;
  n: number;
  /** For a mean over the pairs of 3 or more replicas: its replica-jackknife standard error. */
  jackknife?: PairJackknife;
}

/**
 * Mean, sample standard deviation (n − 1) and mean ± t₀.₉₇₅,ₙ₋₁·std/√n (std and interval null when n = 1: no spread),
 * taken over the deviations from the first value, so that equal values give exactly that value, a std of 0 and a
 * zero-width interval.
 */
export function summarize(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) throw new MetricInputError('values.length', 0, 'at least one value');
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new MetricInputError(`values[${i}]`, v, 'a finite number');
  });
  // Shifted data: the deviations are small and, for values within a factor of 2 of the first, exact (Sterbenz).
  const first = values[0]!;
  const deviations = values.map((v) => v - first);
  const shift = compensatedSum(deviations) / n;
  const mean = first + shift;
  if (n === 1) return { mean, std: null, ci95: null, n };
  // Corrected two-pass: subtracting (Σc)²/n removes what rounding left in `shift` (Chan, Golub & LeVeque 1983).
  const centred = deviations.map((d) => d - shift);
  const residual = compensatedSum(centred);
  const squares = compensatedSum(centred.map((c) => c * c));
  const std = Math.sqrt(Math.max(0, squares - (residual * residual) / n) / (n - 1));
  const half = (studentTQuantile(0.975, n - 1) * std) / Math.sqrt(n);
  return { mean, std, ci95: [mean - half, mean + half], n };
}

// Neumaier's compensated summation: the rounding error of each addition is carried and added back at the end.
function compensatedSum(values: readonly number[]): number {
  let sum = 0;
  let carry = 0;
  for (const v of values) {
    const next = sum + v;
    carry += Math.abs(sum) >= Math.abs(v) ? sum - next + v : v - next + sum;
    sum = next;
  }
  return sum + carry;
}
