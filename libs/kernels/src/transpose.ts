import { inPlaceKernels } from './kernel-memory.js';

/** Tiles this many rows and columns wide keep both the rows read and the columns written in the core's cache. */
const TILE = 8;

/**
 * Writes the transpose of `values` (`rows` × `columns`, row-major) into `out` (`columns` × `rows`, row-major; not
 * overlapping `values`) and returns it: with the WebAssembly kernel when both lie in one kernel memory, else in
 * JavaScript, tile by tile. Throws when either array is too short.
 */
export function transposeInto(values: Float32Array, rows: number, columns: number, out: Float32Array): Float32Array {
  const size = rows * columns;
  if (values.length < size || out.length < size) throw new RangeError(`transposeInto: ${rows}×${columns} needs ${size} elements; got ${values.length} in and ${out.length} out`);
  const kernels = inPlaceKernels(values, out);
  if (kernels) kernels.transpose(values.byteOffset, out.byteOffset, rows, columns);
  else transposeTiles(values, rows, columns, out);
  return out.subarray(0, size);
}

function transposeTiles(values: Float32Array, rows: number, columns: number, out: Float32Array): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(r0 + TILE, rows);
    for (let c0 = 0; c0 < columns; c0 += TILE) {
      const c1 = Math.min(c0 + TILE, columns);
      for (let r = r0; r < r1; r++) {
        const from = r * columns;
        for (let c = c0; c < c1; c++) out[c * rows + r] = values[from + c]!;
      }
    }
  }
}
