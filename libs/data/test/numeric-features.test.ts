import { describe, expect, it } from 'vitest';
import { applyNumeric, checkNumericSpec, fitNumeric, logCount, type Dataset, type NumericSpec } from '../src/index.js';

const NaN_ = Number.NaN;

/** A raw table: columns a, b, c given row by row, NaN for missing. */
function raw(rows: number[][]): Dataset {
  return {
    name: 'raw',
    rows: rows.length,
    width: 3,
    outputs: 1,
    features: Float32Array.from(rows.flat()),
    labels: new Float32Array(rows.length),
    featureNames: ['a', 'b', 'c'],
  };
}

// a: 1, missing, 3, 5 (mean 3, population std √(8/3)); b: constant 10 (std 0); c: -2, 0, missing, 7.
const train = raw([
  [1, 10, -2],
  [NaN_, 10, 0],
  [3, 10, NaN_],
  [5, NaN_, 7],
]);
const spec = (transform: NumericSpec['transform'], missingIndicator = false): NumericSpec => ({ transform, missingIndicator });
const column = (d: Dataset, j: number) => Array.from({ length: d.rows }, (_, r) => d.features[r * d.width + j]!);

describe('logCount', () => {
  it('is log1p of max(x, 0)', () => {
    expect(logCount(0)).toBe(0);
    expect(logCount(-5)).toBe(0);
    expect(logCount(Math.E - 1)).toBeCloseTo(1, 15);
  });
});

describe('fitNumeric / applyNumeric', () => {
  it("'none' keeps values and turns a missing one into 0", () => {
    const out = applyNumeric(fitNumeric(spec('none'), train), train);
    expect(column(out, 0)).toEqual([1, 0, 3, 5]);
    expect(column(out, 2)).toEqual([-2, 0, 0, 7]);
    expect(out.width).toBe(3);
    expect(out.featureNames).toEqual(['a', 'b', 'c']);
  });

  it("'log' is log1p(max(x, 0)) with missing values 0", () => {
    const out = applyNumeric(fitNumeric(spec('log'), train), train);
    column(out, 0).forEach((x, r) => expect(x).toBeCloseTo([0.6931472, 0, 1.3862944, 1.7917595][r]!, 6));
    column(out, 2).forEach((x, r) => expect(x).toBeCloseTo([0, 0, 0, 2.0794415][r]!, 6));
  });

  it("'standardize' uses the mean and population std of present values; a constant column is only centred", () => {
    const fit = fitNumeric(spec('standardize'), train);
    expect(fit.mean).toEqual([3, 10, 5 / 3]);
    expect(fit.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 6);
    expect(fit.std[1]).toBe(1);
    const out = applyNumeric(fit, train);
    column(out, 0).forEach((x, r) => expect(x).toBeCloseTo([-1.2247449, 0, 0, 1.2247449][r]!, 6));
    expect(column(out, 1)).toEqual([0, 0, 0, 0]);
  });

  it("'log-standardize' standardizes the logged values", () => {
    const fit = fitNumeric(spec('log-standardize'), train);
    expect(fit.mean[0]).toBeCloseTo(1.2904003, 6);
    expect(fit.std[0]).toBeCloseTo(0.4536033, 6);
    expect(applyNumeric(fit, train).features[0]).toBeCloseTo(-1.316686, 5);
  });

  it('applies the training statistics to another set', () => {
    const fit = fitNumeric(spec('standardize'), train);
    const evaluation = applyNumeric(fit, raw([[7, 12, NaN_]]));
    expect(evaluation.features[0]).toBeCloseTo(2.4494897, 6);
    expect(evaluation.features[1]).toBe(2);
    expect(evaluation.features[2]).toBe(0);
  });

  it('appends one 0/1 missing indicator per column, named <column>:missing', () => {
    const out = applyNumeric(fitNumeric(spec('log', true), train), train);
    expect(out.width).toBe(6);
    expect(out.featureNames).toEqual(['a', 'b', 'c', 'a:missing', 'b:missing', 'c:missing']);
    expect([...out.features.subarray(3, 6)]).toEqual([0, 0, 0]);
    expect([...out.features.subarray(9, 12)]).toEqual([1, 0, 0]);
    expect(column(out, 5)).toEqual([0, 0, 1, 0]);
    expect(out.features.length).toBe(4 * 6);
  });

  it('gives a column without present values mean 0 and std 1', () => {
    const empty = raw([[NaN_, 1, 2]]);
    const fit = fitNumeric(spec('standardize'), empty);
    expect([fit.mean[0], fit.std[0]]).toEqual([0, 1]);
  });

  it('records a plain, JSON-round-trippable fit and keeps categorical ids', () => {
    const withCategories = { ...train, categories: Uint32Array.of(1, 0, 2, 3), buckets: [4], categoryNames: ['k'] };
    const fit = fitNumeric(spec('standardize', true), withCategories);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
    expect(applyNumeric(fit, withCategories).categories).toBe(withCategories.categories);
  });

  it('refuses a dataset with other columns than the fit', () => {
    const fit = fitNumeric(spec('none'), train);
    expect(() => applyNumeric(fit, { ...train, featureNames: ['a', 'c', 'b'] })).toThrow(/dataset columns must be the fitted columns a,b,c, got a,c,b/);
  });

  it.each<[unknown, RegExp]>([
    [{ transform: 'zscore', missingIndicator: false }, /numeric.transform must be one of none, log, standardize, log-standardize, got zscore/],
    [{ transform: 'log', missingIndicator: 'yes' }, /numeric.missingIndicator .*got yes/],
    [undefined, /numeric must be an object/],
  ])('rejects the spec %j naming the field', (bad, message) => {
    expect(() => checkNumericSpec(bad as NumericSpec)).toThrow(message);
    expect(() => fitNumeric(bad as NumericSpec, train)).toThrow(RangeError);
  });
});
