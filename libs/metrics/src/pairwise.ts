import { MetricInputError } from './input.js';
import { pairJackknife } from './jackknife.js';
import { summarize, type Spread } from './summary.js';

/**
 * Spread of `metric(replicas[i], replicas[j])` over all M(M−1)/2 unordered pairs i < j, with the mean's replica
 * jackknife from M ≥ 3 replicas on; needs M ≥ 2.
 */
export function pairwise<T>(replicas: readonly T[], metric: (a: T, b: T) => number): Spread {
  if (replicas.length < 2) throw new MetricInputError('replicas.length', replicas.length, 'at least 2 replicas to form a pair');
  const values: number[] = [];
  for (let i = 0; i < replicas.length; i++)
    for (let j = i + 1; j < replicas.length; j++) values.push(metric(replicas[i]!, replicas[j]!));
  const spread = summarize(values);
  return replicas.length >= 3 ? { ...spread, jackknife: pairJackknife(values, replicas.length) } : spread;
}

/** Spread of `metric(a, b)` over all |as|·|bs| pairs of one member of each set, e.g. replicas trained two different ways. */
export function crossPairs<T>(as: readonly T[], bs: readonly T[], metric: (a: T, b: T) => number): Spread {
  if (as.length === 0 || bs.length === 0) throw new MetricInputError('replica sets', `${as.length} × ${bs.length}`, 'two non-empty sets');
  return summarize(as.flatMap((a) => bs.map((b) => metric(a, b))));
}
