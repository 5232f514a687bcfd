import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { addInto, adoptKernelMemory, kernelMemoryOf, sharedFloat32Array } from '../src/index.js';
import { MAX_PAGES } from '../src/elementwise-module.js';
import { inPlaceKernels, kernelMemoryPages } from '../src/kernel-memory.js';
import { webAssembly } from '../src/webassembly.js';

describe('sharedFloat32Array', () => {
  it('holds the zeros asked for in a SharedArrayBuffer', () => {
    const values = sharedFloat32Array(100_003);
    expect(values.length).toBe(100_003);
    expect(values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(values.every((v) => v === 0)).toBe(true);
  });

  it('is updated in place when every operand lies in it, and through the scratch memory otherwise', () => {
    const memory = sharedFloat32Array(1_000);
    const other = sharedFloat32Array(1_000);
    expect(inPlaceKernels(memory.subarray(0, 10), memory.subarray(500, 510))).toBeDefined();
    expect(inPlaceKernels(memory.subarray(0, 10), other.subarray(0, 10))).toBeUndefined();
    expect(inPlaceKernels(memory.subarray(0, 10), new Float32Array(10))).toBeUndefined();
    expect(inPlaceKernels(new Float32Array(10), memory.subarray(0, 10))).toBeUndefined();
    expect(inPlaceKernels(memory.subarray(0, 10), memory.subarray(20, 30), memory.subarray(40, 50))).toBeDefined();
    expect(inPlaceKernels(memory.subarray(0, 10), memory.subarray(20, 30), other.subarray(0, 10))).toBeUndefined();
  });

  it('adds operands from two different memories correctly', () => {
    const left = sharedFloat32Array(20_000).fill(1.5);
    const right = sharedFloat32Array(20_000).fill(0.25);
    expect(addInto(left, right).every((v) => v === 1.75)).toBe(true);
  });

  it('is seen and written by another thread, and adds what that thread wrote', async () => {
    const values = sharedFloat32Array(40_000);
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       for (let i = 0; i < workerData.length; i++) workerData[i] = i;
       parentPort.postMessage(workerData.buffer instanceof SharedArrayBuffer);`,
      { eval: true, workerData: values },
    );
    const shared = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(shared).toBe(true);
    addInto(values.subarray(0, 20_000), values.subarray(20_000));
    expect(values[0]).toBe(20_000);
    expect(values[19_999]).toBe(19_999 + 39_999);
  });

  it('hands its memory to another thread, whose kernels then update it in place', () => {
    const values = sharedFloat32Array(1_000);
    expect(kernelMemoryOf(values.subarray(10))?.buffer).toBe(values.buffer);
    expect(kernelMemoryOf(new Float32Array(10))).toBeUndefined();
    // A memory made elsewhere, as a thread receives one: unknown to the kernels until adopted.
    const posted = new webAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const seen = new Float32Array(posted.buffer, 0, 100);
    expect(inPlaceKernels(seen)).toBeUndefined();
    expect(adoptKernelMemory(posted)).toBe(posted.buffer);
    expect(inPlaceKernels(seen.subarray(0, 50), seen.subarray(50))).toBeDefined();
    expect(kernelMemoryOf(seen)).toBe(posted);
    seen.fill(2);
    addInto(seen.subarray(0, 50), seen.subarray(50));
    expect(seen[0]).toBe(4);
    expect(seen[50]).toBe(2);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a length of %s, naming it', (length) => {
    expect(() => sharedFloat32Array(length)).toThrow(new RegExp(`length ${length} is not a whole number of elements`));
  });

  it('takes whole 64 KiB pages, and leaves vectors a WebAssembly memory cannot hold to plain shared memory', () => {
    expect([0, 1, 16_384, 16_385].map(kernelMemoryPages)).toEqual([1, 1, 1, 2]);
    expect(MAX_PAGES * 65_536).toBeLessThan(2 ** 32);
    expect(kernelMemoryPages(MAX_PAGES * 16_384)).toBe(MAX_PAGES);
    expect(kernelMemoryPages(MAX_PAGES * 16_384 + 1)).toBeUndefined();
  });
});
