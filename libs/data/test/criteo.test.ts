import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { criteoColumns, criteoSource, DataFileError, detectCriteoLayout, readCriteo, readCsvTable, type HashSpec } from '../src/index.js';
import { sharedDatasets, writeText } from './fixtures.js';

const KAGGLE_10K = path.join(sharedDatasets, 'criteo_kaggle_10k/criteo_sampled_data_10k.csv');
const DEEPCTR_200 = path.join(sharedDatasets, 'criteo_deepctr_200/criteo_sample.txt');
const hash: HashSpec = { buckets: 1024, seed: 0 };
const bytes = (a: Float32Array | Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const row = (values: Float32Array | Uint32Array, r: number, width: number) => [...values.subarray(r * width, (r + 1) * width)];

/** The Kaggle text layout of the CSV copy: tabs, no header, integers without the ".0" pandas added. */
function toKaggleText(csv: string): string {
  const lines = csv.trimEnd().split('\n').slice(1);
  return `${lines.map((l) => l.split(',').map((v) => v.replace(/^(-?\d+)\.0$/, '$1')).join('\t')).join('\n')}\n`;
}

describe('Criteo', () => {
  const dir = useTempDir('churnlab-criteo-');

  it('has 40 columns: label, I1…I13, C1…C26', () => {
    expect(criteoColumns).toHaveLength(40);
    expect([criteoColumns[0], criteoColumns[1], criteoColumns[13], criteoColumns[14], criteoColumns[39]]).toEqual(['label', 'I1', 'I13', 'C1', 'C26']);
  });

  it('reads the 10k CSV copy: 9,999 rows, 2,181 clicks and the cells of rows 1, 4 and 9,999 as in the file', async () => {
    const { data } = await readCsvTable(criteoSource(KAGGLE_10K, 'csv'), { hash });
    expect([data.rows, data.width, data.outputs, data.buckets!.length]).toEqual([9999, 13, 1, 26]);
    expect(data.labels.reduce((s, y) => s + y, 0)).toBe(2181);
    // Line 2: 0,1.0,1,5.0,0.0,1382.0,4.0,15.0,2.0,181.0,1.0,2.0,,2.0,68fd1e64,80e26c9b,…,21ddcdc9,b1252a9d,07b5194c,,3a171ecb,…
    expect(data.labels[0]).toBe(0);
    expect(row(data.features, 0, 13)).toEqual([1, 1, 5, 0, 1382, 4, 15, 2, 181, 1, 2, NaN, 2]);
    const first = row(data.categories!, 0, 26);
    expect([first[0], first[1], first[21]]).toEqual([158, 899, 0]); // 68fd1e64 (C1), 80e26c9b (C2), empty C22
    expect(first.every((id, c) => c === 21 || (id >= 1 && id < 1024))).toBe(true);
    // Line 5: 0,,893,,,4392.0,,0.0,0.0,0.0,,0.0,,,68fd1e64,…,1e88c74f,74ef3502,,,6b3a5ca6,,3a171ecb,9117a34a,,
    expect(row(data.features, 3, 13)).toEqual([NaN, 893, NaN, NaN, 4392, NaN, 0, 0, 0, NaN, 0, NaN, NaN]);
    const fourth = row(data.categories!, 3, 26);
    expect(fourth[0]).toBe(158);
    expect([fourth[18], fourth[19], fourth[21], fourth[24], fourth[25]]).toEqual([0, 0, 0, 0, 0]);
    // Line 10000: 1,6.0,2,4.0,7.0,27.0,7.0,6.0,7.0,7.0,1.0,1.0,,7.0,05db9164,…,25c83c98,,7dab17c2,…
    expect(data.labels[9998]).toBe(1);
    expect(row(data.features, 9998, 13)).toEqual([6, 2, 4, 7, 27, 7, 6, 7, 7, 1, 1, NaN, 7]);
    expect(row(data.categories!, 9998, 26)[5]).toBe(0);
    // Column counts checked with awk: I12 is missing in 7,734 rows.
    expect(Array.from({ length: data.rows }, (_, r) => data.features[r * 13 + 11]).filter(Number.isNaN)).toHaveLength(7734);
  });

  it('reads the Kaggle tab-separated layout to the same table', async () => {
    const tsv = writeText(dir(), 'train.txt', toKaggleText(readFileSync(KAGGLE_10K, 'utf8')));
    expect(await detectCriteoLayout(tsv)).toBe('tsv');
    expect(await detectCriteoLayout(KAGGLE_10K)).toBe('csv');
    const fromTsv = (await readCsvTable(criteoSource(tsv, 'tsv'), { hash })).data;
    const fromCsv = (await readCsvTable(criteoSource(KAGGLE_10K, 'csv'), { hash })).data;
    expect(fromTsv.rows).toBe(9999);
    for (const key of ['features', 'categories', 'labels'] as const) expect(bytes(fromTsv[key]!).equals(bytes(fromCsv[key]!))).toBe(true);
  });

  it('reads the DeepCTR sample: 200 rows, 49 clicks', async () => {
    const { data } = await readCsvTable(criteoSource(DEEPCTR_200, 'csv'), { hash });
    expect(data.rows).toBe(200);
    expect(data.labels.reduce((s, y) => s + y, 0)).toBe(49);
  });

  it('readCriteo detects the layout, splits 80/20 and gives log counts with missing indicators', async () => {
    const data = await readCriteo(KAGGLE_10K, { seed: 3, features: { numeric: { transform: 'log', missingIndicator: true }, categorical: { buckets: 100, seed: 5 } } });
    expect([data.train.rows, data.eval.rows]).toEqual([7999, 2000]);
    expect(data.train.name).toBe('criteo/train');
    expect(data.train.width).toBe(26);
    expect(data.train.featureNames[13]).toBe('I1:missing');
    expect(data.train.buckets).toEqual(new Array(26).fill(100));
    expect(data.source.delimiter).toBe(',');
    // log1p(max(x, 0)) ≥ 0 although I2 holds negative values.
    expect(data.train.features.reduce((m, x) => Math.min(m, x))).toBe(0);
    expect(data.eval.categories!.reduce((m, x) => Math.max(m, x))).toBe(99);
    expect(data.train.labels.reduce((s, y) => s + y, 0) + data.eval.labels.reduce((s, y) => s + y, 0)).toBe(2181);
  });

  it("refuses an integer feature beyond float32's range in either layout, naming file:line and the column", async () => {
    const cells = ['0', '1e39', ...Array.from({ length: 12 }, () => '1'), ...Array.from({ length: 26 }, () => 'ab')];
    const tsv = writeText(dir(), 'huge.txt', `${cells.join('\t').replace('1e39', '1')}\n${cells.join('\t')}\n`);
    await expect(readCsvTable(criteoSource(tsv, 'tsv'), { hash })).rejects.toThrow(/huge\.txt:2, column I1: got "1e39", beyond float32's range/);
    const csv = writeText(dir(), 'huge.csv', `${criteoColumns.join(',')}\n${cells.join(',')}\n`);
    await expect(readCsvTable(criteoSource(csv, 'csv'), { hash })).rejects.toThrow(/huge\.csv:2, column I1: got "1e39", beyond float32's range/);
  });

  it('refuses a file in neither layout', async () => {
    const other = writeText(dir(), 'other.csv', 'a,b\n1,2\n');
    await expect(detectCriteoLayout(other)).rejects.toThrow(DataFileError);
    await expect(readCriteo(other, { seed: 1, features: { numeric: { transform: 'none', missingIndicator: false }, categorical: hash } })).rejects.toThrow(
      /other\.csv:1: got "a,b", expected a Criteo file/,
    );
  });

  it('refuses a gzip-compressed file, whether the layout is detected or given', async () => {
    const compressed = path.join(dir(), 'train.txt.gz');
    writeFileSync(compressed, gzipSync(readFileSync(DEEPCTR_200)));
    const expected = `${compressed}: gzip-compressed, expected an uncompressed text file (decompress it first, e.g. with gunzip)`;
    await expect(detectCriteoLayout(compressed)).rejects.toThrow(expected);
    await expect(readCsvTable(criteoSource(compressed, 'tsv'), { hash })).rejects.toThrow(expected);
  });

  it('says when the first line does not end within the bytes read, whose length the message gives', async () => {
    const long = writeText(dir(), 'long.csv', 'x'.repeat(10_000));
    await expect(detectCriteoLayout(long)).rejects.toThrow(/long\.csv:1: no line end in the first 4096 bytes, got "x{40}"… \(4096 characters\), expected a Criteo file/);
  });
});
