import { describe, expect, it } from 'vitest';
import { kernelsOver, transposeInto } from '../src/index.js';

type Memory = { buffer: ArrayBufferLike; grow(pages: number): number };
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => Memory } }).WebAssembly;

const memories = [
  ['a memory that is not shared', () => new WebAssemblyApi.Memory({ initial: 1, maximum: 4 })],
  ['a shared memory', () => new WebAssemblyApi.Memory({ initial: 1, maximum: 4, shared: true })],
] as const;

describe.each(memories)('kernelsOver %s', (_name, make) => {
  it('transposes in place of the memory, element for element as in JavaScript', () => {
    const memory = make();
    const [rows, columns] = [37, 21];
    const values = Float32Array.from({ length: rows * columns }, (_, i) => Math.sin(i) * 1e3);
    // Byte offsets that are not multiples of 16: the module's own heap gives no alignment guarantee beyond 4 bytes.
    const [source, target] = [4, 4 + 4 * rows * columns + 12];
    new Float32Array(memory.buffer, source, rows * columns).set(values);
    kernelsOver(memory).transpose(source, target, rows, columns);
    const expected = transposeInto(values, rows, columns, new Float32Array(rows * columns));
    expect(Array.from(new Float32Array(memory.buffer, target, rows * columns))).toEqual(Array.from(expected));
  });

  it.each([
    [0, 21],
    [5, 8],
    [20, 1],
  ])('copies the columns from %i (%i of them) of a matrix in place of the memory, row by row', (start, count) => {
    const memory = make();
    const [rows, columns] = [37, 21];
    const values = Float32Array.from({ length: rows * columns }, (_, i) => Math.cos(i) * 1e3);
    const [source, target] = [4, 4 + 4 * rows * columns + 12];
    new Float32Array(memory.buffer, source, rows * columns).set(values);
    // What lies after the copy's end stays as it was.
    new Float32Array(memory.buffer, target + 4 * rows * count, 1).set([-7]);
    kernelsOver(memory).copyColumns(source, target, rows, columns, start, count);
    const expected = Array.from({ length: rows }, (_, r) => Array.from(values.subarray(r * columns + start, r * columns + start + count))).flat();
    expect(Array.from(new Float32Array(memory.buffer, target, rows * count))).toEqual(expected);
    expect(new Float32Array(memory.buffer, target + 4 * rows * count, 1)[0]).toBe(-7);
  });

  it('is made once per memory and keeps working after the memory grows', () => {
    const memory = make();
    const kernels = kernelsOver(memory);
    memory.grow(1);
    expect(kernelsOver(memory)).toBe(kernels);
    const at = 65_536 + 64;
    const view = new Float32Array(memory.buffer, at, 5);
    view.set([1, 2, 3, 4, 0.1]);
    new Float32Array(memory.buffer, at + 32, 5).set([10, 20, 30, 40, 0.2]);
    kernels.add(at, at + 32, 5);
    expect(Array.from(new Float32Array(memory.buffer, at, 5))).toEqual([11, 22, 33, 44, Math.fround(Math.fround(0.1) + Math.fround(0.2))]);
  });
});

it('gives each memory its own kernels', () => {
  expect(kernelsOver(new WebAssemblyApi.Memory({ initial: 1 }))).not.toBe(kernelsOver(new WebAssemblyApi.Memory({ initial: 1 })));
});
