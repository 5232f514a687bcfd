import { describe, expect, it } from 'vitest';
import { shownValue } from '../src/config-error.js';

describe('shownValue', () => {
  it.each([
    [1.5, '1.5'],
    ['four', '"four"'],
    [[1, 2], '[1,2]'],
    [null, 'null'],
    [Number.NaN, 'NaN'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [undefined, 'missing'],
  ])('shows %s as %s', (value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });
});
