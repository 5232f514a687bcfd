import { elementwiseWasm } from './elementwise-wasm.js';
import { webAssembly } from './webassembly.js';

interface ElementwiseExports {
  memory: { readonly buffer: ArrayBuffer };
  add(dst: number, src: number, n: number): void;
  sgd(params: number, grad: number, n: number, learningRate: number): void;
  firstNonFinite(values: number, n: number): number;
}

/** Elements per chunk copied into the module: 64 KiB, so the copies and the kernel stay in the core's cache. */
const CHUNK = 16_384;
const FIRST = 0;
const SECOND = CHUNK * 4;

// One instance per thread, made when the module loads: the binary is a few hundred bytes, compiled synchronously.
const kernels = new webAssembly.Instance(new webAssembly.Module(Buffer.from(elementwiseWasm, 'base64'))).exports as unknown as ElementwiseExports;
// The memory has a fixed size, so this view never goes stale.
const scratch = new Float32Array(kernels.memory.buffer);

/** left[i] ← left[i] + right[i] in float32 for every element of `left` (`right` at least as long); returns left. */
export function addInto(left: Float32Array, right: Float32Array): Float32Array {
  if (right.length < left.length) throw new RangeError(`addInto: the right operand has ${right.length} elements, the left ${left.length}`);
  updateInChunks(left, right, 0, left.length, (n) => kernels.add(FIRST, SECOND, n));
  return left;
}

/** Ranges shorter than this are updated in JavaScript: the same arithmetic, without the cost of the copies. */
const SHORT_RANGE = 64;

/**
 * The SGD step params[i] ← params[i] − learningRate·grad[i] over [start, end), computed in float64 and rounded once to
 * float32, exactly as that JavaScript expression on Float32Arrays.
 */
export function sgdStep(params: Float32Array, grad: Float32Array, learningRate: number, start: number, end: number): void {
  if (end - start < SHORT_RANGE) {
    for (let i = start; i < end; i++) params[i] = params[i]! - learningRate * grad[i]!;
    return;
  }
  updateInChunks(params, grad, start, end, (n) => kernels.sgd(FIRST, SECOND, n, learningRate));
}

/**
 * Runs `kernel` over [start, end) of `target` chunk by chunk: each chunk of `target` and of `operand` is copied to the
 * module's FIRST and SECOND places, the kernel updates FIRST in place, and the chunk is copied back into `target`.
 */
function updateInChunks(target: Float32Array, operand: Float32Array, start: number, end: number, kernel: (n: number) => void): void {
  for (let at = start; at < end; at += CHUNK) {
    const n = Math.min(CHUNK, end - at);
    scratch.set(target.subarray(at, at + n), FIRST / 4);
    scratch.set(operand.subarray(at, at + n), SECOND / 4);
    kernel(n);
    target.set(scratch.subarray(FIRST / 4, FIRST / 4 + n), at);
  }
}

/** The index of the first NaN or ±Infinity in `values`, or undefined when every element is finite. */
export function firstNonFinite(values: Float32Array): number | undefined {
  for (let at = 0; at < values.length; at += CHUNK) {
    const n = Math.min(CHUNK, values.length - at);
    scratch.set(values.subarray(at, at + n), FIRST / 4);
    const found = kernels.firstNonFinite(FIRST, n);
    if (found >= 0) return at + found;
  }
  return undefined;
}
