import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedTableFile, cacheKey, DataFileError, readCsv, resolveCsvSource, type CsvSource, type TableOptions } from '../src/index.js';
import { readTableFile } from '../src/readers/csv-table.js';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { sharedDatasets, writeText } from './fixtures.js';

const tmp = useTempDir('churnlab-cache-');
const options: TableOptions = { hash: { buckets: 64, seed: 3 } };

/** A CSV of `rows` rows with a numeric, a categorical (some missing) and a binary label column. */
function table(rows: number, name = 'clicks.csv'): { file: string; source: ReturnType<typeof resolveCsvSource> } {
  const lines = Array.from({ length: rows }, (_, i) => `${(i * 0.37) % 50},${i % 7 === 0 ? '' : `c${i % 13}`},${i % 3 === 0 ? 'yes' : 'no'}`);
  const file = writeText(tmp(), name, ['age,city,clicked', ...lines].join('\n') + '\n');
  const source: CsvSource = { format: 'csv', path: file, header: true, label: { column: 'clicked', positive: ['yes'] }, numeric: ['age'], categorical: ['city'] };
  return { file, source: resolveCsvSource(source) };
}

const cacheDir = () => path.join(tmp(), 'cache');

describe('the binary data cache', () => {
  it('converts on the first read and loads on the next, giving exactly the rows of the text reader, across chunks of 65,536 rows', async () => {
    const { file, source } = table(150_000);
    const direct = await readTableFile(file, 0, source, options);
    const first = await cachedTableFile(file, 0, source, options, cacheDir());
    const second = await cachedTableFile(file, 0, source, options, cacheDir());
    expect([first.hit, second.hit]).toEqual([false, true]);
    expect(second.cacheFile).toBe(first.cacheFile);
    for (const got of [first, second]) {
      expect(got.data.rows).toBe(150_000);
      expect(got.data.features).toEqual(direct.data.features);
      expect(got.data.categories).toEqual(direct.data.categories);
      expect(got.data.labels).toEqual(direct.data.labels);
      expect(got.data).toMatchObject({ width: 1, outputs: 1, buckets: [64], categoryNames: ['city'], featureNames: ['age'] });
    }
    expect(readdirSync(cacheDir())).toContain(path.basename(first.cacheFile));
    expect(readdirSync(cacheDir()).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('is keyed by the file content and by every decoding setting', async () => {
    const { file, source } = table(100);
    const key = await cacheKey(file, 0, source, options);
    expect(await cacheKey(file, 0, source, options)).toBe(key);
    expect(await cacheKey(file, 0, source, { hash: { buckets: 65, seed: 3 } })).not.toBe(key);
    expect(await cacheKey(file, 0, source, { ...options, skipBadRows: true })).not.toBe(key);
    expect(await cacheKey(file, 0, { ...source, missing: ['?'] }, options)).not.toBe(key);
    writeFileSync(file, readFileSync(file, 'utf8').replace('c1,', 'c2,'));
    expect(await cacheKey(file, 0, source, options)).not.toBe(key);
  });

  it('refuses a damaged cache file with a DataFileError naming it and saying how to rebuild it', async () => {
    const { file, source } = table(500);
    const { cacheFile } = await cachedTableFile(file, 0, source, options, cacheDir());
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 100));
    const error = await cachedTableFile(file, 0, source, options, cacheDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(cacheFile);
    expect((error as Error).message).toMatch(/corrupt cache file.*delete it and it is rebuilt/);
  });

  it('leaves no cache and no temporary file when the conversion meets a bad row', async () => {
    const { file, source } = table(100);
    writeFileSync(file, readFileSync(file, 'utf8') + 'old,c1,no\n');
    const dir = path.join(tmp(), 'cache-of-a-bad-file');
    await expect(cachedTableFile(file, 0, source, options, dir)).rejects.toThrow(/column age: got "old"/);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('reads the Criteo sample through the cache into the same train and eval sets as without it', async () => {
    const criteo = path.join(sharedDatasets, 'criteo_kaggle_10k', 'criteo_sampled_data_10k.csv');
    const source: CsvSource = { format: 'csv', path: criteo, header: true, label: { column: 'label', positive: ['1'], negative: ['0'] }, numeric: ['I1', 'I2'], categorical: ['C1', 'C2'] };
    const settings = { seed: 1, features: { numeric: { transform: 'log-standardize' as const, missingIndicator: true }, categorical: { buckets: 128, seed: 0 } } };
    const plain = await readCsv(source, settings);
    const cached = await readCsv(source, { ...settings, cacheDir: cacheDir() });
    expect(cached.train.features).toEqual(plain.train.features);
    expect(cached.eval.categories).toEqual(plain.eval.categories);
    expect(cached.train.labels).toEqual(plain.train.labels);
  });
});
