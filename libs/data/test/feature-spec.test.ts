import { describe, expect, it } from 'vitest';
import { checkFeatureSpec, defaultFeatureSpec, type FeatureSpec } from '../src/index.js';

describe('FeatureSpec', () => {
  it('has a valid, frozen, JSON-recordable default', () => {
    expect(() => checkFeatureSpec(defaultFeatureSpec)).not.toThrow();
    expect(defaultFeatureSpec).toEqual({ numeric: { transform: 'standardize', missingIndicator: true }, categorical: { buckets: 1024, seed: 0 } });
    expect(JSON.parse(JSON.stringify(defaultFeatureSpec))).toEqual(defaultFeatureSpec);
    expect(Object.isFrozen(defaultFeatureSpec.numeric) && Object.isFrozen(defaultFeatureSpec.categorical)).toBe(true);
  });

  it.each<[unknown, RegExp]>([
    [null, /^features must be an object/],
    [{ ...defaultFeatureSpec, numeric: { transform: 'log' } }, /features.numeric.missingIndicator must be true or false, got undefined/],
    [{ ...defaultFeatureSpec, categorical: { buckets: 0, seed: 0 } }, /features.categorical.buckets .*got 0/],
  ])('rejects %j naming the field', (bad, message) => {
    expect(() => checkFeatureSpec(bad as FeatureSpec)).toThrow(message);
  });
});
