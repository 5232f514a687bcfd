import { instantiate, PAGE_BYTES, type ElementwiseKernels } from './elementwise-module.js';
import { inPlaceKernels } from './kernel-memory.js';
import { webAssembly } from './webassembly.js';

/** Elements per chunk copied into the scratch memory: 64 KiB, so the copies and the kernel stay in the core's cache. */
const CHUNK = 16_384;
const FIRST = 0;
const SECOND = CHUNK * 4;
const THIRD = 2 * CHUNK * 4;
/** Where updateInChunks copies the first and second operand. */
const OPERAND_PLACES = [SECOND, THIRD];

// Arrays outside a kernel memory go through this scratch memory, one per thread: three chunks.
const scratchMemory = new webAssembly.Memory({ initial: (3 * CHUNK * 4) / PAGE_BYTES, maximum: (3 * CHUNK * 4) / PAGE_BYTES, shared: true });
const scratchKernels = instantiate(scratchMemory);
// The memory has a fixed size, so this view never goes stale.
const scratch = new Float32Array(scratchMemory.buffer);

/** Ranges shorter than this are updated in JavaScript when they would go through the scratch memory: the same arithmetic, without the copies. */
const SHORT_RANGE = 64;

/** left[i] ← left[i] + right[i] in float32 for every element of `left` (`right` at least as long, not overlapping it unless it is left); returns left. */
export function addInto(left: Float32Array, right: Float32Array): Float32Array {
  if (right.length < left.length) throw new RangeError(`addInto: the right operand has ${right.length} elements, the left ${left.length}`);
  addRange(left, right, 0, left.length, inPlaceKernels(left, right));
  return left;
}

/**
 * addInto on the spans [spans[2k], spans[2k+1]) for k < count alone (ascending, disjoint, inside `left`): the same
 * float32 additions, element for element, and nothing outside the spans is read or written; returns left.
 */
export function addSpansInto(left: Float32Array, right: Float32Array, spans: Uint32Array, count: number): Float32Array {
  if (right.length < left.length) throw new RangeError(`addSpansInto: the right operand has ${right.length} elements, the left ${left.length}`);
  const kernels = inPlaceKernels(left, right);
  for (let k = 0; k < count; k++) {
    const start = spans[2 * k]!;
    const end = spans[2 * k + 1]!;
    checkRange('addSpansInto', start, end, left.length);
    addRange(left, right, start, end, kernels);
  }
  return left;
}

/** left[i] ← left[i] + right[i] over [start, end): in place with `kernels`, else in JavaScript when short, else through the scratch memory. */
function addRange(left: Float32Array, right: Float32Array, start: number, end: number, kernels: ElementwiseKernels | undefined): void {
  if (kernels) kernels.add(left.byteOffset + 4 * start, right.byteOffset + 4 * start, end - start);
  else if (end - start < SHORT_RANGE) for (let i = start; i < end; i++) left[i] = left[i]! + right[i]!;
  else updateInChunks(left, [right], start, end, (n) => scratchKernels.add(FIRST, SECOND, n));
}

/** An in-place kernel writes raw memory: a range outside its arrays would silently overwrite the vectors beside them. */
function checkRange(name: string, start: number, end: number, length: number): void {
  if (!(start >= 0 && start <= end && end <= length)) throw new RangeError(`${name}: the range [${start}, ${end}) is not inside the ${length} elements`);
}

/**
 * The SGD step params[i] ← params[i] − learningRate·grad[i] over [start, end), computed in float64 and rounded once to
 * float32, exactly as that JavaScript expression on Float32Arrays.
 */
export function sgdStep(params: Float32Array, grad: Float32Array, learningRate: number, start: number, end: number): void {
  sgdRange(params, grad, learningRate, start, end, inPlaceKernels(params, grad));
}

/** sgdStep on the spans [spans[2k], spans[2k+1]) for k < count alone (ascending, disjoint): one lookup of the kernels for them all. */
export function sgdStepSpans(params: Float32Array, grad: Float32Array, learningRate: number, spans: Uint32Array, count: number): void {
  const kernels = inPlaceKernels(params, grad);
  for (let k = 0; k < count; k++) sgdRange(params, grad, learningRate, spans[2 * k]!, spans[2 * k + 1]!, kernels);
}

/** The SGD step over [start, end), checked against both vectors: in place with `kernels`, else in JavaScript when short, else through the scratch memory. */
function sgdRange(params: Float32Array, grad: Float32Array, learningRate: number, start: number, end: number, kernels: ElementwiseKernels | undefined): void {
  checkRange('sgdStep', start, end, Math.min(params.length, grad.length));
  if (kernels) {
    if (end > start) kernels.sgd(params.byteOffset + 4 * start, grad.byteOffset + 4 * start, end - start, learningRate);
  } else if (end - start < SHORT_RANGE) {
    for (let i = start; i < end; i++) params[i] = params[i]! - learningRate * grad[i]!;
  } else {
    updateInChunks(params, [grad], start, end, (n) => scratchKernels.sgd(FIRST, SECOND, n, learningRate));
  }
}

/**
 * The SGD step on the sum of two gradients, params[i] ← params[i] − learningRate·float32(left[i] + right[i]), for
 * every element of `params` in one pass: bit for bit addInto(left, right) then sgdStep(params, left), except that
 * `left` keeps its values (the sum is not written down).
 */
export function sgdStepOfSum(params: Float32Array, left: Float32Array, right: Float32Array, learningRate: number): void {
  const n = params.length;
  if (left.length < n || right.length < n) throw new RangeError(`sgdStepOfSum: gradients of ${left.length} and ${right.length} elements for ${n} parameters`);
  const kernels = inPlaceKernels(params, left, right);
  if (kernels) {
    if (n > 0) kernels.sgdOfSum(params.byteOffset, left.byteOffset, right.byteOffset, n, learningRate);
  } else if (n < SHORT_RANGE) {
    for (let i = 0; i < n; i++) params[i] = params[i]! - learningRate * Math.fround(left[i]! + right[i]!);
  } else {
    updateInChunks(params, [left, right], 0, n, (count) => scratchKernels.sgdOfSum(FIRST, SECOND, THIRD, count, learningRate));
  }
}

/**
 * Runs `kernel` over [start, end) of `target` chunk by chunk: each chunk of `target` and of the one or two `operands` is
 * copied to the scratch memory's FIRST, SECOND (and THIRD) places, the kernel updates FIRST in place, and the chunk is
 * copied back into `target`.
 */
function updateInChunks(target: Float32Array, operands: Float32Array[], start: number, end: number, kernel: (n: number) => void): void {
  for (let at = start; at < end; at += CHUNK) {
    const n = Math.min(CHUNK, end - at);
    scratch.set(target.subarray(at, at + n), FIRST / 4);
    operands.forEach((operand, k) => scratch.set(operand.subarray(at, at + n), OPERAND_PLACES[k]! / 4));
    kernel(n);
    target.set(scratch.subarray(FIRST / 4, FIRST / 4 + n), at);
  }
}

/** The index of the first NaN or ±Infinity in `values`, or undefined when every element is finite. */
export function firstNonFinite(values: Float32Array): number | undefined {
  const kernels = inPlaceKernels(values);
  if (kernels) return found(kernels, values.byteOffset, values.length, 0);
  for (let at = 0; at < values.length; at += CHUNK) {
    const n = Math.min(CHUNK, values.length - at);
    scratch.set(values.subarray(at, at + n), FIRST / 4);
    const index = found(scratchKernels, FIRST, n, at);
    if (index !== undefined) return index;
  }
  return undefined;
}

function found(kernels: ElementwiseKernels, address: number, n: number, base: number): number | undefined {
  const index = kernels.firstNonFinite(address, n);
  return index >= 0 ? base + index : undefined;
}
