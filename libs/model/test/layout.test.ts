import { describe, expect, it } from 'vitest';
import { blockView, parameterLayout, validateModelSpec, type ModelSpec } from '../src/index.js';

const spec: ModelSpec = { inputs: 3, hidden: [4], outputs: 1, activation: 'relu', layerNorm: false };

describe('parameterLayout', () => {
  it('lays kernel then bias per layer, in forward order', () => {
    const layout = parameterLayout(spec);
    expect(layout.blocks.map((b) => [b.name, b.offset, b.size])).toEqual([
      ['dense0/kernel', 0, 12],
      ['dense0/bias', 12, 4],
      ['dense1/kernel', 16, 4],
      ['dense1/bias', 20, 1],
    ]);
    expect(layout.size).toBe(21);
  });

  it('adds gamma and beta after each hidden bias with layer norm, never on the output layer', () => {
    const layout = parameterLayout({ ...spec, hidden: [4, 2], outputs: 3, layerNorm: true });
    expect(layout.blocks.map((b) => b.name)).toEqual([
      'dense0/kernel', 'dense0/bias', 'dense0/gamma', 'dense0/beta',
      'dense1/kernel', 'dense1/bias', 'dense1/gamma', 'dense1/beta',
      'dense2/kernel', 'dense2/bias',
    ]);
    expect(layout.size).toBe(12 + 4 + 8 + 8 + 2 + 4 + 6 + 3);
  });

  it('gives views that alias the flat vector', () => {
    const layout = parameterLayout(spec);
    const flat = new Float32Array(layout.size);
    blockView(flat, layout.blocks[1]!).fill(7);
    expect(Array.from(flat.subarray(12, 16))).toEqual([7, 7, 7, 7]);
    expect(flat[11]).toBe(0);
    expect(flat[16]).toBe(0);
  });

  it.each([
    [{ inputs: 0 }, /model.inputs: 0/],
    [{ hidden: [4, 0] }, /model.hidden\[1\]: 0/],
    [{ outputs: 1.5 }, /model.outputs: 1.5/],
  ])('rejects %o', (change, message) => {
    expect(() => validateModelSpec({ ...spec, ...change })).toThrow(message);
  });
});
