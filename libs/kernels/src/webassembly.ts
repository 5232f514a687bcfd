/** The part of the WebAssembly API used here. TypeScript declares the API only in its DOM library, which Node code does not load. */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: Record<string, unknown> };
}

/** The WebAssembly API of this runtime (Node's global). */
export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
