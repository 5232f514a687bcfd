// Property-based tests (fast-check) of the shape facts DESIGN §1's formulas promise: where each activation is
// monotone, its Lipschitz bound (the range of f'), convexity, SmeLU's and softplus's position relative to ReLU, and
// what a larger β does. First on the float64 scalar references, then on the tfjs ops on the WASM backend.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend, loadStockGradients, tf, type Tensor } from '@churnlab/tensor';
import { parseActivation, type Activation } from '../src/index.js';
import { FLOAT32_TOLERANCE, mismatches } from './reference-data.js';

// Extremes of f and f' found by a 1e-5 grid scan of the references over [−10, 10] (f' of swish depends on βx only):
//   gelu       f' ∈ [−0.1289041, 1.1289041] (at ∓√2), min f = −0.1699712 at x = −0.75179
//   gelu:tanh  f' ∈ [−0.1289931, 1.1289931],          min f = −0.1700408 at x = −0.75246
//   swish:β    f' ∈ [−0.0998393, 1.0998393],          min f = −0.2784645/β at βx = −1.27846
// The bounds below are those, rounded outwards in the last digit kept.
const GELU_SLOPE = { lo: -0.129, hi: 1.129 };
const SWISH_SLOPE = { lo: -0.09984, hi: 1.09984 };
const GELU_MIN = -0.17005;
const SWISH_MIN_TIMES_BETA = -0.27847;
// GELU and swish are not monotone: they fall to their minimum and rise after it. The regions tested keep a margin
// around the minimum, where f is flat and rounding, not the formula, decides the order of neighbouring values.
const GELU_RISES_FROM = -0.7;
const GELU_FALLS_UP_TO = -0.8;
const SWISH_RISES_FROM_TIMES_BETA = -1.2;
const SWISH_FALLS_UP_TO_TIMES_BETA = -1.35;

/** Relative allowance for rounding in a float64 reference (erfc and the sigmoid are accurate to a few ulp). */
const ROUND64 = 16 * Number.EPSILON;
/** Absolute floor: far left, e^(βx) in swish's σ is subnormal and keeps only a few digits (f ≈ −4e-308 at βx = −719). */
const TINY64 = 1e-290;
/** The same for float32 tensor ops: a few float32 ulp. */
const ROUND32 = 8 * 2 ** -23;

const relu = (x: number): number => Math.max(x, 0);

/** a ≤ b up to `round` relative to the larger magnitude (plus `abs`): inequalities between two rounded values. */
function expectAtMost(a: number, b: number, round: number, abs = 0): void {
  expect(a).toBeLessThanOrEqual(b + round * Math.max(Math.abs(a), Math.abs(b)) + abs);
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
//
// fc.double draws uniformly over the representable doubles, so about 90% of fc.double({ min: -8, max: 8 }) has
// |x| < 1e-6: good for edge cases, useless for covering a range. `uniform` covers it evenly; the arbitraries mix both.

const GRID = 2 ** 30;

/** Evenly spread over [min, max] (a grid of 2^30 steps), shrinking toward 0 (or toward min when 0 is outside). */
function uniform(min: number, max: number): fc.Arbitrary<number> {
  if (min < 0 && max > 0) return fc.integer({ min: -GRID, max: GRID }).map((i) => (i < 0 ? (-min * i) / GRID : (max * i) / GRID));
  return fc.integer({ min: 0, max: GRID }).map((i) => min + ((max - min) * i) / GRID);
}

/** β > 0, log-uniform over [0.01, 100] or one of the values the reference file uses; shrinks toward 1. */
const betas: fc.Arbitrary<number> = fc.oneof(
  uniform(-2, 2).map((e) => 10 ** e),
  fc.constantFrom(0.01, 0.5, 1, 1.5, 1.702, 3, 4, 7),
);

/** ±scale·(1 ± 10^e) for e ∈ [−12, 0]: points closing in on the knots ±β of SmeLU from both sides, on a log scale. */
function nearKnots(scale: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.boolean(), fc.boolean(), uniform(-12, 0))
    .map(([left, inside, e]) => (left ? -scale : scale) * (1 + (inside ? -1 : 1) * 10 ** e));
}

/** x across the interesting region, a multiple of `scale` (SmeLU's knots ±β are at ±1·scale), far out, or edge values. */
function points(scale = 1): fc.Arbitrary<number> {
  return fc.oneof(
    uniform(-8, 8),
    uniform(-3, 3).map((u) => u * scale),
    fc.constantFrom(-scale, scale, 0),
    nearKnots(scale),
    uniform(-1e6, 1e6),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  );
}

/** x ≤ y: independent points, or a point and a neighbour at most 1e-3 to its right (down to the same point). */
function orderedPairs(scale = 1): fc.Arbitrary<[number, number]> {
  const gap = fc.oneof(uniform(0, 1e-3), fc.double({ min: 0, max: 1e-3, noNaN: true }));
  const near = fc.tuple(points(scale), gap).map(([x, d]): [number, number] => [x, x + d]);
  return fc.oneof(fc.tuple(points(scale), points(scale)), near).map(([x, y]): [number, number] => (x <= y ? [x, y] : [y, x]));
}

/** x and a step h ∈ [1e-12, 1] (log-uniform) to x + h, with |x| ≤ 1000 so that x + h > x. */
function steps(scale = 1): fc.Arbitrary<[number, number]> {
  const x = fc.oneof(uniform(-8, 8), uniform(-3, 3).map((u) => u * scale), uniform(-1000, 1000), fc.double({ min: -8, max: 8, noNaN: true }));
  return fc.tuple(x, uniform(-12, 0).map((e) => 10 ** e)).map(([from, h]): [number, number] => [from, from + h]);
}

/** Generalised SmeLU parameters: alpha, beta ≥ 0 with alpha + beta > 0, slopes gneg, gpos ∈ [−2, 2], offset t. */
const gsmeluParams = fc
  .record({
    alpha: fc.oneof(uniform(0, 5), fc.constant(0)),
    beta: fc.oneof(uniform(0, 5), fc.constant(0)),
    gneg: fc.oneof(uniform(-2, 2), fc.constantFrom(0, 1)),
    gpos: fc.oneof(uniform(-2, 2), fc.constantFrom(0, 1)),
    t: uniform(-1, 1),
  })
  .filter(({ alpha, beta }) => alpha + beta >= 1e-3);

type GsmeluParams = typeof gsmeluParams extends fc.Arbitrary<infer P> ? P : never;

function gsmeluSpec({ alpha, beta, gneg, gpos, t }: GsmeluParams): string {
  return `gsmelu:alpha=${alpha},beta=${beta},gneg=${gneg},gpos=${gpos},t=${t}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The families, with what the formulas promise about each

interface Family {
  name: string;
  /** The activation for a β (ignored by the parameterless ones). */
  spec(beta: number): string;
  /** Range of f' over all x: a Lipschitz bound max(|lo|, |hi|), and lo·(y − x) ≤ f(y) − f(x) ≤ hi·(y − x). */
  slope: { lo: number; hi: number };
  /** f is non-decreasing on [risesFrom(β), ∞) (−∞ for monotone activations) and non-increasing on (−∞, fallsUpTo(β)]. */
  risesFrom(beta: number): number;
  fallsUpTo?(beta: number): number;
  /** f' is non-decreasing (f is convex). */
  convex: boolean;
  /** Absolute rounding of the float64 reference per unit of |x| where its relative precision is lost (else 0). */
  tailRounding?: number;
  /** f_β(x) = g(βx)/β (softplus, swish): float32 errors of the value scale with 1/β, and so does the absolute tolerance. */
  scalesWithInverseBeta?: boolean;
}

const families: Family[] = [
  { name: 'relu', spec: () => 'relu', slope: { lo: 0, hi: 1 }, risesFrom: () => -Infinity, convex: true },
  { name: 'smelu', spec: (beta) => `smelu:${beta}`, slope: { lo: 0, hi: 1 }, risesFrom: () => -Infinity, convex: true },
  {
    name: 'softplus',
    spec: (beta) => `softplus:${beta}`,
    slope: { lo: 0, hi: 1 },
    risesFrom: () => -Infinity,
    convex: true,
    scalesWithInverseBeta: true,
  },
  { name: 'gelu', spec: () => 'gelu', slope: GELU_SLOPE, risesFrom: () => GELU_RISES_FROM, fallsUpTo: () => GELU_FALLS_UP_TO, convex: false },
  {
    name: 'gelu:tanh',
    spec: () => 'gelu:tanh',
    slope: GELU_SLOPE,
    risesFrom: () => GELU_RISES_FROM,
    fallsUpTo: () => GELU_FALLS_UP_TO,
    convex: false,
    // The reference computes 0.5·x·(1 + tanh u), and 1 + tanh u cancels in the left tail: its values there are
    // multiples of ε·|x|/2 (−7 gives ≈ −2.3e-15 to about 30%, and below about −7.5 it is exactly 0). The tensor op's
    // x·σ(2u) does not lose this precision; the absolute error, ≤ ε·|x|, is far below any tolerance that matters.
    tailRounding: Number.EPSILON,
  },
  {
    name: 'swish',
    spec: (beta) => `swish:${beta}`,
    slope: SWISH_SLOPE,
    risesFrom: (beta) => SWISH_RISES_FROM_TIMES_BETA / beta,
    fallsUpTo: (beta) => SWISH_FALLS_UP_TO_TIMES_BETA / beta,
    convex: false,
    scalesWithInverseBeta: true,
  },
];

const lipschitz = ({ lo, hi }: { lo: number; hi: number }): number => Math.max(Math.abs(lo), Math.abs(hi));

// ---------------------------------------------------------------------------------------------------------------
// Float64 scalar references

describe.each(families)('scalar reference of $name (property-based)', (family) => {
  const reference = (beta: number) => parseActivation(family.spec(beta)).reference;

  it(family.fallsUpTo ? 'is non-decreasing right of its minimum' : 'is non-decreasing everywhere', () => {
    fc.assert(
      fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), orderedPairs(beta))), ([beta, [x, y]]) => {
        const from = family.risesFrom(beta);
        fc.pre(x >= from);
        const { f } = reference(beta);
        expectAtMost(f(x), f(y), ROUND64, TINY64 + (family.tailRounding ?? 0) * Math.max(Math.abs(x), Math.abs(y)));
      }),
    );
  });

  if (family.fallsUpTo) {
    const fallsUpTo = family.fallsUpTo;
    it('is non-increasing (and ≤ 0) left of its minimum', () => {
      fc.assert(
        fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), orderedPairs(beta))), ([beta, [x, y]]) => {
          fc.pre(y <= fallsUpTo(beta));
          const { f } = reference(beta);
          expectAtMost(f(y), f(x), ROUND64, TINY64 + (family.tailRounding ?? 0) * Math.max(Math.abs(x), Math.abs(y)));
          expect(f(y)).toBeLessThanOrEqual(0);
        }),
      );
    });

    it('is therefore not monotone: f(2·m) > f(m) < f(0) around the minimum m', () => {
      fc.assert(
        fc.property(betas, (beta) => {
          const { f } = reference(beta);
          const m = (family.risesFrom(beta) + fallsUpTo(beta)) / 2;
          expect(f(2 * m)).toBeGreaterThan(f(m));
          expect(f(m)).toBeLessThan(f(0));
        }),
      );
    });
  }

  it(`is Lipschitz: ${family.slope.lo}·h ≤ f(x + h) − f(x) ≤ ${family.slope.hi}·h (|Δf| ≤ ${lipschitz(family.slope)}·h)`, () => {
    fc.assert(
      fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), steps(beta))), ([beta, [x, y]]) => {
        const { f } = reference(beta);
        const h = y - x;
        const [fx, fy] = [f(x), f(y)];
        const rounding = ROUND64 * Math.max(Math.abs(fx), Math.abs(fy));
        expectAtMost(fy - fx, family.slope.hi * h, 0, rounding);
        expectAtMost(family.slope.lo * h, fy - fx, 0, rounding);
        expectAtMost(Math.abs(fy - fx), lipschitz(family.slope) * h, 0, rounding);
      }),
    );
  });

  it(`has f' in [${family.slope.lo}, ${family.slope.hi}]`, () => {
    fc.assert(
      fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), points(beta))), ([beta, x]) => {
        const d = reference(beta).df(x);
        expect(d).toBeGreaterThanOrEqual(family.slope.lo);
        expect(d).toBeLessThanOrEqual(family.slope.hi);
      }),
    );
  });

  if (family.convex) {
    it("is convex: f' is non-decreasing", () => {
      fc.assert(
        fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), orderedPairs(beta))), ([beta, [x, y]]) => {
          const { df } = reference(beta);
          expectAtMost(df(x), df(y), ROUND64);
        }),
      );
    });
  }
});

describe('scalar SmeLU against ReLU (property-based)', () => {
  const smeluAt = (beta: number) => parseActivation(`smelu:${beta}`).reference;
  const betaAndPoint = betas.chain((beta) => fc.tuple(fc.constant(beta), points(beta)));

  // To one rounding: just inside β the true gap (β − x)²/(4β) is far below an ulp of x, and the two roundings of
  // (x + β)²/(4β) can land one ulp under x (β = 0.5, x = 0.4999999999995 gives x − 5.6e-17).
  it('SmeLU ≥ ReLU for every x and every β > 0 (to one rounding)', () => {
    fc.assert(
      fc.property(betaAndPoint, ([beta, x]) => {
        expectAtMost(relu(x), smeluAt(beta).f(x), ROUND64);
      }),
    );
  });

  it('SmeLU = ReLU exactly for |x| ≥ β, with f\' = 0 left of −β and 1 right of β', () => {
    fc.assert(
      fc.property(betaAndPoint, ([beta, x]) => {
        fc.pre(Math.abs(x) >= beta);
        const { f, df } = smeluAt(beta);
        expect(f(x)).toBe(relu(x));
        expect(df(x)).toBe(x > 0 ? 1 : 0);
      }),
    );
  });

  it('inside (−β, β): ReLU < SmeLU ≤ ReLU + β/4, the gap (β − |x|)²/(4β) largest at 0, and f\' = (x + β)/(2β)', () => {
    fc.assert(
      fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), uniform(-1, 1))), ([beta, u]) => {
        const x = u * beta;
        fc.pre(Math.abs(x) < beta);
        const { f, df } = smeluAt(beta);
        const gap = f(x) - relu(x);
        // Near the knots the true gap is below one ulp of x, so strictness is checked where it is not (|x| ≤ β/2).
        if (Math.abs(u) <= 0.5) expect(gap).toBeGreaterThan(0);
        expectAtMost(gap, beta / 4, ROUND64);
        expect(Math.abs(gap - (beta - Math.abs(x)) ** 2 / (4 * beta))).toBeLessThanOrEqual(ROUND64 * beta);
        expect(Math.abs(df(x) - (x + beta) / (2 * beta))).toBeLessThanOrEqual(ROUND64);
      }),
    );
  });

  it('SmeLU(0) = β/4 and f\'(0) = ½ for every β', () => {
    fc.assert(
      fc.property(betas, (beta) => {
        expect(smeluAt(beta).f(0)).toBeCloseTo(beta / 4, 12);
        expect(smeluAt(beta).df(0)).toBe(0.5);
      }),
    );
  });

  it('a larger β never lowers SmeLU at any x (wider, smoother: further from ReLU)', () => {
    fc.assert(
      fc.property(betas, betas, points(), (b1, b2, x) => {
        const [small, large] = b1 <= b2 ? [b1, b2] : [b2, b1];
        expectAtMost(smeluAt(small).f(x), smeluAt(large).f(x), ROUND64);
      }),
    );
  });
});

describe('scalar softplus, swish and GELU against ReLU (property-based)', () => {
  const betaAndPoint = betas.chain((beta) => fc.tuple(fc.constant(beta), points(1 / beta)));

  // ≥ holds to rounding only: far right the log1p term is below an ulp and (βx)/β can round to x − 1 ulp.
  it('softplus > ReLU where the gap log(1 + e^(−β|x|))/β survives rounding (β|x| ≤ 30), ≥ everywhere, and ≤ ReLU + log(2)/β', () => {
    fc.assert(
      fc.property(betaAndPoint, ([beta, x]) => {
        const { f } = parseActivation(`softplus:${beta}`).reference;
        const value = f(x);
        if (Math.abs(beta * x) <= 30) expect(value).toBeGreaterThan(relu(x));
        expectAtMost(relu(x), value, ROUND64);
        expectAtMost(value, relu(x) + Math.LN2 / beta, ROUND64);
      }),
    );
  });

  it(`swish ≤ ReLU and swish ≥ ${SWISH_MIN_TIMES_BETA}/β`, () => {
    fc.assert(
      fc.property(betaAndPoint, ([beta, x]) => {
        const value = parseActivation(`swish:${beta}`).reference.f(x);
        expect(value).toBeLessThanOrEqual(relu(x));
        expect(value).toBeGreaterThanOrEqual(SWISH_MIN_TIMES_BETA / beta);
      }),
    );
  });

  it(`GELU (both forms) ≤ ReLU and ≥ ${GELU_MIN}, and the tanh form stays within 5e-4 of the erf form`, () => {
    const exact = parseActivation('gelu').reference;
    const tanh = parseActivation('gelu:tanh').reference;
    fc.assert(
      fc.property(points(), (x) => {
        for (const { f } of [exact, tanh]) {
          expect(f(x)).toBeLessThanOrEqual(relu(x));
          expect(f(x)).toBeGreaterThanOrEqual(GELU_MIN);
        }
        expect(Math.abs(exact.f(x) - tanh.f(x))).toBeLessThanOrEqual(5e-4);
      }),
    );
  });

  it.each(['softplus', 'swish'])('%s comes closer to ReLU at every x as β grows', (name) => {
    fc.assert(
      fc.property(betas, betas, points(), (b1, b2, x) => {
        const [small, large] = b1 <= b2 ? [b1, b2] : [b2, b1];
        const distance = (beta: number) => Math.abs(parseActivation(`${name}:${beta}`).reference.f(x) - relu(x));
        expectAtMost(distance(large), distance(small), ROUND64, ROUND64 * Math.abs(x));
      }),
    );
  });
});

describe('scalar generalised SmeLU (property-based)', () => {
  const reference = (params: GsmeluParams) => parseActivation(gsmeluSpec(params)).reference;
  // Right of beta the reference adds gneg·(x + alpha) and (gpos − gneg)·(…+ x), which cancel when gpos ≈ 0: its
  // absolute rounding scales with the slopes times |x|, not with |f|.
  const rounding = ({ alpha, beta, gneg, gpos, t }: GsmeluParams, x: number, y: number): number =>
    ROUND64 * (1 + Math.abs(t) + 2 * Math.max(Math.abs(gneg), Math.abs(gpos)) * (Math.max(Math.abs(x), Math.abs(y)) + alpha + beta));

  it("has f' between gneg and gpos, and is Lipschitz with max(|gneg|, |gpos|)", () => {
    fc.assert(
      fc.property(gsmeluParams, steps(), (params, [x, y]) => {
        const { f, df } = reference(params);
        const lo = Math.min(params.gneg, params.gpos);
        const hi = Math.max(params.gneg, params.gpos);
        expect(df(x)).toBeGreaterThanOrEqual(lo - ROUND64);
        expect(df(x)).toBeLessThanOrEqual(hi + ROUND64);
        const [fx, fy] = [f(x), f(y)];
        expectAtMost(Math.abs(fy - fx), Math.max(-lo, hi) * (y - x), 0, rounding(params, x, y));
      }),
    );
  });

  it('is non-decreasing when gneg, gpos ≥ 0, and convex when gpos ≥ gneg', () => {
    fc.assert(
      fc.property(gsmeluParams, orderedPairs(), (params, [x, y]) => {
        const { f, df } = reference(params);
        if (params.gneg >= 0 && params.gpos >= 0) expectAtMost(f(x), f(y), 0, rounding(params, x, y));
        if (params.gpos >= params.gneg) expectAtMost(df(x), df(y), ROUND64, ROUND64);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// tfjs ops on the WASM backend (float32): a few hundred sampled points per property, each batch in one op call

/** Values and tf.grad of sum(apply(x)) at `x`, in one pass. */
function evaluate(activation: Activation, x: readonly number[]): { f: number[]; df: number[] } {
  return tf.tidy(() => {
    const input = tf.tensor1d([...x]);
    const f = Array.from(activation.apply(input).dataSync());
    const df = Array.from(tf.grad((t: Tensor) => tf.sum(activation.apply(t)))(input).dataSync());
    return { f, df };
  });
}

/** Batches of float32 points (values exactly representable, so the float64 reference sees the same x). */
function batches(scale = 1): fc.Arbitrary<number[]> {
  const point = fc.oneof(
    uniform(-8, 8).map(Math.fround),
    uniform(-3, 3).map((u) => Math.fround(u * scale)),
    nearKnots(scale).map(Math.fround),
    uniform(-1e4, 1e4).map(Math.fround),
    fc.float({ min: -8, max: 8, noNaN: true }),
  );
  return fc.array(point, { minLength: 1, maxLength: 32 });
}

const TENSOR_RUNS = { numRuns: 20 };

describe('tfjs ops on the wasm backend (property-based)', () => {
  beforeAll(async () => {
    await initWasmBackend();
    // The properties take the gradient of a sum of f by tf.grad: that needs tfjs's Sum gradient.
    await loadStockGradients();
    expect(tf.getBackend()).toBe('wasm');
  });

  describe.each(families)('$name', (family) => {
    const betaAndBatch = betas.chain((beta) => fc.tuple(fc.constant(beta), batches(beta)));

    it('forward and gradient agree with the float64 scalar reference at sampled points', () => {
      fc.assert(
        fc.property(betaAndBatch, ([beta, x]) => {
          const activation = parseActivation(family.spec(beta));
          const { f, df } = evaluate(activation, x);
          const scale = family.scalesWithInverseBeta ? Math.max(1, 1 / beta) : 1;
          const valueTolerance = { rel: FLOAT32_TOLERANCE.rel, abs: FLOAT32_TOLERANCE.abs * scale };
          expect(mismatches(x, f, x.map(activation.reference.f), valueTolerance)).toEqual([]);
          expect(mismatches(x, df, x.map(activation.reference.df), FLOAT32_TOLERANCE)).toEqual([]);
        }),
        TENSOR_RUNS,
      );
    });

    it(family.fallsUpTo ? 'is non-decreasing right of its minimum' : 'is non-decreasing everywhere', () => {
      fc.assert(
        fc.property(betaAndBatch, ([beta, batch]) => {
          const x = batch.filter((v) => v >= family.risesFrom(beta)).sort((a, b) => a - b);
          const { f } = evaluate(parseActivation(family.spec(beta)), x);
          for (let i = 1; i < f.length; i++) expectAtMost(f[i - 1]!, f[i]!, ROUND32);
        }),
        TENSOR_RUNS,
      );
    });

    it(`is Lipschitz with ${lipschitz(family.slope)} and has its gradient in [${family.slope.lo}, ${family.slope.hi}]`, () => {
      const withSteps = betas.chain((beta) =>
        fc.tuple(fc.constant(beta), batches(beta), fc.array(uniform(-3, 0).map((e) => 10 ** e), { minLength: 32, maxLength: 32 })),
      );
      fc.assert(
        fc.property(withSteps, ([beta, x, h]) => {
          const y = x.map((v, i) => Math.fround(v + h[i]!));
          const { f, df } = evaluate(parseActivation(family.spec(beta)), [...x, ...y]);
          const n = x.length;
          for (let i = 0; i < n; i++) {
            const [fx, fy] = [f[i]!, f[n + i]!];
            const rounding = ROUND32 * Math.max(Math.abs(fx), Math.abs(fy));
            expectAtMost(Math.abs(fy - fx), lipschitz(family.slope) * (y[i]! - x[i]!), 0, rounding);
          }
          for (const d of df) {
            expect(d).toBeGreaterThanOrEqual(family.slope.lo - ROUND32);
            expect(d).toBeLessThanOrEqual(family.slope.hi + ROUND32);
          }
        }),
        TENSOR_RUNS,
      );
    });
  });

  it('SmeLU ≥ ReLU everywhere, = ReLU for |x| ≥ β (to float32 rounding), gradient in [0, 1], exactly 0 left of −β and 1 right of β', () => {
    fc.assert(
      fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), batches(beta))), ([beta, x]) => {
        const { f, df } = evaluate(parseActivation(`smelu:${beta}`), x);
        const knot = Math.fround(beta);
        x.forEach((v, i) => {
          expectAtMost(relu(v), f[i]!, ROUND32);
          if (Math.abs(v) >= knot) expect(Math.abs(f[i]! - relu(v))).toBeLessThanOrEqual(ROUND32 * Math.max(Math.abs(v), knot));
          expect(df[i]).toBeGreaterThanOrEqual(0);
          expect(df[i]).toBeLessThanOrEqual(1);
          if (v <= -knot) expect(df[i]).toBe(0);
          // At the knot itself (x − (−β))·(1/(2β)) rounds in float32 and can give 1 − 2^-24; beyond it the clip gives 1.
          if (v >= knot) expect(df[i]).toBeGreaterThanOrEqual(1 - ROUND32);
          if (v >= knot * (1 + 2 ** -20)) expect(df[i]).toBe(1);
        });
      }),
      TENSOR_RUNS,
    );
  });

  it('softplus > ReLU where the gap survives float32 rounding (β|x| ≤ 8), ≥ everywhere (to rounding), ≤ ReLU + log(2)/β', () => {
    fc.assert(
      fc.property(betas.chain((beta) => fc.tuple(fc.constant(beta), batches(1 / beta))), ([beta, x]) => {
        const { f } = evaluate(parseActivation(`softplus:${beta}`), x);
        x.forEach((v, i) => {
          if (Math.abs(beta * v) <= 8) expect(f[i]).toBeGreaterThan(relu(v));
          expectAtMost(relu(v), f[i]!, ROUND32);
          expectAtMost(f[i]!, relu(v) + Math.LN2 / beta, ROUND32);
        });
      }),
      TENSOR_RUNS,
    );
  });
});

// tfjs-backend-wasm's Log1p kernel computes log(1 + y) in float32, which lost softplus's left tail (17% off at βx = −15,
// 0 below βx ≈ −16.6); softplus now uses its own accurate log1p, and this property guards it.
describe('softplus on the wasm backend in the far left tail', () => {
  beforeAll(async () => {
    await initWasmBackend();
  });

  it('keeps its relative precision (1e-4) for βx ∈ [−80, −17]', () => {
    fc.assert(
      fc.property(betas, uniform(-80, -17), (beta, z) => {
        const x = Math.fround(z / beta);
        const activation = parseActivation(`softplus:${beta}`);
        const [value] = evaluate(activation, [x]).f;
        const want = activation.reference.f(x);
        expect(Math.abs(value! - want)).toBeLessThanOrEqual(1e-4 * want);
      }),
      TENSOR_RUNS,
    );
  });
});
