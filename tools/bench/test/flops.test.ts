import { describe, expect, it } from 'vitest';
import { flopsPerStep, forwardMacs, gflops, matMulFlops } from '../src/flops.js';
import { benchModels, inputWidth, parameterCount, type BenchModel } from '../src/models.js';

const model = (id: string): BenchModel => benchModels.find((m) => m.id === id)!;

describe('the FLOP formula', () => {
  it('counts the forward MACs of each model by hand', () => {
    expect(forwardMacs(model('a'))).toBe(512 * 1024 + 1024 * 1024 + 1024); // 1,573,888
    expect(forwardMacs(model('b'))).toBe(64 * 256 + 256 * 256 + 256); // 82,176
    // Criteo: 13 dense + 26 × 16 embedding columns = 429 inputs; lookups are not MACs.
    expect(inputWidth(model('c'))).toBe(429);
    expect(forwardMacs(model('c'))).toBe(429 * 400 + 400 * 400 + 400 * 400 + 400);
  });

  it('is 2 × forward MACs × 3 × batch per step', () => {
    expect(flopsPerStep(model('a'))).toBe(2 * 1_573_888 * 3 * 256); // 2,417,491,968
    expect(flopsPerStep(model('c'))).toBe(2 * 492_000 * 3 * 512);
  });

  it('turns steps per second into GFLOP/s', () => {
    expect(gflops(model('a'), 1)).toBeCloseTo(2.417491968, 12);
    expect(gflops(model('b'), 10)).toBeCloseTo((10 * 2 * 82_176 * 3 * 256) / 1e9, 12);
  });

  it('counts 2 FLOPs per MAC of a matrix product', () => {
    expect(matMulFlops(1024, 1024, 1024)).toBe(2 ** 31);
    expect(matMulFlops(2, 3, 4)).toBe(48);
  });

  it('counts the parameters of the layout, embedding tables included', () => {
    expect(parameterCount(model('a'))).toBe(513 * 1024 + 1025 * 1024 + 1025); // 1,575,937, as parameterLayout says
    expect(parameterCount(model('c'))).toBe(26 * 10_000 * 16 + 430 * 400 + 401 * 400 + 401 * 400 + 401);
  });
});
