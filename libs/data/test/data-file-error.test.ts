import { describe, expect, it } from 'vitest';
import { DataFileError } from '../src/index.js';

describe('DataFileError', () => {
  it('names file:line, the column, the value and what was expected, and keeps them as fields', () => {
    const e = new DataFileError({ file: 'a.csv', line: 12, column: 'age', value: 'abc', expected: 'a number' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DataFileError');
    expect(e.message).toBe('a.csv:12, column age: got "abc", expected a number');
    expect([e.file, e.line, e.column, e.value, e.expected]).toEqual(['a.csv', 12, 'age', 'abc', 'a number']);
  });

  it('leaves out the parts that are not known and puts the problem first', () => {
    expect(new DataFileError({ file: 'a.csv', problem: 'no such file', expected: 'an existing file' }).message).toBe('a.csv: no such file, expected an existing file');
    expect(new DataFileError({ file: 'a.csv', line: 3, problem: 'wrong number of columns', value: '4', expected: '5 columns' }).message).toBe(
      'a.csv:3: wrong number of columns, got "4", expected 5 columns',
    );
  });

  it('says why a value is refused right after it, when its text alone does not show it', () => {
    expect(new DataFileError({ file: 'a.csv', line: 3, column: 'age', value: '1e39', reason: "beyond float32's range", expected: 'a smaller number' }).message).toBe(
      'a.csv:3, column age: got "1e39", beyond float32\'s range, expected a smaller number',
    );
  });

  it('quotes values so empty and blank ones are visible', () => {
    expect(new DataFileError({ file: 'f', line: 1, value: '', expected: 'x' }).message).toBe('f:1: got "", expected x');
  });

  it('shows only the start of a long value and its length, and keeps the whole value as a field', () => {
    const value = '9'.repeat(5_000_000);
    const e = new DataFileError({ file: 'f.csv', line: 2, column: 'age', value, expected: 'a number' });
    expect(e.message).toBe(`f.csv:2, column age: got "${'9'.repeat(40)}"… (5000000 characters), expected a number`);
    expect(e.value).toBe(value);
  });
});
