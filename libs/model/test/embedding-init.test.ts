import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedStream } from '@churnlab/random';
import { blockView, initialParameters, parameterLayout, type ModelSpec } from '../src/index.js';

const mlp: ModelSpec = { inputs: 20, hidden: [30, 10], outputs: 1, activation: 'relu', layerNorm: true };
const spec: ModelSpec = { ...mlp, embeddings: { buckets: [4, 3], dimension: 2 } };
const block = (s: ModelSpec, params: Float32Array, name: string) => blockView(params, parameterLayout(s).blocks.find((b) => b.name === name)!);
const sha256 = (v: Float32Array) => createHash('sha256').update(Buffer.from(v.buffer, v.byteOffset, v.byteLength)).digest('hex');

describe('initialParameters of embedding tables', () => {
  it('draws table k from the init stream at (step k, worker 1): standard normals scaled by 1/√dimension', () => {
    const params = initialParameters(parameterLayout(spec), 7);
    // Pinned values, so a change of counter, distribution or scale shows.
    expect(Array.from(block(spec, params, 'embedding0/table').subarray(0, 4))).toEqual([-0.0569184236228466, -0.7148363590240479, 1.20587158203125, 0.2542763352394104]);
    for (const k of [0, 1]) {
      const normals = new Float32Array(spec.embeddings!.buckets[k]! * 2);
      seedStream(7, 'init', 0).fillNormal(normals, k, 1);
      expect(block(spec, params, `embedding${k}/table`)).toEqual(normals.map((z) => z * (1 / Math.sqrt(2))));
    }
  });

  it('has mean 0, variance 1/dimension and so E‖row‖² = 1 on a large table', () => {
    const big: ModelSpec = { ...mlp, embeddings: { buckets: [4000], dimension: 8 } };
    const table = block(big, initialParameters(parameterLayout(big), 11), 'embedding0/table');
    const n = table.length;
    const mean = table.reduce((a, b) => a + b, 0) / n;
    const variance = table.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    // Standard errors: σ/√n ≈ 0.002 for the mean, σ²·√(2/n) ≈ 0.0007 for the variance; allow about 5 of them.
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 8)).toBeLessThan(0.004);
    let squaredNorms = 0;
    for (let r = 0; r < 4000; r++) for (let j = 0; j < 8; j++) squaredNorms += table[r * 8 + j]! ** 2;
    expect(Math.abs(squaredNorms / 4000 - 1)).toBeLessThan(0.03);
  });

  it('gives a table the same values whatever the tables before it, and differs per seed and replica', () => {
    const wider: ModelSpec = { ...spec, embeddings: { buckets: [40, 3], dimension: 2 } };
    expect(block(wider, initialParameters(parameterLayout(wider), 7), 'embedding1/table')).toEqual(block(spec, initialParameters(parameterLayout(spec), 7), 'embedding1/table'));
    const layout = parameterLayout(spec);
    expect(initialParameters(layout, 7, 0)).toEqual(initialParameters(layout, 7, 0));
    expect(block(spec, initialParameters(layout, 8), 'embedding0/table')).not.toEqual(block(spec, initialParameters(layout, 7), 'embedding0/table'));
    expect(block(spec, initialParameters(layout, 7, 1), 'embedding0/table')).not.toEqual(block(spec, initialParameters(layout, 7, 0), 'embedding0/table'));
  });

  it('leaves the MLP blocks as without tables, apart from the first kernel whose fan-in grew', () => {
    const withTables = initialParameters(parameterLayout(spec), 7);
    const without = initialParameters(parameterLayout(mlp), 7);
    for (const name of ['dense1/kernel', 'dense2/kernel', 'dense0/gamma']) expect(block(spec, withTables, name)).toEqual(block(mlp, without, name));
    const limit = Math.sqrt(6 / (20 + 4 + 30));
    const kernel = block(spec, withTables, 'dense0/kernel');
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...kernel.map(Math.abs))).toBeGreaterThan(0.9 * limit);
  });

  it('keeps the initial parameters of a model without tables bit for bit what they were before tables existed', () => {
    // SHA-256 of initialParameters(parameterLayout(mlp), 3) computed with the code before embedding tables were added.
    expect(sha256(initialParameters(parameterLayout(mlp), 3))).toBe('e35be7d1d38df5f496faf473b309b6ef200ac8ec23fe656f8a67975ec8a241bd');
  });
});
