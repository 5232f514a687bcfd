import { describe, expect, it } from 'vitest';
import { defaultEvalFraction, defaultMissing, resolveCsvSource, type CsvSource } from '../src/index.js';

const base: CsvSource = {
  format: 'csv',
  path: 'people.csv',
  header: true,
  label: { column: 'label', positive: ['yes'] },
  numeric: ['age'],
  categorical: ['color'],
};

describe('resolveCsvSource', () => {
  it('fills in the delimiter, the missing tokens and a 0.2 split, leaving the rest as given', () => {
    expect(resolveCsvSource(base)).toEqual({ ...base, delimiter: ',', missing: ['', '?', 'NA'], split: { eval: 0.2 } });
    expect(defaultMissing).toEqual(['', '?', 'NA']);
    expect(defaultEvalFraction).toBe(0.2);
  });

  it('keeps an eval file instead of a split, and the values given', () => {
    const source: CsvSource = { ...base, delimiter: '\t', missing: ['-'], eval: { path: 'test.csv', skipRows: 1 } };
    expect(resolveCsvSource(source)).toEqual(source);
    expect(resolveCsvSource({ ...base, split: { eval: 0.5 } }).split).toEqual({ eval: 0.5 });
  });

  it('accepts a file without header whose columns name every used column', () => {
    const source: CsvSource = { ...base, header: false, columns: ['age', 'color', 'label'] };
    expect(resolveCsvSource(source).columns).toEqual(['age', 'color', 'label']);
  });

  it('accepts K classes', () => {
    expect(resolveCsvSource({ ...base, label: { column: 'label', classes: ['a', 'b', 'c'] } }).label).toEqual({ column: 'label', classes: ['a', 'b', 'c'] });
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown key', { ...base, seperator: ';' }, /source key must be one of format, path, .*got seperator/],
    ['another format', { ...base, format: 'parquet' }, /format must be 'csv', got parquet/],
    ['an empty path', { ...base, path: '' }, /path must be a non-empty string/],
    ['a two-character delimiter', { ...base, delimiter: ';;' }, /delimiter must be one character .*got ";;"/],
    ['a quote delimiter', { ...base, delimiter: '"' }, /delimiter must be one character other than a quote/],
    ['a non-boolean header', { ...base, header: 'yes' }, /header must be true or false, got yes/],
    ['columns beside a header', { ...base, columns: ['a', 'b'] }, /columns must be left out when the file has a header/],
    ['no columns without a header', { ...base, header: false }, /columns must be a list of column names when header is false/],
    ['duplicate columns', { ...base, header: false, columns: ['age', 'age', 'label'] }, /columns\[1\] must be a value not listed before, got age/],
    ['a used column not among columns', { ...base, header: false, columns: ['age', 'label'] }, /categorical\[0\] must be one of the columns age, label, got color/],
    ['a label without a column', { ...base, label: { positive: ['1'] } }, /label.column must be a non-empty string/],
    ['a label with no values', { ...base, label: { column: 'label', positive: [] } }, /label.positive must be a non-empty list/],
    ['a value both positive and negative', { ...base, label: { column: 'label', positive: ['1'], negative: ['0', '1'] } }, /label.negative must be values not also listed as positive, got 1/],
    ['classes and positive together', { ...base, label: { column: 'label', classes: ['a', 'b'], positive: ['a'] } }, /label key must be one of column, classes, got positive/],
    ['a single class', { ...base, label: { column: 'label', classes: ['a'] } }, /label.classes must be at least two classes/],
    ['no feature columns', { ...base, numeric: [], categorical: [] }, /numeric must be at least one numeric or categorical column/],
    ['a column both numeric and categorical', { ...base, categorical: ['age'] }, /categorical\[0\] must be a column not also listed as numeric, got age/],
    ['the label as a feature', { ...base, numeric: ['age', 'label'] }, /numeric\[1\] must be a column other than the label, got label/],
    ['a non-string missing token', { ...base, missing: [0] }, /missing\[0\] must be a string, got 0/],
    ['eval and split together', { ...base, eval: { path: 't.csv' }, split: { eval: 0.1 } }, /eval must be either eval .* or split, not both/],
    ['a negative skipRows', { ...base, eval: { path: 't.csv', skipRows: -1 } }, /eval.skipRows .*got -1/],
    ['a split of 1', { ...base, split: { eval: 1 } }, /split.eval must be a fraction in \(0, 1\), got 1/],
  ])('rejects %s with a RangeError naming the field', (_, source, message) => {
    expect(() => resolveCsvSource(source as CsvSource)).toThrow(RangeError);
    expect(() => resolveCsvSource(source as CsvSource)).toThrow(message);
  });
});
