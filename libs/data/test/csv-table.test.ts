import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { DataFileError, readCsvTable, type CsvSource, type HashSpec, type TableOptions } from '../src/index.js';
import { writeText } from './fixtures.js';

const hash: HashSpec = { buckets: 1024, seed: 0 };
const options: TableOptions = { hash };
const PEOPLE = 'id,age,color,income,label\n1,20,red,1.5,yes\n2,,blue,2.5,no\n3,40,"red, dark",?,yes\n4,30,NA,0.5,no\n';

/** The error a read fails with. */
async function failure(read: Promise<unknown>): Promise<DataFileError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataFileError);
  return error as DataFileError;
}

describe('readCsvTable', () => {
  const dir = useTempDir('churnlab-table-');
  const people = (text = PEOPLE, extra: Partial<CsvSource> = {}): CsvSource => ({
    format: 'csv',
    path: writeText(dir(), 'people.csv', text),
    header: true,
    label: { column: 'label', positive: ['yes'], negative: ['no'] },
    numeric: ['age', 'income'],
    categorical: ['color'],
    ...extra,
  });

  it('reads raw numeric values (NaN when missing), hashed categorical ids (0 when missing) and 0/1 labels', async () => {
    const { data, skippedRows } = await readCsvTable(people(), options);
    expect(data.name).toBe('people');
    expect([data.rows, data.width, data.outputs]).toEqual([4, 2, 1]);
    expect([...data.features]).toEqual([20, 1.5, NaN, 2.5, 40, NaN, 30, 0.5]);
    expect([...data.labels]).toEqual([1, 0, 1, 0]);
    // Bucket ids of red, blue and "red, dark" for feature 0 (see hash-buckets.test.ts); NA is missing.
    expect([...data.categories!]).toEqual([619, 100, 732, 0]);
    expect(data.buckets).toEqual([1024]);
    expect(data.featureNames).toEqual(['age', 'income']);
    expect(data.categoryNames).toEqual(['color']);
    expect(skippedRows).toBe(0);
  });

  it('reads a tab-separated file without header by its columns, with K classes', async () => {
    const path = writeText(dir(), 'iris.tsv', '5.1\t3.5\tsetosa\n7.0\t3.2\tversicolor\n6.3\t3.3\tvirginica\n4.9\t3.0\tsetosa\n');
    const source: CsvSource = {
      format: 'csv',
      path,
      delimiter: '\t',
      header: false,
      columns: ['sl', 'sw', 'species'],
      label: { column: 'species', classes: ['setosa', 'versicolor', 'virginica'] },
      numeric: ['sl', 'sw'],
      categorical: [],
    };
    const { data } = await readCsvTable(source, options);
    expect([data.rows, data.width, data.outputs]).toEqual([4, 2, 3]);
    expect([...data.labels]).toEqual([0, 1, 2, 0]);
    expect([...data.features]).toEqual([5.1, 3.5, 7.0, 3.2, 6.3, 3.3, 4.9, 3.0].map(Math.fround));
    expect('categories' in data).toBe(false);
  });

  it('with positive values only, every other non-missing label is negative', async () => {
    const text = 'age,color,income,label\n30,a,1,>50K\n20,b,2,<=50K\n40,c,3,>50K.\n50,d,4,whatever\n';
    const { data } = await readCsvTable(people(text, { label: { column: 'label', positive: ['>50K', '>50K.'] } }), options);
    expect([...data.labels]).toEqual([1, 0, 1, 0]);
    const missing = await failure(readCsvTable(people(`${text}60,e,5,?\n`, { label: { column: 'label', positive: ['>50K'] } }), options));
    expect(missing.message).toMatch(/people\.csv:6, column label: got "\?", expected a label that is not missing/);
  });

  it('parses decimal numbers strictly', async () => {
    const text = 'age,color,income,label\n1e3,a,-2.5,yes\n+4,a,.5,no\n';
    const { data } = await readCsvTable(people(text), options);
    expect([...data.features]).toEqual([1000, -2.5, 4, 0.5]);
    for (const bad of ['0x10', 'Infinity', '1,5', '12abc', 'NaN', '--1']) {
      const error = await failure(readCsvTable(people(`age,color,income,label\n1,a,"${bad}",yes\n`), options));
      expect(error.value).toBe(bad);
    }
  });

  it('accepts the largest magnitudes float32 holds and refuses the first decimals that round beyond them', async () => {
    const largest = 3.4028234663852886e38;
    const text = 'age,color,income,label\n3.4028234663852886e38,a,-3.4e38,yes\n1e-50,a,3.4028235e38,no\n';
    const { data } = await readCsvTable(people(text), options);
    expect([...data.features]).toEqual([largest, Math.fround(-3.4e38), 0, largest]);
    // Halfway between the largest float32 and the next power of two (3.40282357e38) rounds to Infinity.
    for (const beyond of ['3.4028236e38', '-3.4028236e38', '1e39']) {
      const error = await failure(readCsvTable(people(`age,color,income,label\n1,a,${beyond},yes\n`), options));
      expect(error.message).toContain(`got "${beyond}", beyond float32's range`);
    }
  });

  it('honours custom missing tokens', async () => {
    const { data } = await readCsvTable(people('age,color,income,label\n-,-,1,yes\n', { missing: ['-'] }), options);
    expect([...data.features]).toEqual([NaN, 1]);
    expect([...data.categories!]).toEqual([0]);
  });

  it.each<[string, string, Partial<DataFileError>, RegExp]>([
    ['a wrong column count', 'id,age,color,income,label\n1,20,red,1.5,yes\n2,20,red,yes\n', { line: 3, value: '4', expected: '5 columns' }, /people\.csv:3: wrong number of columns, got "4", expected 5 columns$/],
    ['too many columns', 'id,age,color,income,label\n1,20,red,1.5,yes,extra\n', { line: 2, value: '6', expected: '5 columns' }, /people\.csv:2: wrong number of columns, got "6", expected 5 columns$/],
    ['a non-number', 'id,age,color,income,label\n1,abc,red,1.5,yes\n', { line: 2, column: 'age', value: 'abc' }, /people\.csv:2, column age: got "abc", expected a finite number or a missing value \("", "\?", "NA"\)$/],
    ['NaN', 'id,age,color,income,label\n1,NaN,red,1.5,yes\n', { line: 2, column: 'age', value: 'NaN' }, /people\.csv:2, column age: got "NaN", expected a finite number/],
    ['Infinity', 'id,age,color,income,label\n1,2,red,-Infinity,yes\n', { line: 2, column: 'income', value: '-Infinity' }, /people\.csv:2, column income: got "-Infinity", expected a finite number/],
    ['a number too large for float64', 'id,age,color,income,label\n1,2,red,1e999,yes\n', { line: 2, column: 'income', value: '1e999' }, /people\.csv:2, column income: got "1e999", beyond float32's range, expected a number of magnitude up to about 3\.4e38 or a missing value \("", "\?", "NA"\)$/],
    ['a number too large for float32', 'id,age,color,income,label\n1,1e39,red,1.5,yes\n', { line: 2, column: 'age', value: '1e39' }, /people\.csv:2, column age: got "1e39", beyond float32's range, expected a number of magnitude up to about 3\.4e38/],
    ['a number too negative for float32', 'id,age,color,income,label\n1,2,red,-3.5e38,yes\n', { line: 2, column: 'income', value: '-3.5e38' }, /people\.csv:2, column income: got "-3\.5e38", beyond float32's range/],
    ['an unknown label', 'id,age,color,income,label\n1,2,red,1.5,yes\n2,2,red,1.5,no\n3,2,red,1.5,maybe\n', { line: 4, column: 'label', value: 'maybe' }, /people\.csv:4, column label: got "maybe", expected a positive label \("yes"\) or a negative one \("no"\)$/],
  ])('fails on %s with a DataFileError naming file:line, the value and what was expected', async (_, text, fields, message) => {
    const error = await failure(readCsvTable(people(text), options));
    expect(error).toMatchObject(fields);
    expect(error.file).toMatch(/people\.csv$/);
    expect(error.message).toMatch(message);
  });

  it('with skipBadRows skips and counts bad rows, keeping the first messages', async () => {
    const text = `${PEOPLE}5,x,red,1,yes\n6,1,red,1\n7,1,red,1,maybe\n8,50,blue,9,no\n`;
    const { data, skippedRows, skipped } = await readCsvTable(people(text), { ...options, skipBadRows: true });
    expect(data.rows).toBe(5);
    expect(data.features.subarray(8, 10)).toEqual(Float32Array.of(50, 9));
    expect(skippedRows).toBe(3);
    expect(skipped.map((m) => m.match(/people\.csv:(\d+)/)![1])).toEqual(['6', '7', '8']);
  });

  it('reports a delimiter that leaves one column, with a header and without', async () => {
    const tsv = 'age\tcolor\tincome\tlabel\n1\ta\t2\tyes\n';
    const withHeader = await failure(readCsvTable(people(tsv), options));
    expect(withHeader.message).toMatch(/people\.csv:1: the delimiter "," leaves a single column, got "age\\tcolor\\tincome\\tlabel", expected several columns \(is the delimiter right\?\)/);
    const noHeader = await failure(readCsvTable(people('1\ta\t2\tyes\n', { header: false, columns: ['age', 'color', 'income', 'label'] }), { ...options, skipBadRows: true }));
    expect(noHeader.line).toBe(1);
    expect(noHeader.message).toMatch(/leaves a single column/);
  });

  it('names a configured column missing from the header', async () => {
    const error = await failure(readCsvTable(people('id,age,colour,income,label\n1,2,a,3,yes\n'), options));
    expect(error.message).toMatch(/people\.csv:1, column color: no such column, expected a column named in the header: id, age, colour, income, label/);
  });

  it('quotes only the start of a huge cell and its length, so the message stays one short line', async () => {
    const huge = '1'.repeat(5 * 1024 * 1024);
    const error = await failure(readCsvTable(people(`age,color,income,label\n1,a,${huge},yes\n`), options));
    expect(error.value).toBe(huge);
    expect(error.message).toContain(`people.csv:2, column income: got "${'1'.repeat(40)}"… (5242880 characters), `);
    expect(error.message.length).toBeLessThan(300);
  });

  it('refuses a header that names a used column twice', async () => {
    const error = await failure(readCsvTable(people('age,color,age,income,label\n1,a,2,3,yes\n'), options));
    expect(error.message).toMatch(/people\.csv:1, column age: the header names this column twice, expected unique column names/);
  });

  it('fails clearly on a missing file, an empty file, a header alone and a file of bad rows only', async () => {
    const missing = await failure(readCsvTable({ ...people(), path: `${dir()}/absent.csv` }, options));
    expect(missing.message).toMatch(/absent\.csv: no such file/);
    expect((await failure(readCsvTable(people(''), options))).message).toMatch(/people\.csv: the file is empty, expected at least one row/);
    expect((await failure(readCsvTable(people('\n\n'), options))).message).toMatch(/people\.csv: no rows, expected at least one data row/);
    expect((await failure(readCsvTable(people('age,color,income,label\n'), options))).message).toMatch(/people\.csv: only a header, expected at least one data row/);
    const allBad = await failure(readCsvTable(people('age,color,income,label\nx,a,1,yes\n'), { ...options, skipBadRows: true }));
    expect(allBad.message).toMatch(/every row is bad \(1 skipped\)/);
  });

  it('validates the source before reading', async () => {
    await expect(readCsvTable({ ...people(), delimiter: '' }, options)).rejects.toThrow(/delimiter must be one character/);
  });
});
