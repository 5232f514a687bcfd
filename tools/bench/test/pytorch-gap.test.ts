import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decomposeGap, pytorchGap, wasmRooflineAt } from '../src/pytorch-gap.js';
import { benchResult, modelResult, nativeRoofline } from './fixture.js';

describe('decomposeGap', () => {
  it('splits a known gap: 7.2 of a 30 GFLOP/s roofline against 30 of a 100 GFLOP/s one', () => {
    const gap = decomposeGap({ gflops: 7.2, rooflineGflops: 30 }, { gflops: 30, rooflineGflops: 100 });
    expect(gap.ratio).toBeCloseTo(0.24, 12);
    expect(gap.arithmeticWidth).toBeCloseTo(0.3, 12);
    // churnlab reaches 24% of its roofline, PyTorch 30% of its own.
    expect(gap.efficiency).toBeCloseTo(0.8, 12);
  });

  it('puts the whole gap in arithmetic width when both reach the same share of their roofline', () => {
    const gap = decomposeGap({ gflops: 15, rooflineGflops: 30 }, { gflops: 60, rooflineGflops: 120 });
    expect(gap).toEqual({ ratio: 0.25, arithmeticWidth: 0.25, efficiency: 1 });
  });

  it('has factors whose product is the ratio, whatever the throughputs and rooflines', () => {
    const positive = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(positive, positive, positive, positive, (churnlab, wasm, pytorch, native) => {
        const gap = decomposeGap({ gflops: churnlab, rooflineGflops: wasm }, { gflops: pytorch, rooflineGflops: native });
        // Relative: the ratios span 14 orders of magnitude.
        expect(gap.ratio / (churnlab / pytorch)).toBeCloseTo(1, 12);
        expect((gap.arithmeticWidth * gap.efficiency) / gap.ratio).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('wasmRooflineAt', () => {
  const result = benchResult([]);
  const roofline = { size: 1024, repeats: 5, medianMs: 75, gflops: 28.5 };

  it('is the roofline itself on 1 thread', () => {
    expect(wasmRooflineAt(result, 1)).toEqual({ gflops: 30, source: 'measured' });
  });

  it('is the 2-thread roofline when measured, else twice the 1-thread one', () => {
    expect(wasmRooflineAt({ ...result, parallelRoofline: { threads: 2, gflops: 57, perThread: [roofline, roofline] } }, 2)).toEqual({ gflops: 57, source: 'measured' });
    expect(wasmRooflineAt(result, 2)).toEqual({ gflops: 60, source: 'scaled' });
  });
});

describe('pytorchGap', () => {
  // Fixture entries run at 2.417491968 GFLOP/s per step/s, so the GFLOP/s ratio is the steps/s ratio.
  const models = [modelResult('a', { churnlab1: 6, churnlab2Sync: 9, torch1: 20, torch2: 30 })];

  it('decomposes each equal-thread ratio against the matching rooflines', () => {
    const result = benchResult(models);
    const withNative = { ...result, nativeRooflines: [nativeRoofline(1, 100), nativeRoofline(2, 180)] };
    const one = pytorchGap(withNative, 'a', 1)!;
    expect(one.ratio).toBeCloseTo(0.3, 12);
    expect(one.arithmeticWidth).toBeCloseTo(0.3, 12);
    expect(one.efficiency).toBeCloseTo(1, 12);
    const two = pytorchGap(withNative, 'a', 2)!;
    expect(two.ratio).toBeCloseTo(0.3, 12);
    expect(two.arithmeticWidth).toBeCloseTo(60 / 180, 12);
    expect(two.efficiency).toBeCloseTo(0.9, 12);
  });

  it('is undefined without the native roofline or either run', () => {
    expect(pytorchGap(benchResult(models), 'a', 1)).toBeUndefined();
    const onlyOneThread = { ...benchResult([modelResult('a', { churnlab1: 6, torch1: 20 })]), nativeRooflines: [nativeRoofline(1, 100), nativeRoofline(2, 180)] };
    expect(pytorchGap(onlyOneThread, 'a', 2)).toBeUndefined();
    expect(pytorchGap(onlyOneThread, 'b', 1)).toBeUndefined();
  });
});
