import { checkPredictions, checkSameLength, type Predictions } from './input.js';
import { pairwise } from './pairwise.js';
import { absolutePd, l1Pd, relativePd, top1Pd } from './pd.js';
import type { Spread } from './summary.js';

/** Pairwise PD spreads over a replica set: relative and absolute for K = 1, L1 for K > 1, top-1 always. */
export interface PdReport {
  relative?: Spread;
  absolute?: Spread;
  l1?: Spread;
  top1: Spread;
}

/** Every PD that applies to `classes`, each averaged over all replica pairs with its spread. */
export function pdReport(replicas: readonly Predictions[], classes: number): PdReport {
  // Validated here first so that errors name the replica rather than the a/b of one pair.
  replicas.forEach((p, i) => {
    checkPredictions(`replicas[${i}]`, p, classes);
    checkSameLength(`replicas[${i}]`, p, 'replicas[0]', replicas[0]!);
  });
  const top1 = pairwise(replicas, (a, b) => top1Pd(a, b, classes));
  if (classes === 1) return { relative: pairwise(replicas, relativePd), absolute: pairwise(replicas, absolutePd), top1 };
  return { l1: pairwise(replicas, (a, b) => l1Pd(a, b, classes)), top1 };
}
