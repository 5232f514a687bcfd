import wabtModule from 'wabt';

/** The TypeScript module holding the WebAssembly binary of `wat` (WebAssembly text with SIMD), as base64. */
export async function assemble(wat) {
  const wabt = await wabtModule();
  const module = wabt.parseWat('elementwise.wat', wat, { simd: true, threads: true });
  try {
    const { buffer } = module.toBinary({});
    const base64 = Buffer.from(buffer).toString('base64');
    return `// Generated from elementwise.wat by \`npm run generate -w @churnlab/kernels\`; do not edit.\nexport const elementwiseWasm = '${base64}';\n`;
  } finally {
    module.destroy();
  }
}
