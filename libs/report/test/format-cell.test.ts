import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber } from '../src/format-cell.js';

describe('formatCell', () => {
  it('writes the mean, its standard deviation and its 95% interval with four significant digits', () => {
    expect(formatCell({ mean: 0.123456, std: 0.0012346, ci95: [0.1201, 0.12681], n: 3 })).toBe('0.1235 ± 0.001235 (95%: 0.1201 to 0.1268)');
    expect(formatNumber(12.3456)).toBe('12.35');
  });

  it('says that a single value (one replica pair) has no spread instead of a spread of 0', () => {
    expect(formatCell({ mean: 0.0371, std: null, ci95: null, n: 1 })).toBe('0.0371 (one value: no spread)');
    expect(formatCell({ mean: 0.0371, std: null, ci95: null })).toBe('0.0371 (one value: no spread)');
    // As older results.json files have it: a std of 0 and a zero-width interval with n 1.
    expect(formatCell({ mean: 0.0371, std: 0, ci95: [0.0371, 0.0371], n: 1 })).toBe('0.0371 (one value: no spread)');
  });

  it('writes – for an absent cell or a mean that is not a number', () => {
    expect(formatCell(undefined)).toBe('–');
    expect(formatCell({ mean: Number.NaN, std: Number.NaN, ci95: [Number.NaN, Number.NaN] })).toBe('–');
  });
});
