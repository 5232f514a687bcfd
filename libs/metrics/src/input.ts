/** Model outputs for N rows × K columns, row-major; K = 1 holds the positive-class probability. */
export type Predictions = ArrayLike<number>;

/** A metric was given inputs it cannot measure; the message names the argument, the value and what was expected. */
export class MetricInputError extends Error {
  constructor(
    readonly argument: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`${argument}: got ${String(value)}, expected ${expected}`);
    this.name = 'MetricInputError';
  }
}

/** Throws unless `classes` is a positive integer. */
export function checkClasses(classes: number): void {
  if (!Number.isInteger(classes) || classes < 1) throw new MetricInputError('classes', classes, 'a positive integer');
}

/** Throws unless `p` holds at least one row of `classes` finite probabilities; returns the row count. */
export function checkPredictions(name: string, p: Predictions, classes: number): number {
  checkClasses(classes);
  if (p.length === 0 || p.length % classes !== 0)
    throw new MetricInputError(`${name}.length`, p.length, `a positive multiple of classes (${classes})`);
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    // NaN fails both comparisons, so it is rejected here too.
    if (!(v >= 0 && v <= 1)) throw new MetricInputError(`${name}[${i}]`, v, 'a finite probability in [0, 1]');
  }
  return p.length / classes;
}

/** Throws unless `p` has the same length as the reference predictions `refName`. */
export function checkSameLength(name: string, p: Predictions, refName: string, ref: Predictions): void {
  if (p.length !== ref.length) throw new MetricInputError(`${name}.length`, p.length, `${ref.length} (the length of ${refName})`);
}

/** Validates two models' predictions on the same rows; returns the row count. */
export function checkPair(a: Predictions, b: Predictions, classes: number): number {
  const rows = checkPredictions('a', a, classes);
  checkSameLength('b', b, 'a', a);
  checkPredictions('b', b, classes);
  return rows;
}

/** Throws unless `labels` holds one class index per row (0 or 1 when classes = 1). */
export function checkLabels(labels: ArrayLike<number>, rows: number, classes: number): void {
  if (labels.length !== rows) throw new MetricInputError('labels.length', labels.length, `${rows} (one label per row)`);
  const last = Math.max(classes, 2) - 1;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (!Number.isInteger(y) || y < 0 || y > last) throw new MetricInputError(`labels[${i}]`, y, `a class index in 0..${last}`);
  }
}
