import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { assemble } from '../scripts/assemble.mjs';

describe('the committed WebAssembly module', () => {
  it('is what elementwise.wat assembles to (run `npm run generate -w @churnlab/kernels` after editing it)', async () => {
    const source = readFileSync(new URL('../src/elementwise.wat', import.meta.url), 'utf8');
    const committed = readFileSync(new URL('../src/elementwise-wasm.ts', import.meta.url), 'utf8');
    expect(await (assemble as (wat: string) => Promise<string>)(source)).toBe(committed);
  });
});
