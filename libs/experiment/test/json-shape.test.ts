import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/index.js';
import { checkWholeNumbers, isMapping, valueAt } from '../src/json-shape.js';

describe('isMapping', () => {
  it('is true for objects only, not arrays, null or scalars', () => {
    expect([{}, { a: 1 }, [], null, 3, 'x', undefined].map(isMapping)).toEqual([true, true, false, false, false, false, false]);
  });
});

describe('valueAt', () => {
  it('follows keys and indices, and is undefined where the path leaves the document', () => {
    const doc = { results: [{ pd: { mean: 0.1 } }] };
    expect(valueAt(doc, ['results', 0, 'pd', 'mean'])).toBe(0.1);
    expect(valueAt(doc, ['results', 3, 'pd'])).toBeUndefined();
    expect(valueAt(doc, [])).toBe(doc);
  });
});

describe('checkWholeNumbers', () => {
  it('passes whole numbers at or above the minimum and names the first field that is not one', () => {
    expect(() => checkWholeNumbers({ a: 0, b: 2 }, ['a', 'b'], 0, 'f')).not.toThrow();
    expect(() => checkWholeNumbers({ a: 1, b: 1.5 }, ['a', 'b'], 1, 'f.json')).toThrow(new ConfigError('f.json: b: 1.5 is not allowed; expected a whole number ≥ 1'));
    expect(() => checkWholeNumbers({}, ['a'], 0, 'f')).toThrow('f: a: missing is not allowed; expected a whole number ≥ 0');
  });
});
