import { beforeAll, describe, expect, it } from 'vitest';
import { loadStockGradients, tf, type Tensor } from '@churnlab/tensor';
import { parseActivation, type Activation } from '../src/index.js';
import { FLOAT32_TOLERANCE, centralDifference, extraSpecs, midpoints, mismatches, reference, referenceOf, referenceSpecs } from './reference-data.js';

/** Values of apply(x) as a plain array. */
function forward(activation: Activation, x: readonly number[]): number[] {
  return tf.tidy(() => Array.from(activation.apply(tf.tensor1d([...x])).dataSync()));
}

/** tf.grad of sum(apply(x)): the elementwise derivative the training loop would see. */
function gradient(activation: Activation, x: readonly number[]): number[] {
  return tf.tidy(() => {
    const grad = tf.grad((input: Tensor) => tf.sum(activation.apply(input)));
    return Array.from(grad(tf.tensor1d([...x])).dataSync());
  });
}

/** The tfjs forward/gradient suite, run once per backend (one test file each, since tfjs keeps one backend per process). */
export function describeTensorSuite(backend: 'wasm' | 'cpu', init: () => Promise<unknown>): void {
  describe(`tfjs ops on the ${backend} backend`, () => {
    beforeAll(async () => {
      await init();
      expect(tf.getBackend()).toBe(backend);
      // The gradients are taken by tf.grad of sum(apply(x)): apply's own gradient is its customGrad, Sum's is tfjs's.
      await loadStockGradients();
    });

    describe.each(referenceSpecs)('%s', (spec) => {
      const activation = parseActivation(spec);
      const expected = referenceOf(spec);

      it('forward matches the reference values', () => {
        expect(mismatches(reference.x, forward(activation, reference.x), expected.f, FLOAT32_TOLERANCE)).toEqual([]);
      });

      it('gradient of sum(apply(x)) matches the reference derivative', () => {
        expect(mismatches(reference.x, gradient(activation, reference.x), expected.df, FLOAT32_TOLERANCE)).toEqual([]);
      });

      it('gradient matches finite differences of the scalar reference between the grid points', () => {
        const numeric = midpoints.map((x) => centralDifference(activation.reference.f, x));
        expect(mismatches(midpoints, gradient(activation, midpoints), numeric, FLOAT32_TOLERANCE)).toEqual([]);
      });

      it('multiplies the upstream gradient in (chain rule) and keeps the shape', () => {
        const weights = reference.x.map((_, i) => ((i * 7) % 5) - 2.5);
        const [shape, grad] = tf.tidy(() => {
          const x = tf.tensor2d(reference.x, [7, 7]);
          const w = tf.tensor2d(weights, [7, 7]);
          const g = tf.grad((input: Tensor) => tf.sum(tf.mul(activation.apply(input), w)))(x);
          return [activation.apply(x).shape, Array.from(g.dataSync())] as const;
        });
        expect(shape).toEqual([7, 7]);
        const want = expected.df.map((df, i) => df * weights[i]!);
        expect(mismatches(reference.x, grad, want, FLOAT32_TOLERANCE)).toEqual([]);
      });

      it('forward and derivative, as plain ops, give apply and its gradient bit for bit', () => {
        const [applied, plain, gradient, derivative] = tf.tidy(() => {
          const x = tf.tensor1d([...reference.x, ...midpoints]);
          const dy = tf.tensor1d([...reference.x, ...midpoints].map((_, i) => ((i * 7) % 5) - 2.5));
          const g = tf.grad((input: Tensor) => tf.sum(tf.mul(activation.apply(input), dy)))(x);
          return [activation.apply(x), activation.forward(x), g, tf.mul(dy, activation.derivative(x))].map((t) => Array.from(t.dataSync()));
        });
        expect(plain).toEqual(applied);
        expect(derivative).toEqual(gradient);
      });

      it('never yields NaN or Infinity on huge finite inputs', () => {
        const extremes = [-3.4e38, -1e30, -1e6, -100, -30, 30, 100, 1e6, 1e30, 3.4e38];
        const values = [...forward(activation, extremes), ...gradient(activation, extremes)];
        expect(values.filter((v) => !Number.isFinite(v))).toEqual([]);
      });

      it('leaves no intermediate tensors behind', () => {
        const x = tf.tensor1d(reference.x);
        const before = tf.memory().numTensors;
        const y = activation.apply(x);
        expect(tf.memory().numTensors).toBe(before + 1);
        tf.dispose([x, y]);
      });
    });

    describe.each(extraSpecs)('%s, beyond the reference file', (spec) => {
      const activation = parseActivation(spec);
      const x = [...reference.x, ...midpoints];

      it('forward and gradient match the scalar reference', () => {
        expect(mismatches(x, forward(activation, x), x.map(activation.reference.f), FLOAT32_TOLERANCE)).toEqual([]);
        expect(mismatches(x, gradient(activation, x), x.map(activation.reference.df), FLOAT32_TOLERANCE)).toEqual([]);
      });
    });

    // The ends of the smoothing range that specs accept (spec-reader.ts), with gsmelu's width split over α and β.
    describe.each(['smelu', 'swish', 'softplus', 'gsmelu'])('%s at the ends of the allowed smoothing range', (family) => {
      it.each(['1e-6', '1e6'])('stays finite at width %s on huge and tiny finite inputs', (width) => {
        const spec = family === 'gsmelu' ? `gsmelu:alpha=${Number(width) / 2},beta=${Number(width) / 2}` : `${family}:${width}`;
        const activation = parseActivation(spec);
        const x = [-3.4e38, -1e30, -1e6, -1, -1e-7, 0, 1e-7, 1, 1e6, 1e30, 3.4e38];
        const values = [...forward(activation, x), ...gradient(activation, x)];
        expect(values.filter((v) => !Number.isFinite(v))).toEqual([]);
        expect(mismatches(x, forward(activation, x), x.map(activation.reference.f), FLOAT32_TOLERANCE)).toEqual([]);
        expect(mismatches(x, gradient(activation, x), x.map(activation.reference.df), FLOAT32_TOLERANCE)).toEqual([]);
      });
    });

    it('SmeLU β = 1.5 gives the DESIGN check values', () => {
      const x = [-2.5, -1, 0.5, 1, 2.5];
      const want = [0, 0.0416667, 0.6666667, 1.0416667, 2.5];
      expect(mismatches(x, forward(parseActivation('smelu:1.5'), x), want, FLOAT32_TOLERANCE)).toEqual([]);
    });

    it.each([0.5, 1, 1.5, 3])('SmeLU(0) = β/4 for β = %s', (beta) => {
      expect(forward(parseActivation(`smelu:${beta}`), [0])[0]).toBeCloseTo(beta / 4, 6);
    });

    it.each([0.5, 2])('gsmelu with gneg=0, gpos=1, alpha=beta=%s equals smelu', (beta) => {
      const smelu = parseActivation(`smelu:${beta}`);
      const general = parseActivation(`gsmelu:alpha=${beta},beta=${beta},gneg=0,gpos=1,t=0`);
      const x = [...reference.x, ...midpoints];
      expect(mismatches(x, forward(general, x), forward(smelu, x), FLOAT32_TOLERANCE)).toEqual([]);
      expect(mismatches(x, gradient(general, x), gradient(smelu, x), FLOAT32_TOLERANCE)).toEqual([]);
    });
  });
}
