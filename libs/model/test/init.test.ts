import { describe, expect, it } from 'vitest';
import { initialParameters, parameterLayout, type ModelSpec } from '../src/index.js';

const spec: ModelSpec = { inputs: 20, hidden: [30, 10], outputs: 1, activation: 'relu', layerNorm: true };
const layout = parameterLayout(spec);
const block = (params: Float32Array, name: string) => {
  const b = layout.blocks.find((x) => x.name === name)!;
  return params.subarray(b.offset, b.offset + b.size);
};

describe('initialParameters', () => {
  it('is a pure function of (seed, replica)', () => {
    expect(initialParameters(layout, 7, 0)).toEqual(initialParameters(layout, 7, 0));
    expect(initialParameters(layout, 7, 0)).not.toEqual(initialParameters(layout, 8, 0));
    expect(initialParameters(layout, 7, 0)).not.toEqual(initialParameters(layout, 7, 1));
  });

  it('draws Glorot-uniform kernels within ±√(6/(fan_in+fan_out)) and spread across the range', () => {
    const kernel = block(initialParameters(layout, 3), 'dense0/kernel');
    const limit = Math.sqrt(6 / (20 + 30));
    expect(Math.max(...kernel)).toBeLessThanOrEqual(limit);
    expect(Math.min(...kernel)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...kernel)).toBeGreaterThan(0.9 * limit);
    expect(Math.min(...kernel)).toBeLessThan(-0.9 * limit);
    const mean = kernel.reduce((a, b) => a + b, 0) / kernel.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
  });

  it('zeroes biases and beta and sets gamma to one', () => {
    const params = initialParameters(layout, 3);
    expect(block(params, 'dense0/bias').every((v) => v === 0)).toBe(true);
    expect(block(params, 'dense1/beta').every((v) => v === 0)).toBe(true);
    expect(block(params, 'dense1/gamma').every((v) => v === 1)).toBe(true);
  });

  it('gives a block the same values whatever the layers before it', () => {
    const wider = parameterLayout({ ...spec, inputs: 21 });
    const last = (l: typeof layout, p: Float32Array) => {
      const b = l.blocks.find((x) => x.name === 'dense2/kernel')!;
      return p.subarray(b.offset, b.offset + b.size);
    };
    expect(last(wider, initialParameters(wider, 5))).toEqual(last(layout, initialParameters(layout, 5)));
  });
});
