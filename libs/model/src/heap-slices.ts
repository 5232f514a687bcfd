import { kernelsOver } from '@churnlab/kernels';
import { backendHeap, tf, type Tensor } from '@churnlab/tensor';

/*
 * tfjs's WASM Slice kernel first copies its whole input out of the heap into a new JavaScript array (readSync), then
 * copies the slice back row by row: slicing each micro-shard's examples out of a task's tensors that way halved model
 * b's speed. These copy within the heap instead; elsewhere they are tf.slice.
 */

/** Columns [start, start + count) of a float32 matrix [rows, columns], as a new tensor [rows, count]. */
export function sliceColumns(matrix: Tensor, start: number, count: number): Tensor {
  const [rows, columns] = matrix.shape as [number, number];
  checkRange('columns', start, count, columns);
  const heap = backendHeap();
  if (!heap) return tf.slice(matrix, [0, start], [-1, count]);
  const out = heap.allocate([rows, count]);
  kernelsOver(heap.memory).copyColumns(heap.byteOffset(matrix), heap.byteOffset(out), rows, columns, start, count);
  return out;
}

/** Rows [start, start + count) of a float32 tensor along its first axis, as a new tensor. */
export function sliceRows(tensor: Tensor, start: number, count: number): Tensor {
  const [rows = 1, ...rest] = tensor.shape;
  checkRange('rows', start, count, rows);
  const heap = backendHeap();
  if (!heap) return tf.slice(tensor, [start, ...rest.map(() => 0)], [count, ...rest.map(() => -1)]);
  const out = heap.allocate([count, ...rest]);
  // Viewed after the allocation, which may have grown (and so replaced) the memory.
  const values = new Float32Array(heap.memory.buffer);
  const width = tf.util.sizeFromShape(rest);
  const from = heap.byteOffset(tensor) / 4 + start * width;
  values.copyWithin(heap.byteOffset(out) / 4, from, from + count * width);
  return out;
}

function checkRange(axis: string, start: number, count: number, length: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 1 || start + count > length) {
    throw new RangeError(`slice: ${axis} [${start}, ${start + count}) are not allowed; expected a non-empty range inside the ${length} ${axis}`);
  }
}
