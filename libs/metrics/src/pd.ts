import { predictedClass } from './decision.js';
import { checkPair, MetricInputError, type Predictions } from './input.js';

/** Binary relative PD: mean over rows of |pA − pB| / ((pA + pB)/2); a row where both are 0 contributes 0. */
export function relativePd(a: Predictions, b: Predictions): number {
  const rows = checkPair(a, b, 1);
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const x = a[i]!, y = b[i]!;
    // 2|x−y|/(x+y) equals |x−y|/((x+y)/2) bit for bit, except that halving a subnormal sum can round to 0 and give Infinity.
    if (x + y > 0) sum += (2 * Math.abs(x - y)) / (x + y);
  }
  return sum / rows;
}

/** Binary absolute PD: mean over rows of |pA − pB|. */
export function absolutePd(a: Predictions, b: Predictions): number {
  const rows = checkPair(a, b, 1);
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / rows;
}

/**
 * L1 PD: mean over rows of ½ Σₖ |pA(k) − pB(k)| over K ≥ 2 class columns. A binary model's single column is not a
 * distribution (its L1 PD over the two classes is absolutePd), so K = 1 is refused rather than halved.
 */
export function l1Pd(a: Predictions, b: Predictions, classes: number): number {
  if (classes === 1) throw new MetricInputError('classes', classes, 'at least 2 class columns (for one binary column, absolutePd is its L1 PD)');
  const rows = checkPair(a, b, classes);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return (0.5 * sum) / rows;
}

/** Top-1 PD (churn): share of rows whose predicted class differs (decision at 0.5 for K = 1, first argmax for K > 1). */
export function top1Pd(a: Predictions, b: Predictions, classes: number): number {
  const rows = checkPair(a, b, classes);
  let differing = 0;
  for (let r = 0; r < rows; r++) if (predictedClass(a, r, classes) !== predictedClass(b, r, classes)) differing++;
  return differing / rows;
}
