import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf, type Tensor } from './tf.js';

/**
 * Copies a float32 tensor's values into `out` from `offset` on. On the WASM backend the values are copied straight
 * out of its memory: dataSync would first copy them into a fresh array, which for a megabyte-sized gradient costs as
 * much again as the copy itself.
 */
export function readInto(tensor: Tensor, out: Float32Array, offset = 0): void {
  if (tensor.dtype !== 'float32') throw new TypeError(`readInto: the tensor is ${tensor.dtype}; expected float32`);
  if (offset < 0 || offset + tensor.size > out.length) {
    throw new RangeError(`readInto: ${tensor.size} values at offset ${offset} do not fit an output of ${out.length}`);
  }
  out.set(heapView(tensor) ?? (tensor.dataSync() as Float32Array), offset);
}

/** The tensor's values as a view on the WASM backend's memory (valid until that memory grows), or undefined on another backend. */
function heapView(tensor: Tensor): Float32Array | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  return (tf.backend() as BackendWasm).typedArrayFromHeap(tensor) as Float32Array;
}
