import { checkPredictions, checkSameLength, type Predictions } from './input.js';
import { crossPairs, pairwise } from './pairwise.js';
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
  checkReplicas(replicas, 'replicas', classes);
  return reportOver((metric) => pairwise(replicas, metric), classes);
}

/** Every PD that applies to `classes`, averaged over all pairs of one replica from each set (e.g. 1 worker against 4 workers). */
export function crossPdReport(as: readonly Predictions[], bs: readonly Predictions[], classes: number): PdReport {
  checkReplicas(as, 'as', classes);
  checkReplicas(bs, 'bs', classes, as[0]);
  return reportOver((metric) => crossPairs(as, bs, metric), classes);
}

// Validated up front so that errors name the replica rather than the a/b of one pair.
function checkReplicas(replicas: readonly Predictions[], name: string, classes: number, first?: Predictions): void {
  replicas.forEach((p, i) => {
    checkPredictions(`${name}[${i}]`, p, classes);
    if (first) checkSameLength(`${name}[${i}]`, p, 'as[0]', first);
    else checkSameLength(`${name}[${i}]`, p, `${name}[0]`, replicas[0]!);
  });
}

function reportOver(over: (metric: (a: Predictions, b: Predictions) => number) => Spread, classes: number): PdReport {
  const top1 = over((a, b) => top1Pd(a, b, classes));
  if (classes === 1) return { relative: over(relativePd), absolute: over(absolutePd), top1 };
  return { l1: over((a, b) => l1Pd(a, b, classes)), top1 };
}
