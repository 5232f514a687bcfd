import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { toShared } from '../src/index.js';
import { indexedDataset } from './fixtures.js';

describe('toShared', () => {
  it('copies the data into SharedArrayBuffer-backed arrays', () => {
    const d = indexedDataset(6, 3);
    const s = toShared(d);
    expect(s.features.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(s.labels.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(s.features).toEqual(d.features);
    expect(s.labels).toEqual(d.labels);
    expect({ ...s, features: null, labels: null }).toEqual({ ...d, features: null, labels: null });
    s.features[0] = 99;
    expect(d.features[0]).toBe(0);
  });

  it('copies categorical ids too, and adds none where there are none', () => {
    const d = { ...indexedDataset(2, 1), categories: Uint32Array.of(3, 4), buckets: [8], categoryNames: ['c'] };
    const s = toShared(d);
    expect(s.categories!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(s.categories).toEqual(d.categories);
    expect(s.categories).toBeInstanceOf(Uint32Array);
    expect('categories' in toShared(indexedDataset(2, 1))).toBe(false);
  });

  it('copies only the rows of a slice view', () => {
    const d = indexedDataset(6, 2);
    const slice = { ...d, rows: 2, features: d.features.subarray(4, 8), labels: d.labels.subarray(2, 4) };
    const s = toShared(slice);
    expect([...s.features]).toEqual([4, 5, 6, 7]);
    expect(s.features.buffer.byteLength).toBe(16);
  });

  it('is seen by a worker thread without a copy: its writes show up here', async () => {
    const s = toShared(indexedDataset(4, 2));
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       workerData.labels[3] = 42;
       parentPort.postMessage('done');`,
      { eval: true, workerData: s },
    );
    await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(s.labels[3]).toBe(42);
  });
});
