import { check } from '../check.js';
import { checkHashSpec, type HashSpec } from './hash-buckets.js';
import { checkNumericSpec, type NumericSpec } from './numeric.js';

/** Every feature setting of a tabular reader, as a plain object a run records in its config.json. */
export interface FeatureSpec {
  numeric: NumericSpec;
  categorical: HashSpec;
}

/** Standardized numeric columns with missing indicators, and 1024 hash buckets per categorical feature under hash seed 0. */
export const defaultFeatureSpec: Readonly<FeatureSpec> = Object.freeze({
  numeric: Object.freeze({ transform: 'standardize', missingIndicator: true }),
  categorical: Object.freeze({ buckets: 1024, seed: 0 }),
});

/** Fails with a RangeError naming the field unless `spec` is a valid FeatureSpec. */
export function checkFeatureSpec(spec: FeatureSpec, field = 'features'): void {
  check(field, spec, typeof spec === 'object' && spec !== null, 'an object { numeric, categorical }');
  checkNumericSpec(spec.numeric, `${field}.numeric`);
  checkHashSpec(spec.categorical, `${field}.categorical`);
}
