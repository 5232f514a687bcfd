import { checkLabels, checkPredictions, type Predictions } from './input.js';

const EPSILON = 1e-7;

const clip = (p: number): number => Math.min(Math.max(p, EPSILON), 1 - EPSILON);

/** Mean negative log-likelihood of the labels (class indices; 0/1 when classes = 1), probabilities clipped to [1e-7, 1 − 1e-7]. */
export function logLoss(p: Predictions, labels: ArrayLike<number>, classes: number): number {
  const rows = checkPredictions('p', p, classes);
  checkLabels(labels, rows, classes);
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const y = labels[r]!;
    if (classes > 1) {
      sum -= Math.log(clip(p[r * classes + y]!));
    } else {
      // The clip applies to p itself; clipping 1 − p instead differs at p = 1 by float64 rounding.
      const q = clip(p[r]!);
      sum -= Math.log(y === 1 ? q : 1 - q);
    }
  }
  return sum / rows;
}
