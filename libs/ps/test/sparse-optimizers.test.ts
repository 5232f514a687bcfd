import { describe, expect, it } from 'vitest';
import { createOptimizer, defaultOptimizerConfig, optimizerNames, updateSpans, type OptimizerName } from '../src/index.js';
import { initialParams, size, sparseStep } from './sparse-fixture.js';

const config = (name: OptimizerName) => ({ ...defaultOptimizerConfig, name, learningRate: 0.07 });
const bits = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');

describe('sparse optimizer updates', () => {
  it.each(['sgd', 'adagrad'] as const)('%s: updating only the touched rows equals the dense update bit for bit, parameters and state, over 30 steps', (name) => {
    const dense = createOptimizer(config(name), size);
    const sparse = createOptimizer(config(name), size);
    const [p, q] = [initialParams(), initialParams()];
    for (let step = 0; step < 30; step++) {
      const { grad, touched } = sparseStep(step);
      dense.apply(p, grad);
      const { spans, count } = updateSpans(touched, size, 0, size);
      sparse.applySpans!(q, grad, spans, count);
    }
    expect(bits(q)).toBe(bits(p));
    expect(sparse.state().map(bits)).toEqual(dense.state().map(bits));
    expect(q).not.toEqual(initialParams());
  });

  it.each(['sgd', 'adagrad'] as const)('%s: really leaves every element outside the spans, and its state, alone', (name) => {
    const optimizer = createOptimizer(config(name), 6);
    const params = Float32Array.of(1, 1, 1, 1, 1, 1);
    optimizer.applySpans!(params, new Float32Array(6).fill(0.5), Uint32Array.of(1, 2, 4, 6), 2);
    expect(params.map((v) => (v === 1 ? 0 : 1))).toEqual(Float32Array.of(0, 1, 0, 0, 1, 1));
    if (name === 'adagrad') expect(Array.from(optimizer.state()[0]!).map((a) => a > Math.fround(0.1))).toEqual([false, true, false, false, true, true]);
  });

  it('offers no sparse path for momentum and adam: their dense step moves untouched elements, so they are applied densely', () => {
    expect(optimizerNames.filter((name) => createOptimizer(config(name), 3).applySpans)).toEqual(['sgd', 'adagrad']);
    // Why: after one real step, a zero gradient still moves a momentum or Adam parameter.
    for (const name of ['momentum', 'adam'] as const) {
      const optimizer = createOptimizer(config(name), 1);
      const p = Float32Array.of(1);
      optimizer.apply(p, Float32Array.of(1));
      const after = p[0];
      optimizer.apply(p, Float32Array.of(0));
      expect(p[0], name).not.toBe(after);
    }
  });
});
