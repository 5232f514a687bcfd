import { elementwiseWasm } from './elementwise-wasm.js';
import { webAssembly } from './webassembly.js';

/** The kernels of elementwise.wat over one memory; addresses are byte offsets into it. */
export interface ElementwiseKernels {
  add(dst: number, src: number, n: number): void;
  sgd(params: number, grad: number, n: number, learningRate: number): void;
  sgdOfSum(params: number, left: number, right: number, n: number, learningRate: number): void;
  firstNonFinite(values: number, n: number): number;
  transpose(src: number, dst: number, rows: number, cols: number): void;
}

/** WebAssembly pages are 64 KiB. */
export const PAGE_BYTES = 65_536;

/**
 * The most pages a kernel memory may have: one short of the 4 GiB that 32-bit addresses reach, so that the end address
 * of a vector (computed in 32 bits by the kernels) never wraps to zero.
 */
export const MAX_PAGES = 65_535;

// Compiled once per thread, when first needed: the binary is a few hundred bytes.
let compiled: object | undefined;

/** The kernels working on `memory` (shared, at most MAX_PAGES pages). */
export function instantiate(memory: object): ElementwiseKernels {
  compiled ??= new webAssembly.Module(Buffer.from(elementwiseWasm, 'base64'));
  return new webAssembly.Instance(compiled, { env: { memory } }).exports as unknown as ElementwiseKernels;
}
