import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { DataFileError, imageDataset, parseIdx, readIdx } from '../src/index.js';
import { sharedDatasets } from './fixtures.js';

// Three labels 5, 0, 9: magic 0x00000801, count 3.
const LABELS = Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 3, 5, 0, 9);
// Two 2×3 images: magic 0x00000803, dims 2, 2, 3.
const IMAGES = Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 0);

describe('parseIdx', () => {
  it('reads the dimensions (big-endian) and the values', () => {
    expect(parseIdx(LABELS, 'l')).toEqual({ dims: [3], data: Uint8Array.of(5, 0, 9) });
    const images = parseIdx(IMAGES, 'i');
    expect(images.dims).toEqual([2, 2, 3]);
    expect([...images.data]).toEqual([0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 0]);
  });

  it('reads sizes above 255 as big-endian words', () => {
    const bytes = new Uint8Array(8 + 258);
    bytes.set([0, 0, 8, 1, 0, 0, 1, 2]);
    expect(parseIdx(bytes, 'big').dims).toEqual([258]);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a bad magic number', Uint8Array.of(1, 0, 8, 1, 0, 0, 0, 0), /f: magic number 0x01000801, expected an IDX file starting with 0x00 0x00/],
    ['a short file', Uint8Array.of(0, 0), /magic number 0x0000/],
    ['a type other than unsigned byte', Uint8Array.of(0, 0, 0x0d, 1, 0, 0, 0, 0), /IDX data type 0x0d, expected type 0x08 \(unsigned byte\)/],
    ['no dimensions', Uint8Array.of(0, 0, 8, 0), /0 dimensions/],
    ['a cut header', Uint8Array.of(0, 0, 8, 2, 0, 0, 0, 1), /8 bytes, expected a header of 12 bytes for 2 dimensions/],
    ['missing values', LABELS.subarray(0, 10), /2 data bytes, expected 3 for dimensions 3/],
    ['extra values', Uint8Array.of(...LABELS, 7), /4 data bytes, expected 3/],
  ])('rejects %s with a DataFileError', (_, bytes, message) => {
    expect(() => parseIdx(bytes, 'f')).toThrow(DataFileError);
    expect(() => parseIdx(bytes, 'f')).toThrow(message);
  });
});

describe('readIdx', () => {
  const dir = useTempDir('churnlab-idx-');

  it('reads plain and gzip-compressed files alike', async () => {
    const plain = path.join(dir(), 'labels-idx1-ubyte');
    writeFileSync(plain, LABELS);
    writeFileSync(`${plain}.gz`, gzipSync(LABELS));
    expect(await readIdx(plain)).toEqual(parseIdx(LABELS, plain));
    expect(await readIdx(`${plain}.gz`)).toEqual(parseIdx(LABELS, plain));
  });

  it('fails with a DataFileError for a missing file', async () => {
    await expect(readIdx(path.join(dir(), 'absent'))).rejects.toThrow(/absent: no such file/);
  });

  it('names the file and says the gzip stream is truncated when a compressed file is cut short', async () => {
    // The first 20,000 of the 28,881 bytes of the real file, as an interrupted download leaves it.
    const cut = path.join(dir(), 'train-labels-idx1-ubyte.gz');
    writeFileSync(cut, readFileSync(path.join(sharedDatasets, 'mnist/train-labels-idx1-ubyte.gz')).subarray(0, 20_000));
    const read = readIdx(cut);
    await expect(read).rejects.toThrow(DataFileError);
    await expect(read).rejects.toThrow(`${cut}: the gzip stream is truncated (zlib: unexpected end of file), expected a complete gzip file (copy or download it again)`);
  });

  it('names the file and says the gzip stream is corrupt when its data do not match its checksum', async () => {
    const damaged = Buffer.from(gzipSync(LABELS));
    damaged[damaged.length - 8]! ^= 0xff; // the first byte of the CRC-32 in the gzip trailer
    const file = path.join(dir(), 'damaged-idx1-ubyte.gz');
    writeFileSync(file, damaged);
    await expect(readIdx(file)).rejects.toThrow(`${file}: the gzip stream is corrupt (zlib: incorrect data check), expected a complete gzip file`);
  });
});

describe('imageDataset', () => {
  const images = { file: 'img', array: parseIdx(IMAGES, 'img') };
  const labels = { file: 'lab', array: { dims: [2], data: Uint8Array.of(7, 3) } };

  it('flattens images row-major, scales pixels to [0, 1] and keeps the class index as label', () => {
    const d = imageDataset(images, labels, 'tiny');
    expect([d.name, d.rows, d.width, d.outputs]).toEqual(['tiny', 2, 6, 10]);
    expect([...d.features.subarray(0, 6)]).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1].map(Math.fround));
    expect([...d.labels]).toEqual([7, 3]);
    expect(d.featureNames).toEqual(['r0c0', 'r0c1', 'r0c2', 'r1c0', 'r1c1', 'r1c2']);
  });

  it('rejects mismatched counts, a label above 9 and images that are not 3-dimensional', () => {
    expect(() => imageDataset(images, { file: 'lab', array: { dims: [3], data: Uint8Array.of(1, 2, 3) } }, 'x')).toThrow(/lab: dimensions 3, expected one label per image \(2\)/);
    expect(() => imageDataset(images, { file: 'lab', array: { dims: [2], data: Uint8Array.of(1, 10) } }, 'x')).toThrow(/lab: label 10 of image 1, expected a digit 0…9/);
    expect(() => imageDataset({ file: 'img', array: parseIdx(LABELS, 'img') }, labels, 'x')).toThrow(/img: dimensions 3, expected images: count × rows × cols/);
  });
});
