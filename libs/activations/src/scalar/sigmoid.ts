/** The logistic function 1/(1 + e^(−x)), without overflow of e^(−x) for large negative x. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
