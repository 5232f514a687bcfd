import { MetricInputError } from './input.js';
import type { PairJackknife } from './jackknife.js';
import { studentTQuantile } from './student-t.js';

/** Mean of a set of values with its sample standard deviation and Student-t 95% confidence interval for the mean. */
export interface Spread {
  mean: number;
  std: number;
  ci95: [number, number];
  n: number;
  /** For a mean over the pairs of 3 or more replicas: its replica-jackknife standard error. */
  jackknife?: PairJackknife;
}

/** Mean, sample standard deviation (n − 1; 0 when n = 1) and mean ± t₀.₉₇₅,ₙ₋₁·std/√n (degenerate when n = 1). */
export function summarize(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) throw new MetricInputError('values.length', 0, 'at least one value');
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new MetricInputError(`values[${i}]`, v, 'a finite number');
  });
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (n === 1) return { mean, std: 0, ci95: [mean, mean], n };
  const std = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  const half = (studentTQuantile(0.975, n - 1) * std) / Math.sqrt(n);
  return { mean, std, ci95: [mean - half, mean + half], n };
}
