import { describe, expect, it } from 'vitest';
import { sharedFloat32Array, transposeInto } from '../src/index.js';
import { inPlaceKernels } from '../src/kernel-memory.js';

/** The operands on plain arrays (JavaScript) and in one kernel memory (the WebAssembly kernel). */
const placements = [
  ['plain arrays', (n: number) => [new Float32Array(n), new Float32Array(n + 2)] as const],
  ['one kernel memory', (n: number) => {
    const memory = sharedFloat32Array(2 * n + 7);
    // The output starts at an odd element, so no alignment is assumed.
    return [memory.subarray(0, n), memory.subarray(n + 5)] as const;
  }],
] as const;

describe.each(placements)('transposeInto on %s', (_name, make) => {
  it.each([
    [1, 1],
    [1, 13],
    [13, 1],
    [4, 4],
    [8, 8],
    [9, 17],
    [64, 40],
    [21, 44],
    [130, 67],
    [67, 130],
  ])('writes the transpose of a %i×%i matrix, element for element', (rows, columns) => {
    const [values, out] = make(rows * columns);
    values.forEach((_, i) => (values[i] = i - 0.5 + (i % 3 === 0 ? -0 : 0)));
    values[0] = -0;
    out.fill(Number.NaN);
    const t = transposeInto(values, rows, columns, out);
    expect(t.length).toBe(rows * columns);
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) expect(Object.is(t[c * rows + r], values[r * columns + c]), `${r},${c}`).toBe(true);
    expect(Array.from(out.subarray(rows * columns, rows * columns + 2))).toEqual([Number.NaN, Number.NaN]);
  });

  it('refuses arrays too short for the shape, naming it', () => {
    const [values, out] = make(6);
    expect(() => transposeInto(values.subarray(0, 5), 2, 3, out)).toThrow('transposeInto: 2×3 needs 6 elements; got 5 in and 8 out'.replace('8', String(out.length)));
  });
});

it('uses the WebAssembly kernel when both arrays lie in one kernel memory', () => {
  const memory = sharedFloat32Array(32);
  expect(inPlaceKernels(memory.subarray(0, 16), memory.subarray(16))).toBeDefined();
});
