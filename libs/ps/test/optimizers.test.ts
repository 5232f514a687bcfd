import { describe, expect, it } from 'vitest';
import { createOptimizer, defaultOptimizerConfig, optimizerNames, type OptimizerConfig, type OptimizerName } from '../src/index.js';

// Every case: p₀ = [1, −2, 0.5], then g₁ = [0.5, −1, 2], then g₂ = [0.25, 1, −1]; lr = 0.1 (the default).
const p0 = [1, -2, 0.5];
const g1 = Float32Array.of(0.5, -1, 2);
const g2 = Float32Array.of(0.25, 1, -1);

/** Values are float32; the hand arithmetic below is float64 to 7–8 digits, so compare at float32 resolution near 1. */
function expectClose(actual: Float32Array, expected: number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!), `element ${i}: ${a} vs ${expected[i]}`).toBeLessThan(1e-6));
}

function twoSteps(overrides: Partial<OptimizerConfig> & { name: OptimizerName }) {
  const optimizer = createOptimizer({ ...defaultOptimizerConfig, ...overrides }, 3);
  const params = Float32Array.from(p0);
  optimizer.apply(params, g1);
  const afterOne = new Float32Array(params);
  optimizer.apply(params, g2);
  return { optimizer, afterOne, afterTwo: params };
}

describe('optimizers, two steps on a 3-element vector', () => {
  it('sgd: p ← p − lr·g, and has no state', () => {
    const { optimizer, afterOne, afterTwo } = twoSteps({ name: 'sgd' });
    expect(optimizer.name).toBe('sgd');
    // p₁ = [1 − 0.05, −2 + 0.1, 0.5 − 0.2]
    expectClose(afterOne, [0.95, -1.9, 0.3]);
    // p₂ = [0.95 − 0.025, −1.9 − 0.1, 0.3 + 0.1]
    expectClose(afterTwo, [0.925, -2.0, 0.4]);
    expect(optimizer.state()).toHaveLength(0);
  });

  it('sgd honours the learning rate override', () => {
    const { afterOne } = twoSteps({ name: 'sgd', learningRate: 0.5 });
    // p₁ = [1 − 0.25, −2 + 0.5, 0.5 − 1]
    expectClose(afterOne, [0.75, -1.5, -0.5]);
  });

  it('momentum (μ = 0.9): v ← μ·v + g; p ← p − lr·v', () => {
    const { optimizer, afterOne, afterTwo } = twoSteps({ name: 'momentum' });
    expect(optimizer.name).toBe('momentum');
    // v₁ = g₁ = [0.5, −1, 2]; p₁ = [1 − 0.05, −2 + 0.1, 0.5 − 0.2]
    expectClose(afterOne, [0.95, -1.9, 0.3]);
    // v₂ = 0.9·v₁ + g₂ = [0.45 + 0.25, −0.9 + 1, 1.8 − 1] = [0.7, 0.1, 0.8]
    // p₂ = [0.95 − 0.07, −1.9 − 0.01, 0.3 − 0.08]
    expectClose(afterTwo, [0.88, -1.91, 0.22]);
    expect(optimizer.state()).toHaveLength(1);
    expectClose(optimizer.state()[0]!, [0.7, 0.1, 0.8]);
  });

  it('momentum honours μ', () => {
    const { afterTwo } = twoSteps({ name: 'momentum', momentum: 0.5 });
    // v₂ = 0.5·[0.5, −1, 2] + [0.25, 1, −1] = [0.5, 0.5, 0]; p₂ = [0.95 − 0.05, −1.9 − 0.05, 0.3 − 0]
    expectClose(afterTwo, [0.9, -1.95, 0.3]);
  });

  it('adagrad (a₀ = 0.1, ε = 1e-8): a ← a + g²; p ← p − lr·g/(√a + ε)', () => {
    const { optimizer, afterOne, afterTwo } = twoSteps({ name: 'adagrad' });
    expect(optimizer.name).toBe('adagrad');
    // a₁ = 0.1 + [0.25, 1, 4] = [0.35, 1.1, 4.1]; √a₁ = [0.5916080, 1.0488088, 2.0248457]
    // lr·g₁/√a₁ = [0.05/0.5916080, −0.1/1.0488088, 0.2/2.0248457] = [0.0845154, −0.0953463, 0.0987730]
    expectClose(afterOne, [0.9154846, -1.9046537, 0.401227]);
    // a₂ = a₁ + [0.0625, 1, 1] = [0.4125, 2.1, 5.1]; √a₂ = [0.6422616, 1.4491377, 2.2583180]
    // lr·g₂/√a₂ = [0.025/0.6422616, 0.1/1.4491377, −0.1/2.2583180] = [0.0389249, 0.0690066, −0.0442807]
    expectClose(afterTwo, [0.8765596, -1.9736603, 0.4455078]);
    expect(optimizer.state()).toHaveLength(1);
    expectClose(optimizer.state()[0]!, [0.4125, 2.1, 5.1]);
  });

  it('adagrad starts its accumulator at initialAccumulator', () => {
    const { afterOne } = twoSteps({ name: 'adagrad', initialAccumulator: 0.75, epsilon: 0 });
    // a₁ = 0.75 + [0.25, 1, 4] = [1, 1.75, 4.75]; p₁ = [1 − 0.05/1, −2 + 0.1/1.3228757, 0.5 − 0.2/2.1794495]
    expectClose(afterOne, [0.95, -1.9244071, 0.4082337]);
  });

  it('adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) with bias correction', () => {
    const { optimizer, afterOne, afterTwo } = twoSteps({ name: 'adam' });
    expect(optimizer.name).toBe('adam');
    // t = 1: m = 0.1·g₁, v = 0.001·g₁², m̂ = m/0.1 = g₁, v̂ = v/0.001 = g₁²: the step is lr·g/|g| = 0.1·sign(g₁)
    expectClose(afterOne, [0.9, -1.9, 0.4]);
    // t = 2: m = 0.9·0.1·g₁ + 0.1·g₂ = [0.045 + 0.025, −0.09 + 0.1, 0.18 − 0.1] = [0.07, 0.01, 0.08]
    //        v = 0.999·0.001·g₁² + 0.001·g₂² = [0.00024975 + 0.0000625, 0.000999 + 0.001, 0.003996 + 0.001]
    //          = [0.00031225, 0.001999, 0.004996]
    //        m̂ = m/(1 − 0.81) = [0.3684211, 0.0526316, 0.4210526]; v̂ = v/(1 − 0.998001) = [0.1562031, 1, 2.4992496]
    //        step = lr·m̂/√v̂ = [0.1·0.3684211/0.3952254, 0.1·0.0526316/1, 0.1·0.4210526/1.5809015]
    //             = [0.0932180, 0.0052632, 0.0266337]
    expectClose(afterTwo, [0.806782, -1.9052632, 0.3733663]);
    const [first, second, steps] = optimizer.state();
    expect(optimizer.state()).toHaveLength(3);
    expectClose(first!, [0.07, 0.01, 0.08]);
    expectClose(second!, [0.00031225, 0.001999, 0.004996]);
    expect(Array.from(steps!)).toEqual([2]);
  });

  it.each(optimizerNames)('%s: two optimizers have separate state', (name) => {
    const a = createOptimizer({ ...defaultOptimizerConfig, name }, 3);
    const b = createOptimizer({ ...defaultOptimizerConfig, name }, 3);
    const pa = Float32Array.from(p0), pb = Float32Array.from(p0);
    a.apply(pa, g1);
    a.apply(pa, g2);
    b.apply(pb, g2);
    const alone = Float32Array.from(p0);
    createOptimizer({ ...defaultOptimizerConfig, name }, 3).apply(alone, g2);
    expect(pb).toEqual(alone);
  });
});

describe('createOptimizer', () => {
  it('knows exactly sgd, momentum, adagrad and adam', () => {
    expect(optimizerNames).toEqual(['sgd', 'momentum', 'adagrad', 'adam']);
  });

  it('throws a RangeError naming an unknown optimizer and listing the allowed ones', () => {
    const make = () => createOptimizer({ ...defaultOptimizerConfig, name: 'rmsprop' as OptimizerName }, 3);
    expect(make).toThrow(RangeError);
    expect(make).toThrow('optimizer: "rmsprop" is unknown; expected one of sgd, momentum, adagrad, adam');
  });

  it.each(optimizerNames)('%s: adopts the state it is given, so two optimizers over one state apply in turn as one optimizer does', (name) => {
    const config = { ...defaultOptimizerConfig, name };
    const one = createOptimizer(config, 3);
    const expected = Float32Array.from(p0);
    for (const g of [g1, g2, g1]) one.apply(expected, g);
    const first = createOptimizer(config, 3);
    const second = createOptimizer(config, 3, first.state());
    expect(second.state()).toEqual(first.state());
    second.state().forEach((v, i) => expect(v).toBe(first.state()[i]));
    const params = Float32Array.from(p0);
    first.apply(params, g1);
    second.apply(params, g2);
    first.apply(params, g1);
    expect(params).toEqual(expected);
  });

  it.each(optimizerNames)('%s: refuses state of another shape, naming the lengths', (name) => {
    const config = { ...defaultOptimizerConfig, name };
    const wrong = [new Float32Array(4), new Float32Array(4), new Float32Array(4)];
    expect(() => createOptimizer(config, 3, wrong)).toThrow(new RegExp(`^${name}: state of 3 vectors of lengths \\[4, 4, 4\\] given; expected lengths \\[`));
  });

  // A plain-object registry would find Object.prototype members under these names.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('throws a RangeError for the inherited name "%s" too', (name) => {
    expect(() => createOptimizer({ ...defaultOptimizerConfig, name: name as OptimizerName }, 3)).toThrow(
      `optimizer: "${name}" is unknown; expected one of sgd, momentum, adagrad, adam`,
    );
  });
});
