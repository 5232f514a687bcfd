// Assembles src/elementwise.wat into src/elementwise-wasm.ts (the module's bytes, base64), which is committed so that
// neither the build nor the runtime needs an assembler; a test checks that the two never drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { assemble } from './assemble.mjs';

const source = new URL('../src/elementwise.wat', import.meta.url);
const target = new URL('../src/elementwise-wasm.ts', import.meta.url);
writeFileSync(target, await assemble(readFileSync(source, 'utf8')));
