/** A WebAssembly memory: its bytes, a SharedArrayBuffer when the memory is shared. */
export interface WebAssemblyMemory {
  readonly buffer: ArrayBufferLike;
}

/** The part of the WebAssembly API used here. TypeScript declares the API only in its DOM library, which Node code does not load. */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WebAssemblyMemory;
}

/** The WebAssembly API of this runtime (Node's global). */
export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
