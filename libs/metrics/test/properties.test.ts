// Property-based tests (fast-check) of the PD metrics, pairwise aggregation and summarize against DESIGN §1's
// definitions: each metric equals its formula written out literally, stays in its bounds and is a symmetric distance
// (zero on identical predictions, triangle inequality where the formula is one), does not depend on the order of
// rows or of replicas, and summarize's 95% interval is centred on the mean. pd.test.ts checks symmetry, zero on
// identical predictions and the bounds for every metric already; this file adds what those do not cover.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absolutePd,
  crossPairs,
  crossPdReport,
  l1Pd,
  pairwise,
  pdReport,
  relativePd,
  summarize,
  top1Pd,
  type PdReport,
  type Predictions,
  type Spread,
} from '../src/index.js';
import { distributions, probabilities } from './arbitraries.js';

/** Relative tolerance for results that differ from a literal formula only in summation order and rounding. */
const ROUND = 1e-12;

/** Asserts that `actual` is within `abs + rel·|expected|` of `expected`, or that both are null (a single value's spread). */
function expectClose(actual: number | null, expected: number | null, rel = ROUND, abs = 1e-15): void {
  if (actual === null || expected === null) {
    expect(actual).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

function expectSpreadClose(actual: Spread, expected: Spread): void {
  expect(actual.n).toBe(expected.n);
  expectClose(actual.mean, expected.mean);
  // std goes through a square root of a sum of squared deviations: cancellation, so an absolute allowance as well.
  expectClose(actual.std, expected.std, 1e-9, 1e-12);
  expectClose(actual.ci95?.[0] ?? null, expected.ci95?.[0] ?? null, 1e-9, 1e-11);
  expectClose(actual.ci95?.[1] ?? null, expected.ci95?.[1] ?? null, 1e-9, 1e-11);
}

const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

/** Row r of row-major predictions with `classes` columns. */
const row = (p: Predictions, r: number, classes: number): number[] => Array.from({ length: classes }, (_, k) => p[r * classes + k]!);

const rowCount = (p: Predictions, classes: number): number => p.length / classes;

// ---------------------------------------------------------------------------------------------------------------
// DESIGN §1 written out literally, independently of src

/** (1/N) Σ |pA − pB| / ((pA + pB)/2), a row where both are 0 contributing 0. */
const literalRelativePd = (a: Predictions, b: Predictions): number =>
  mean(Array.from(a, (x, i) => (x === 0 && b[i] === 0 ? 0 : Math.abs(x - b[i]!) / ((x + b[i]!) / 2))));

/** (1/N) Σ |pA − pB|. */
const literalAbsolutePd = (a: Predictions, b: Predictions): number => mean(Array.from(a, (x, i) => Math.abs(x - b[i]!)));

/** (1/N) Σ ½ Σₖ |pA(k) − pB(k)|. */
function literalL1Pd(a: Predictions, b: Predictions, classes: number): number {
  const rows = Array.from({ length: rowCount(a, classes) }, (_, r) => row(a, r, classes));
  return mean(rows.map((ra, r) => 0.5 * ra.reduce((s, x, k) => s + Math.abs(x - b[r * classes + k]!), 0)));
}

/** Decision at threshold 0.5 (p ≥ 0.5 is positive, as src/decision.ts fixes the tie) or the first argmax. */
function literalClass(p: Predictions, r: number, classes: number): number {
  if (classes === 1) return p[r]! >= 0.5 ? 1 : 0;
  const values = row(p, r, classes);
  return values.indexOf(Math.max(...values));
}

/** Fraction of rows whose class differs. */
function literalTop1Pd(a: Predictions, b: Predictions, classes: number): number {
  const rows = Array.from({ length: rowCount(a, classes) }, (_, r) => r);
  return mean(rows.map((r) => (literalClass(a, r, classes) === literalClass(b, r, classes) ? 0 : 1)));
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
//
// fc.double draws uniformly over the representable doubles: about 90% of fc.double({ min: 0, max: 1 }) (and so of
// arbitraries.ts's `probabilities`) is below 1e-10 and only 7% is ≥ 0.5. `uniform` spreads values evenly; the
// arbitraries below mix it with the edge-heavy ones.

const GRID = 2 ** 30;

/** Evenly spread over [min, max] (a grid of 2^30 steps), shrinking toward 0 (or toward min when 0 is outside). */
function uniform(min: number, max: number): fc.Arbitrary<number> {
  if (min < 0 && max > 0) return fc.integer({ min: -GRID, max: GRID }).map((i) => (i < 0 ? (-min * i) / GRID : (max * i) / GRID));
  return fc.integer({ min: 0, max: GRID }).map((i) => min + ((max - min) * i) / GRID);
}

const rowCounts = fc.integer({ min: 1, max: 20 });

/** Binary predictions: any probabilities, or only values at and next to the 0.5 threshold, 0 and 1. */
const binaryPredictions = (rows: number): fc.Arbitrary<Predictions> =>
  fc.oneof(
    probabilities(rows),
    fc.array(uniform(0, 1), { minLength: rows, maxLength: rows }),
    fc.array(fc.constantFrom(0, 1, 0.5, 0.5 - 2 ** -54, 0.5 + 2 ** -53, 0.25, 0.75), { minLength: rows, maxLength: rows }),
  );

/** `count` binary prediction vectors over the same rows. */
const binarySets = (count: number): fc.Arbitrary<Predictions[]> =>
  rowCounts.chain((rows) => fc.array(binaryPredictions(rows), { minLength: count, maxLength: count }));

/** `count` K-class prediction sets over the same rows, with K ∈ [2, 6]; rows are distributions. */
const multiclassSets = (count: number): fc.Arbitrary<{ sets: Predictions[]; classes: number }> =>
  fc.record({ rows: rowCounts, classes: fc.integer({ min: 2, max: 6 }) }).chain(({ rows, classes }) =>
    fc.record({ sets: fc.array(distributions(rows, classes), { minLength: count, maxLength: count }), classes: fc.constant(classes) }),
  );

/** A permutation of 0..n−1. */
const permutations = (n: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n });

/** Reorders the rows of row-major predictions. */
const permuteRows = (p: Predictions, classes: number, order: readonly number[]): number[] =>
  order.flatMap((r) => row(p, r, classes));

interface Metric {
  name: string;
  pd(a: Predictions, b: Predictions, classes: number): number;
  literal(a: Predictions, b: Predictions, classes: number): number;
  binary: boolean;
  /** Whether the metric is a pseudo-distance (triangle inequality), as a mean of per-row distances is. */
  triangle: boolean;
}

const metrics: Metric[] = [
  { name: 'relativePd', pd: relativePd, literal: literalRelativePd, binary: true, triangle: false },
  { name: 'absolutePd', pd: absolutePd, literal: literalAbsolutePd, binary: true, triangle: true },
  { name: 'top1Pd (K = 1)', pd: top1Pd, literal: literalTop1Pd, binary: true, triangle: true },
  { name: 'l1Pd', pd: l1Pd, literal: literalL1Pd, binary: false, triangle: true },
  { name: 'top1Pd (K > 1)', pd: top1Pd, literal: literalTop1Pd, binary: false, triangle: true },
];

/** `count` prediction sets of the kind a metric takes, with their class count. */
const setsFor = (metric: Metric, count: number): fc.Arbitrary<{ sets: Predictions[]; classes: number }> =>
  metric.binary ? binarySets(count).map((sets) => ({ sets, classes: 1 })) : multiclassSets(count);

/** Rows whose halved sum (pA + pB)/2 underflows: the literal formula cannot be evaluated there, src uses 2|Δ|/(pA + pB). */
const hasSubnormalSum = (a: Predictions, b: Predictions): boolean =>
  Array.from(a).some((x, i) => x + b[i]! > 0 && x + b[i]! < 1e-300);

// ---------------------------------------------------------------------------------------------------------------
// PD metrics

describe.each(metrics)('$name (property-based)', (metric) => {
  it('equals the DESIGN §1 formula written out', () => {
    fc.assert(
      fc.property(setsFor(metric, 2), ({ sets: [a, b], classes }) => {
        fc.pre(!hasSubnormalSum(a!, b!));
        expectClose(metric.pd(a!, b!, classes), metric.literal(a!, b!, classes));
      }),
    );
  });

  it('is symmetric and 0 on identical predictions, also across number[] / Float32Array', () => {
    fc.assert(
      fc.property(setsFor(metric, 2), ({ sets: [a, b], classes }) => {
        expect(metric.pd(b!, a!, classes)).toBe(metric.pd(a!, b!, classes));
        expect(metric.pd(a!, Float64Array.from(a!), classes)).toBe(0);
        const a32 = Float32Array.from(a!);
        expect(metric.pd(a32, Array.from(a32), classes)).toBe(0);
      }),
    );
  });

  it('does not depend on the order of the rows (the same permutation applied to both models)', () => {
    const withOrder = setsFor(metric, 2).chain((input) =>
      fc.record({ input: fc.constant(input), order: permutations(rowCount(input.sets[0]!, input.classes)) }),
    );
    fc.assert(
      fc.property(withOrder, ({ input: { sets: [a, b], classes }, order }) => {
        const permuted = metric.pd(permuteRows(a!, classes, order), permuteRows(b!, classes, order), classes);
        expectClose(permuted, metric.pd(a!, b!, classes));
      }),
    );
  });

  if (metric.triangle) {
    it('satisfies the triangle inequality pd(a, c) ≤ pd(a, b) + pd(b, c)', () => {
      fc.assert(
        fc.property(setsFor(metric, 3), ({ sets: [a, b, c], classes }) => {
          const direct = metric.pd(a!, c!, classes);
          expect(direct).toBeLessThanOrEqual((metric.pd(a!, b!, classes) + metric.pd(b!, c!, classes)) * (1 + ROUND));
        }),
      );
    });
  }
});

describe('PD metrics: bounds and relations (property-based)', () => {
  it('relative PD ∈ [0, 2] and ≥ absolute PD ∈ [0, 1] (pA + pB ≤ 2), and a row 0 vs p > 0 contributes exactly 2', () => {
    fc.assert(
      fc.property(binarySets(2), ([a, b]) => {
        const relative = relativePd(a!, b!);
        const absolute = absolutePd(a!, b!);
        expect(relative).toBeGreaterThanOrEqual(0);
        expect(relative).toBeLessThanOrEqual(2);
        expect(absolute).toBeGreaterThanOrEqual(0);
        expect(absolute).toBeLessThanOrEqual(1);
        expect(absolute).toBeLessThanOrEqual(relative);
        const p = a![0];
        if (p! > 0) expect(relativePd([p!], [0])).toBe(2);
      }),
    );
  });

  it('relative PD is 0 only on identical predictions; absolute PD is > 0 where some row differs by more than 1e-300', () => {
    fc.assert(
      fc.property(binarySets(2), ([a, b]) => {
        const same = Array.from(a!).every((x, i) => x === b![i]);
        expect(relativePd(a!, b!) === 0).toBe(same);
        if (Array.from(a!).some((x, i) => Math.abs(x - b![i]!) > 1e-300)) expect(absolutePd(a!, b!)).toBeGreaterThan(0);
      }),
    );
  });

  it('top-1 PD ∈ [0, 1] and is a whole number of rows over N', () => {
    fc.assert(
      fc.property(fc.oneof(binarySets(2).map((sets) => ({ sets, classes: 1 })), multiclassSets(2)), ({ sets: [a, b], classes }) => {
        const rows = rowCount(a!, classes);
        const value = top1Pd(a!, b!, classes);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(Math.abs(value * rows - Math.round(value * rows))).toBeLessThan(1e-9);
      }),
    );
  });

  it('L1 PD ∈ [0, 1] on distributions (to a few ulp: rows sum to 1 ± ulp) and ∈ [0, K/2] on any probabilities', () => {
    const anyProbabilities = fc
      .record({ rows: rowCounts, classes: fc.integer({ min: 2, max: 6 }) })
      .chain(({ rows, classes }) => {
        const any = fc.oneof(probabilities(rows, classes), fc.array(uniform(0, 1), { minLength: rows * classes, maxLength: rows * classes }));
        return fc.record({ a: any, b: any, classes: fc.constant(classes) });
      });
    fc.assert(
      fc.property(multiclassSets(2), anyProbabilities, ({ sets: [a, b], classes }, any) => {
        const onDistributions = l1Pd(a!, b!, classes);
        expect(onDistributions).toBeGreaterThanOrEqual(0);
        expect(onDistributions).toBeLessThanOrEqual(1 + ROUND);
        const onAny = l1Pd(any.a, any.b, any.classes);
        expect(onAny).toBeGreaterThanOrEqual(0);
        expect(onAny).toBeLessThanOrEqual(any.classes / 2);
      }),
    );
  });

  it('a binary model written as K = 2 columns (1 − p, p): L1 PD = absolute PD, and top-1 PD agrees unless some p is exactly 0.5', () => {
    const asTwoColumns = (p: Predictions): number[] => Array.from(p).flatMap((x) => [1 - x, x]);
    fc.assert(
      fc.property(binarySets(2), ([a, b]) => {
        expectClose(l1Pd(asTwoColumns(a!), asTwoColumns(b!), 2), absolutePd(a!, b!), ROUND, 1e-15);
        // At p = 0.5 the two conventions differ on purpose: K = 1 calls p ≥ 0.5 positive, K = 2 takes the first of
        // the tied columns (class 0). Elsewhere 1 − p and p never tie, and 1 − p rounds to the correct side of 0.5.
        fc.pre(![...Array.from(a!), ...Array.from(b!)].includes(0.5));
        expect(top1Pd(asTwoColumns(a!), asTwoColumns(b!), 2)).toBe(top1Pd(a!, b!, 1));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Pairwise aggregation over M ≥ 2 replicas

const replicaCounts = fc.integer({ min: 2, max: 6 });

describe.each(metrics)('pairwise $name over replicas (property-based)', (metric) => {
  const replicaSets = replicaCounts.chain((m) => setsFor(metric, m));

  it('averages all M(M−1)/2 pairs, and the mean lies between the smallest and largest pair value', () => {
    fc.assert(
      fc.property(replicaSets, ({ sets, classes }) => {
        const values: number[] = [];
        sets.forEach((a, i) => sets.slice(i + 1).forEach((b) => values.push(metric.pd(a, b, classes))));
        const spread = pairwise(sets, (a, b) => metric.pd(a, b, classes));
        const m = sets.length;
        expect(spread.n).toBe((m * (m - 1)) / 2);
        expectClose(spread.mean, mean(values));
        expect(spread.mean).toBeGreaterThanOrEqual(Math.min(...values) * (1 - ROUND));
        expect(spread.mean).toBeLessThanOrEqual(Math.max(...values) * (1 + ROUND));
      }),
    );
  });

  it('is invariant to the order of the replicas (the metric is symmetric)', () => {
    const withOrder = replicaSets.chain((input) => fc.record({ input: fc.constant(input), order: permutations(input.sets.length) }));
    fc.assert(
      fc.property(withOrder, ({ input: { sets, classes }, order }) => {
        const permuted = order.map((i) => sets[i]!);
        expectSpreadClose(pairwise(permuted, (a, b) => metric.pd(a, b, classes)), pairwise(sets, (a, b) => metric.pd(a, b, classes)));
      }),
    );
  });
});

describe('pairwise and pdReport (property-based)', () => {
  it('for any metric, reversing the replicas and swapping the arguments gives the same spread (each unordered pair once)', () => {
    const replicas = fc.array(uniform(-10, 10), { minLength: 2, maxLength: 8 });
    const asymmetric = (x: number, y: number): number => 3 * x - y;
    fc.assert(
      fc.property(replicas, (values) => {
        const reversed = [...values].reverse();
        expectSpreadClose(pairwise(reversed, (x, y) => asymmetric(y, x)), pairwise(values, asymmetric));
      }),
    );
  });

  it('pdReport is invariant to the order of the replicas, and every mean is within its metric’s bounds', () => {
    const input = fc.oneof(replicaCounts.chain(binarySets).map((sets) => ({ sets, classes: 1 })), replicaCounts.chain(multiclassSets));
    const withOrder = input.chain((i) => fc.record({ input: fc.constant(i), order: permutations(i.sets.length) }));
    fc.assert(
      fc.property(withOrder, ({ input: { sets, classes }, order }) => {
        const report = pdReport(sets, classes);
        const permuted = pdReport(order.map((i) => sets[i]!), classes);
        expect(Object.keys(permuted).sort()).toEqual(Object.keys(report).sort());
        const bounds = { relative: 2, absolute: 1, l1: 1 + ROUND, top1: 1 } as const;
        for (const key of Object.keys(report) as (keyof typeof bounds)[]) {
          expectSpreadClose(permuted[key]!, report[key]!);
          expect(report[key]!.mean).toBeGreaterThanOrEqual(0);
          expect(report[key]!.mean).toBeLessThanOrEqual(bounds[key]);
        }
      }),
    );
  });
});

describe('crossPairs and crossPdReport (property-based)', () => {
  /** Two replica sets of 1–4 members each over the same rows, binary or multiclass, with a permutation of each. */
  const twoSets = fc
    .record({ m: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 1, max: 4 }), binary: fc.boolean() })
    .chain(({ m, k, binary }) =>
      (binary ? binarySets(m + k).map((sets) => ({ sets, classes: 1 })) : multiclassSets(m + k)).chain(({ sets, classes }) =>
        fc.record({
          as: fc.constant(sets.slice(0, m)),
          bs: fc.constant(sets.slice(m)),
          classes: fc.constant(classes),
          orderA: permutations(m),
          orderB: permutations(k),
        }),
      ),
    );

  const expectReportClose = (actual: PdReport, expected: PdReport): void => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected) as (keyof PdReport)[]) expectSpreadClose(actual[key]!, expected[key]!);
  };

  it('averages all |as|·|bs| cross pairs, whatever the order within each set and (the metrics being symmetric) of the sets', () => {
    fc.assert(
      fc.property(twoSets, ({ as, bs, classes, orderA, orderB }) => {
        const metric = (a: Predictions, b: Predictions): number => (classes === 1 ? absolutePd(a, b) : l1Pd(a, b, classes));
        const values = as.flatMap((a) => bs.map((b) => metric(a, b)));
        const spread = crossPairs(as, bs, metric);
        expect(spread.n).toBe(as.length * bs.length);
        expectClose(spread.mean, mean(values));
        const permutedA = orderA.map((i) => as[i]!);
        const permutedB = orderB.map((i) => bs[i]!);
        expectReportClose(crossPdReport(permutedA, permutedB, classes), crossPdReport(as, bs, classes));
        expectReportClose(crossPdReport(bs, as, classes), crossPdReport(as, bs, classes));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// summarize

// Values up to 1e6 in magnitude (PDs are in [0, 2]); summarize overflows for finite values near the top of the
// double range (reported to the lead), which is outside anything a metric produces.
const values = fc.oneof(
  fc.array(uniform(0, 2), { minLength: 1, maxLength: 30 }),
  fc.array(fc.oneof(uniform(0, 2), fc.constantFrom(0, 0.1, 0.5, 2)), { minLength: 1, maxLength: 30 }),
  fc.array(uniform(-1e6, 1e6), { minLength: 1, maxLength: 30 }),
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
);

/** t₀.₉₇₅ over all degrees of freedom lies between the normal quantile (df → ∞) and t₀.₉₇₅,₁ = 12.7062. */
const T_MIN = 1.959963;
const T_MAX = 12.70621;

describe('summarize (property-based)', () => {
  it('ci95 contains the mean and is centred on it, with half-width t₀.₉₇₅,ₙ₋₁·std/√n for a t between 1.96 and 12.71', () => {
    fc.assert(
      fc.property(values, (v) => {
        const { mean: m, std, ci95, n } = summarize(v);
        expect(n).toBe(v.length);
        if (n === 1) {
          // One value has no spread: no std and no interval, rather than a certain-looking 0 and [m, m].
          expect([std, ci95]).toEqual([null, null]);
          return;
        }
        const [lo, hi] = ci95!;
        expect(lo).toBeLessThanOrEqual(m);
        expect(m).toBeLessThanOrEqual(hi);
        const scale = Math.max(1, Math.abs(m));
        expectClose(m - lo, hi - m, 1e-9, 1e-12 * scale);
        const half = (hi - lo) / 2;
        const unit = std! / Math.sqrt(n);
        expect(half).toBeGreaterThanOrEqual(T_MIN * unit - 1e-12 * scale);
        expect(half).toBeLessThanOrEqual(T_MAX * unit + 1e-12 * scale);
      }),
    );
  });

  it('mean and std are the literal mean Σv/n and sample standard deviation √(Σ(v − mean)²/(n − 1)) (null for n = 1)', () => {
    fc.assert(
      fc.property(values, (v) => {
        const { mean: m, std } = summarize(v);
        const scale = Math.max(1, ...v.map(Math.abs));
        const literalMean = mean(v);
        const literalStd = v.length === 1 ? null : Math.sqrt(v.reduce((s, x) => s + (x - literalMean) ** 2, 0) / (v.length - 1));
        expectClose(m, literalMean, 1e-12, 1e-12 * scale);
        expectClose(std, literalStd, 1e-9, 1e-9 * scale);
      }),
    );
  });

  it('mean lies in [min, max] and the sample std in [0, max − min] (to rounding)', () => {
    fc.assert(
      fc.property(values, (v) => {
        const { mean: m, std } = summarize(v);
        const [min, max] = [Math.min(...v), Math.max(...v)];
        const slack = 1e-12 * Math.max(Math.abs(min), Math.abs(max));
        expect(m).toBeGreaterThanOrEqual(min - slack);
        expect(m).toBeLessThanOrEqual(max + slack);
        if (v.length === 1) expect(std).toBeNull();
        else {
          expect(std).toBeGreaterThanOrEqual(0);
          expect(std).toBeLessThanOrEqual(max - min + slack);
        }
      }),
    );
  });

  it('gives n ≥ 2 equal values exactly their value as mean, a std of 0 and a zero-width interval', () => {
    fc.assert(
      // + 0 turns −0 into 0, which the sum of deviations gives back for it: they are the same number.
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0), fc.integer({ min: 2, max: 30 }), (v, n) => {
        const { mean: m, std, ci95 } = summarize(Array<number>(n).fill(v));
        expect(m).toBe(v);
        expect(std).toBe(0);
        expect(ci95).toEqual([v, v]);
      }),
    );
  });

  it('does not depend on the order of the values, and shifts with them (mean + c, same std and half-width)', () => {
    const withOrderAndShift = values.chain((v) =>
      fc.record({ v: fc.constant(v), order: permutations(v.length), shift: uniform(-10, 10) }),
    );
    fc.assert(
      fc.property(withOrderAndShift, ({ v, order, shift }) => {
        const base = summarize(v);
        const scale = Math.max(1, ...v.map(Math.abs));
        const permuted = summarize(order.map((i) => v[i]!));
        expectClose(permuted.mean, base.mean, 1e-12, 1e-12 * scale);
        expectClose(permuted.std, base.std, 1e-9, 1e-9 * scale);
        const shifted = summarize(v.map((x) => x + shift));
        expectClose(shifted.mean, base.mean + shift, 1e-12, 1e-12 * scale);
        expectClose(shifted.std, base.std, 1e-9, 1e-9 * scale);
        if (v.length > 1) expectClose(shifted.ci95![1] - shifted.mean, base.ci95![1] - base.mean, 1e-9, 1e-9 * scale);
      }),
    );
  });
});
