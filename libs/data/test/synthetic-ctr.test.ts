import { describe, expect, it } from 'vitest';
import { defaultSyntheticCtr, syntheticCtr, type Dataset, type SyntheticCtrOptions } from '../src/index.js';
import { generateCtr } from '../src/synthetic-ctr.js';

const small: SyntheticCtrOptions = { ...defaultSyntheticCtr, examples: 3000, dense: 5, categorical: [3, 4] };

/** Rank AUC (Mann–Whitney U), ties counted half. */
function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positiveRanks = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) j++;
    for (let k = i; k < j; k++) {
      if (labels[order[k]!] !== 1) continue;
      positiveRanks += (i + j + 1) / 2;
      positives++;
    }
    i = j;
  }
  const negatives = labels.length - positives;
  return (positiveRanks - (positives * (positives + 1)) / 2) / (positives * negatives);
}

const positiveRate = (d: Dataset) => d.labels.reduce((s, y) => s + y, 0) / d.rows;
const bytes = (d: Dataset) => [Buffer.from(d.features.buffer), Buffer.from(d.labels.buffer)];

describe('syntheticCtr', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const a = syntheticCtr(small);
    const b = syntheticCtr(small);
    const c = syntheticCtr({ ...small, seed: 2 });
    expect(bytes(a.train)).toEqual(bytes(b.train));
    expect(bytes(a.eval)).toEqual(bytes(b.eval));
    expect(bytes(c.train)).not.toEqual(bytes(a.train));
  });

  it('has the documented shape and feature names', () => {
    const { train, eval: ev } = syntheticCtr(small);
    expect(train.rows + ev.rows).toBe(3000);
    expect(ev.rows).toBe(600);
    for (const d of [train, ev]) {
      expect(d.width).toBe(5 + 3 + 4);
      expect(d.outputs).toBe(1);
      expect(d.features.length).toBe(d.rows * d.width);
      expect(d.labels.length).toBe(d.rows);
      expect(d.featureNames).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'c0=0', 'c0=1', 'c0=2', 'c1=0', 'c1=1', 'c1=2', 'c1=3']);
      expect(d.labels.every((y) => y === 0 || y === 1)).toBe(true);
    }
  });

  it('one-hot encodes each categorical feature with exactly one 1, and every category occurs', () => {
    const { dataset: d } = generateCtr(small);
    const groups = [[5, 8], [8, 12]] as const;
    for (const [from, to] of groups) {
      const seen = new Set<number>();
      for (let r = 0; r < d.rows; r++) {
        const cells = [...d.features.subarray(r * d.width + from, r * d.width + to)];
        expect(cells.filter((x) => x === 1).length).toBe(1);
        expect(cells.filter((x) => x !== 0 && x !== 1)).toEqual([]);
        seen.add(cells.indexOf(1));
      }
      expect(seen.size).toBe(to - from);
    }
  });

  it('draws dense features as standard normals', () => {
    const { dataset: d } = generateCtr(small);
    const column = Array.from({ length: d.rows }, (_, r) => d.features[r * d.width + 2]!);
    const mean = column.reduce((s, x) => s + x, 0) / d.rows;
    const variance = column.reduce((s, x) => s + (x - mean) ** 2, 0) / d.rows;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(d.rows));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / d.rows));
  });

  it('the default has a 20–35% positive rate and a Bayes-optimal AUC between 0.75 and 0.9', () => {
    const { dataset: d, positiveProbability } = generateCtr(defaultSyntheticCtr);
    expect(d.rows).toBe(defaultSyntheticCtr.examples);
    expect(positiveRate(d)).toBeGreaterThan(0.2);
    expect(positiveRate(d)).toBeLessThan(0.35);
    const bayes = auc(positiveProbability, d.labels);
    expect(bayes).toBeGreaterThan(0.75);
    expect(bayes).toBeLessThan(0.9);
    // Labels follow the stated probabilities: their mean matches within five standard errors.
    const expectedRate = positiveProbability.reduce((s, p) => s + p, 0) / d.rows;
    expect(Math.abs(positiveRate(d) - expectedRate)).toBeLessThan(5 * Math.sqrt(0.25 / d.rows));
  });

  it('label noise flips labels: the task gets harder and the positive rate moves toward 1/2', () => {
    const clean = generateCtr({ ...small, labelNoise: 0 });
    const noisy = generateCtr({ ...small, labelNoise: 0.3 });
    expect(noisy.dataset.features).toEqual(clean.dataset.features);
    expect(auc(noisy.positiveProbability, noisy.dataset.labels)).toBeLessThan(auc(clean.positiveProbability, clean.dataset.labels) - 0.05);
    expect(positiveRate(noisy.dataset)).toBeGreaterThan(positiveRate(clean.dataset) + 0.05);
  });

  it("a row's features depend only on the seed and the row, not on how many rows are drawn", () => {
    const few = generateCtr({ ...small, examples: 100 }).dataset;
    const many = generateCtr(small).dataset;
    expect(many.features.subarray(0, few.features.length)).toEqual(few.features);
  });

  it('leaves the frozen default alone', () => {
    expect(Object.isFrozen(defaultSyntheticCtr)).toBe(true);
    expect(Object.isFrozen(defaultSyntheticCtr.categorical)).toBe(true);
  });

  it.each<[keyof SyntheticCtrOptions | string, Partial<SyntheticCtrOptions>, RegExp]>([
    ['seed', { seed: -1 }, /seed .*got -1/],
    ['seed', { seed: 1.5 }, /seed .*got 1.5/],
    ['examples', { examples: 1 }, /examples .*got 1/],
    ['dense', { dense: -2 }, /dense .*got -2/],
    ['dense', { dense: 0, categorical: [] }, /dense .*got 0/],
    ['categorical[1]', { categorical: [3, 1] }, /categorical\[1\] .*got 1/],
    ['teacherHidden', { teacherHidden: 0 }, /teacherHidden .*got 0/],
    ['labelNoise', { labelNoise: 0.5 }, /labelNoise .*got 0.5/],
    ['labelNoise', { labelNoise: Number.NaN }, /labelNoise .*got NaN/],
    ['evalFraction', { evalFraction: 1 }, /evalFraction .*got 1/],
  ])('rejects a bad %s with a RangeError naming it', (_, override, message) => {
    const call = () => syntheticCtr({ ...small, ...override });
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
