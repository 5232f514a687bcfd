import wabtModule from 'wabt';

/** The memory import of elementwise.wat: shared, so that the vectors in it can be SharedArrayBuffers. */
const SHARED_IMPORT = '(import "env" "memory" (memory 1 65536 shared))';
/** The same import of a memory that is not shared, such as another module's heap. */
const UNSHARED_IMPORT = '(import "env" "memory" (memory 1))';

/**
 * The TypeScript module holding the WebAssembly binaries of `wat` (WebAssembly text with SIMD) as base64: as written,
 * over a shared memory, and the same kernels over a memory that is not shared.
 */
export async function assemble(wat) {
  if (!wat.includes(SHARED_IMPORT)) throw new Error(`elementwise.wat: expected the memory import ${SHARED_IMPORT}`);
  const wabt = await wabtModule();
  const binary = (text) => {
    const module = wabt.parseWat('elementwise.wat', text, { simd: true, threads: true });
    try {
      return Buffer.from(module.toBinary({}).buffer).toString('base64');
    } finally {
      module.destroy();
    }
  };
  return (
    '// Generated from elementwise.wat by `npm run generate -w @churnlab/kernels`; do not edit.\n' +
    `export const elementwiseWasm = '${binary(wat)}';\n` +
    `export const elementwiseWasmUnshared = '${binary(wat.replace(SHARED_IMPORT, UNSHARED_IMPORT))}';\n`
  );
}
