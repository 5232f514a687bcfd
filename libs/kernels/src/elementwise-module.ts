import { elementwiseWasm, elementwiseWasmUnshared } from './elementwise-wasm.js';
import { webAssembly, type WebAssemblyMemory } from './webassembly.js';

/** The kernels of elementwise.wat over one memory; addresses are byte offsets into it. */
export interface ElementwiseKernels {
  add(dst: number, src: number, n: number): void;
  sgd(params: number, grad: number, n: number, learningRate: number): void;
  sgdOfSum(params: number, left: number, right: number, n: number, learningRate: number): void;
  firstNonFinite(values: number, n: number): number;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  copyColumns(src: number, dst: number, rows: number, cols: number, start: number, count: number): void;
}

/** WebAssembly pages are 64 KiB. */
export const PAGE_BYTES = 65_536;

/**
 * The most pages a kernel memory may have: one short of the 4 GiB that 32-bit addresses reach, so that the end address
 * of a vector (computed in 32 bits by the kernels) never wraps to zero.
 */
export const MAX_PAGES = 65_535;

// Compiled once per thread and kind of memory, when first needed: each binary is a few hundred bytes.
let compiledShared: object | undefined;
let compiledUnshared: object | undefined;

/** The kernels working on `memory`: a shared one of at most MAX_PAGES pages, or one that is not shared. */
export function instantiate(memory: WebAssemblyMemory): ElementwiseKernels {
  const module = memory.buffer instanceof SharedArrayBuffer ? (compiledShared ??= compile(elementwiseWasm)) : (compiledUnshared ??= compile(elementwiseWasmUnshared));
  return new webAssembly.Instance(module, { env: { memory } }).exports as unknown as ElementwiseKernels;
}

function compile(base64: string): object {
  return new webAssembly.Module(Buffer.from(base64, 'base64'));
}
