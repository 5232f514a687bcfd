import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { DataFileError, readCsv, readCsvTable, type CsvReadOptions, type CsvSource } from '../src/index.js';
import { writeText } from './fixtures.js';

const PEOPLE = 'id,age,color,income,label\n1,20,red,1.5,yes\n2,,blue,2.5,no\n3,40,"red, dark",?,yes\n4,30,NA,0.5,no\n';
// A junk first line, as in UCI Adult's test file, then the same header.
const PEOPLE_TEST = '|1x3 "Cross validator\nid,age,color,income,label\n5,50,blue,3.5,no\n';
const options: CsvReadOptions = {
  seed: 1,
  features: { numeric: { transform: 'standardize', missingIndicator: true }, categorical: { buckets: 1024, seed: 0 } },
};
const SQRT_3_2 = Math.sqrt(1.5);

describe('readCsv', () => {
  const dir = useTempDir('churnlab-csv-');
  const source = (extra: Partial<CsvSource> = {}): CsvSource => ({
    format: 'csv',
    path: writeText(dir(), 'people.csv', PEOPLE),
    header: true,
    label: { column: 'label', positive: ['yes'], negative: ['no'] },
    numeric: ['age', 'income'],
    categorical: ['color'],
    ...extra,
  });

  it('standardizes with training statistics, applies them to the eval file, and adds missing indicators', async () => {
    const evalPath = writeText(dir(), 'people-test.csv', PEOPLE_TEST);
    const data = await readCsv(source({ eval: { path: evalPath, skipRows: 1 } }), options);
    // age: 20, –, 40, 30 → mean 30, std √(200/3); income: 1.5, 2.5, –, 0.5 → mean 1.5, std √(2/3).
    expect(data.numeric.mean).toEqual([30, 1.5]);
    expect(data.numeric.std[0]).toBeCloseTo(Math.sqrt(200 / 3), 6);
    expect(data.numeric.std[1]).toBeCloseTo(Math.sqrt(2 / 3), 6);
    const { train, eval: ev } = data;
    expect([train.name, ev.name]).toEqual(['people/train', 'people/eval']);
    expect(train.featureNames).toEqual(['age', 'income', 'age:missing', 'income:missing']);
    const expectedTrain = [-SQRT_3_2, 0, 0, 0, 0, SQRT_3_2, 1, 0, SQRT_3_2, 0, 0, 1, 0, -SQRT_3_2, 0, 0];
    [...train.features].forEach((x, i) => expect(x).toBeCloseTo(expectedTrain[i]!, 6));
    expect([...train.labels]).toEqual([1, 0, 1, 0]);
    expect([...train.categories!]).toEqual([619, 100, 732, 0]);
    expect(ev.rows).toBe(1);
    [...ev.features].forEach((x, i) => expect(x).toBeCloseTo([2.4494897, 2.4494897, 0, 0][i]!, 6));
    expect([...ev.labels]).toEqual([0]);
    expect([...ev.categories!]).toEqual([100]);
    expect(data.source.eval).toEqual({ path: evalPath, skipRows: 1 });
    expect(data.skippedRows).toBe(0);
  });

  it('without an eval file splits by the seed, keeping every row once, and fits on the training part only', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},${i},c${i % 7},${i % 5},${i % 3 === 0 ? 'yes' : 'no'}`);
    const path = writeText(dir(), 'many.csv', `id,age,color,income,label\n${rows.join('\n')}\n`);
    const noTransform = { ...options, features: { ...options.features, numeric: { transform: 'none' as const, missingIndicator: false } } };
    const a = await readCsv(source({ path, split: { eval: 0.3 } }), noTransform);
    expect([a.train.rows, a.eval.rows]).toEqual([35, 15]);
    const ages = [...a.train.features.filter((_, i) => i % 2 === 0), ...a.eval.features.filter((_, i) => i % 2 === 0)].sort((x, y) => x - y);
    expect(ages).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const b = await readCsv(source({ path, split: { eval: 0.3 } }), noTransform);
    expect(b.eval.features).toEqual(a.eval.features);
    const c = await readCsv(source({ path, split: { eval: 0.3 } }), { ...noTransform, seed: 2 });
    expect(c.eval.features).not.toEqual(a.eval.features);
    const standardized = await readCsv(source({ path, split: { eval: 0.3 } }), options);
    const trainAges = a.train.features.filter((_, i) => i % 2 === 0);
    expect(standardized.numeric.mean[0]).toBeCloseTo(trainAges.reduce((s, x) => s + x, 0) / trainAges.length, 10);
    expect(standardized.train.name).toBe('many/train');
  });

  it('defaults to a 0.2 split and takes a name', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},${i},a,1,${i % 2 ? 'yes' : 'no'}`);
    const path = writeText(dir(), 'ten.csv', `id,age,color,income,label\n${rows.join('\n')}\n`);
    const data = await readCsv(source({ path }), { ...options, name: 'ten-rows' });
    expect([data.train.rows, data.eval.rows]).toEqual([8, 2]);
    expect(data.eval.name).toBe('ten-rows/eval');
    expect(data.source.split).toEqual({ eval: 0.2 });
  });

  it('counts bad rows of both files with skipBadRows', async () => {
    const path = writeText(dir(), 'bad.csv', `${PEOPLE}9,x,red,1,yes\n`);
    const evalPath = writeText(dir(), 'bad-test.csv', `${PEOPLE_TEST}6,1,red\n`);
    const data = await readCsv(source({ path, eval: { path: evalPath, skipRows: 1 } }), { ...options, skipBadRows: true });
    expect(data.skippedRows).toBe(2);
    expect(data.skipped).toHaveLength(2);
    expect(data.skipped[1]).toMatch(/bad-test\.csv:4: wrong number of columns/);
    await expect(readCsv(source({ path }), options)).rejects.toThrow(/bad\.csv:6, column age: got "x"/);
  });

  it('refuses a file with a single class', async () => {
    const path = writeText(dir(), 'yes.csv', 'id,age,color,income,label\n1,2,a,3,yes\n2,3,b,4,yes\n');
    const read = readCsv(source({ path }), options);
    await expect(read).rejects.toThrow(DataFileError);
    await expect(readCsv(source({ path }), options)).rejects.toThrow(/yes\.csv, column label: all 2 rows have the label positive, expected rows of at least two classes/);
    const classes = readCsv(source({ path, label: { column: 'label', classes: ['yes', 'no'] } }), options);
    await expect(classes).rejects.toThrow(/all 2 rows have the label "yes"/);
 
    // Through the binary cache too, which it leaves as it found it.
    const cacheDir = join(dir(), 'cache');
    await expect(readCsv(source({ path }), { ...options, cacheDir })).rejects.toThrow(DataFileError);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  });

  it('validates the seed and the feature settings', async () => {
    await expect(readCsv(source(), { ...options, seed: -1 })).rejects.toThrow(/seed .*got -1/);
    await expect(readCsv(source(), { ...options, features: { ...options.features, categorical: { buckets: 1, seed: 0 } } })).rejects.toThrow(/features.categorical.buckets/);
  });

  it('leaves the raw table of readCsvTable untransformed', async () => {
    const { data } = await readCsvTable(source(), { hash: options.features.categorical });
    expect(data.features[0]).toBe(20);
  });
});
