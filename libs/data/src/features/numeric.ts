import { check } from '../check.js';
import type { Dataset } from '../dataset.js';

/** How numeric columns are transformed: log is log1p(max(x, 0)); standardize is a z-score with training-set statistics. */
export type NumericTransform = 'none' | 'log' | 'standardize' | 'log-standardize';

/** Numeric feature settings: the transform, and whether each column gets a 0/1 missing-indicator column. */
export interface NumericSpec {
  transform: NumericTransform;
  missingIndicator: boolean;
}

/** A NumericSpec fitted on a training set: per column, the mean and std subtracted and divided after the optional log. */
export interface NumericFit extends NumericSpec {
  columns: string[];
  mean: number[];
  std: number[];
}

const TRANSFORMS: readonly NumericTransform[] = ['none', 'log', 'standardize', 'log-standardize'];
/** Below this a column counts as constant and is only centred, never divided by ~0. */
const MIN_STD = 1e-12;

/** Fails with a RangeError naming the field unless `spec` is a valid NumericSpec. */
export function checkNumericSpec(spec: NumericSpec, field = 'numeric'): void {
  check(field, spec, typeof spec === 'object' && spec !== null, 'an object { transform, missingIndicator }');
  check(`${field}.transform`, spec.transform, TRANSFORMS.includes(spec.transform), `one of ${TRANSFORMS.join(', ')}`);
  check(`${field}.missingIndicator`, spec.missingIndicator, typeof spec.missingIndicator === 'boolean', 'true or false');
}

/**
 * Fits `spec` on `raw`, whose features are the raw numeric columns with NaN for a missing value. Mean and (population)
 * std are over the present values after the optional log; a column with no present values gets mean 0, std 1.
 */
export function fitNumeric(spec: NumericSpec, raw: Dataset): NumericFit {
  checkNumericSpec(spec);
  const standardize = spec.transform === 'standardize' || spec.transform === 'log-standardize';
  const mean = new Array<number>(raw.width).fill(0);
  const std = new Array<number>(raw.width).fill(1);
  if (standardize) {
    for (let j = 0; j < raw.width; j++) {
      const stats = columnStats(raw, j, spec.transform === 'log-standardize');
      mean[j] = stats.mean;
      std[j] = stats.std < MIN_STD ? 1 : stats.std;
    }
  }
  return { transform: spec.transform, missingIndicator: spec.missingIndicator, columns: [...raw.featureNames], mean, std };
}

/**
 * The model-ready dataset: each numeric column transformed by `fit`, a missing value becoming 0, followed (when
 * fit.missingIndicator) by one 0/1 column per numeric column named `<column>:missing`. Categorical ids are kept as they are.
 */
export function applyNumeric(fit: NumericFit, raw: Dataset): Dataset {
  check('dataset columns', raw.featureNames.join(','), raw.featureNames.join(',') === fit.columns.join(','), `the fitted columns ${fit.columns.join(',')}`);
  const n = raw.width;
  const width = fit.missingIndicator ? 2 * n : n;
  const log = fit.transform === 'log' || fit.transform === 'log-standardize';
  const features = new Float32Array(raw.rows * width);
  for (let r = 0; r < raw.rows; r++) {
    for (let j = 0; j < n; j++) {
      const x = raw.features[r * n + j]!;
      const missing = Number.isNaN(x);
      features[r * width + j] = missing ? 0 : ((log ? logCount(x) : x) - fit.mean[j]!) / fit.std[j]!;
      if (fit.missingIndicator) features[r * width + n + j] = missing ? 1 : 0;
    }
  }
  const featureNames = fit.missingIndicator ? [...fit.columns, ...fit.columns.map((c) => `${c}:missing`)] : [...fit.columns];
  return { ...raw, width, features, featureNames };
}

/** log1p(max(x, 0)): counts keep their order, negative values fold onto 0. */
export function logCount(x: number): number {
  return Math.log1p(Math.max(x, 0));
}

function columnStats(raw: Dataset, j: number, log: boolean): { mean: number; std: number } {
  let count = 0;
  let sum = 0;
  for (let r = 0; r < raw.rows; r++) {
    const x = raw.features[r * raw.width + j]!;
    if (Number.isNaN(x)) continue;
    sum += log ? logCount(x) : x;
    count++;
  }
  if (count === 0) return { mean: 0, std: 1 };
  const mean = sum / count;
  let squares = 0;
  for (let r = 0; r < raw.rows; r++) {
    const x = raw.features[r * raw.width + j]!;
    if (!Number.isNaN(x)) squares += ((log ? logCount(x) : x) - mean) ** 2;
  }
  return { mean, std: Math.sqrt(squares / count) };
}
