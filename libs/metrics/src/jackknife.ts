import { MetricInputError } from './input.js';

/** A mean over the pairs of a replica set, with its replica-jackknife standard error. */
export interface PairJackknife {
  /** √((M−1)/M · Σₖ (m₋ₖ − m̄)²), where m₋ₖ is the mean over the pairs without replica k and m̄ the mean of the m₋ₖ. */
  se: number;
  /** M, the replicas the pairs were drawn from; the interval's degrees of freedom are M − 1. */
  replicas: number;
}

/**
 * The replica-jackknife standard error of the mean of `pairValues`, the values of every pair i < j of `replicas`
 * replicas in pairwise's order. Each replica is in M − 1 of the pairs, so the pairs are not independent and their
 * own standard deviation understates the uncertainty; leaving out whole replicas does not. Needs M ≥ 3.
 */
export function pairJackknife(pairValues: readonly number[], replicas: number): PairJackknife {
  const pairs = (replicas * (replicas - 1)) / 2;
  if (!Number.isInteger(replicas) || replicas < 3) throw new MetricInputError('replicas', replicas, 'at least 3 replicas, so that leaving one out keeps a pair');
  if (pairValues.length !== pairs) throw new MetricInputError('pairValues.length', pairValues.length, `${pairs}, one value per pair of ${replicas} replicas`);
  // The standard error does not change with a shift, so it is taken over the deviations from the first pair's value:
  // pairs of equal value give exactly 0, where the sums of the values themselves left a rounding error of ~1e-16.
  const first = pairValues[0]!;
  const total = pairValues.reduce((sum, v) => sum + (v - first), 0);
  // Each replica's own pairs summed, so that the mean without it is one subtraction.
  const withReplica = new Array<number>(replicas).fill(0);
  let at = 0;
  for (let i = 0; i < replicas; i++)
    for (let j = i + 1; j < replicas; j++) {
      const value = pairValues[at++]! - first;
      withReplica[i]! += value;
      withReplica[j]! += value;
    }
  const leftOut = withReplica.map((sum) => (total - sum) / (pairs - (replicas - 1)));
  const center = leftOut.reduce((sum, m) => sum + m, 0) / replicas;
  const squares = leftOut.reduce((sum, m) => sum + (m - center) ** 2, 0);
  return { se: Math.sqrt(((replicas - 1) / replicas) * squares), replicas };
}
