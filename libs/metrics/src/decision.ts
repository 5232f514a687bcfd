import type { Predictions } from './input.js';

/** The class predicted for one row: K = 1 is class 1 when p ≥ 0.5, K > 1 is the first column holding the maximum. */
export function predictedClass(p: Predictions, row: number, classes: number): number {
  if (classes === 1) return p[row]! >= 0.5 ? 1 : 0;
  const start = row * classes;
  let best = 0;
  for (let k = 1; k < classes; k++) if (p[start + k]! > p[start + best]!) best = k;
  return best;
}
