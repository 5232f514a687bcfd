import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonDocument, runCli, smallConfig, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-compare-');

interface Spread {
  mean: number;
  /** Null for a single value (the one pair of 2 replicas), which has no spread. */
  std: number | null;
  ci95: [number, number] | null;
  n: number;
}

interface CompareDocument {
  results: Array<{
    activation: string;
    replicas: number;
    pd: { relative: Spread; absolute: Spread; top1: Spread };
    metrics: { logLoss: Spread; auc: Spread; accuracy: Spread };
  }>;
}

function expectSpread(value: unknown): asserts value is Spread {
  expect(value).toMatchObject({ mean: expect.any(Number), n: expect.any(Number) });
  const spread = value as Spread;
  if (spread.n === 1) {
    expect([spread.std, spread.ci95]).toEqual([null, null]);
    return;
  }
  expect(value).toMatchObject({ std: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });
  expect(spread.ci95![0]).toBeLessThanOrEqual(spread.mean);
  expect(spread.ci95![1]).toBeGreaterThanOrEqual(spread.mean);
}

describe('churnlab compare --json', () => {
  it(
    'with --order sync reports relative, absolute and top-1 PD of exactly 0 for every activation of the config',
    async () => {
      writeConfig(tmp());
      const result = await runCli(['compare', '--order', 'sync', '--config', 'small.json', '--json', '--out', 'sync-out'], tmp());
      const doc = jsonDocument<CompareDocument>(result);
      expect(doc.results.map((r) => r.activation)).toEqual(['relu', 'smelu:1']);
      for (const r of doc.results) {
        expect(r.replicas).toBe(2);
        for (const name of ['relative', 'absolute', 'top1'] as const) {
          expectSpread(r.pd[name]);
          expect(r.pd[name].mean).toBe(0);
          // The one pair of 2 replicas has no spread: null, not a certain-looking 0.
          expect([r.pd[name].n, r.pd[name].std, r.pd[name].ci95]).toEqual([1, null, null]);
        }
        for (const name of ['logLoss', 'auc', 'accuracy'] as const) {
          expectSpread(r.metrics[name]);
          // Identical replicas score identically: exactly their value, std 0 and a zero-width interval.
          expect(r.metrics[name].std).toBe(0);
          expect(r.metrics[name].ci95).toEqual([r.metrics[name].mean, r.metrics[name].mean]);
        }
        expect(r.metrics.auc.mean).toBeGreaterThan(0.5);
        expect(r.metrics.accuracy.mean).toBeGreaterThan(0);
        expect(r.metrics.accuracy.mean).toBeLessThanOrEqual(1);
      }
      // the two activations are different models
      expect(doc.results[0]!.metrics.logLoss.mean).not.toBe(doc.results[1]!.metrics.logLoss.mean);
      expect(existsSync(path.join(tmp(), 'sync-out', 'results.json'))).toBe(true);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'with --order async --workers 2 --epochs 2 reports relative PD > 0 for at least one activation',
    async () => {
      // Large enough (3000 examples, 2 epochs of 32-row steps, learning rate 0.2) that thread timing is sure to reorder updates.
      writeConfig(tmp(), 'async.json', {
        data: { examples: 3000 },
        model: { hidden: [32] },
        training: { epochs: 2, batchSize: 32, optimizer: { learningRate: 0.2 } },
        compare: smallConfig.compare,
      });
      const result = await runCli(['compare', '--order', 'async', '--workers', '2', '--epochs', '2', '--config', 'async.json', '--json', '--out', 'async-out'], tmp());
      const doc = jsonDocument<CompareDocument>(result);
      expect(doc.results.map((r) => r.activation)).toEqual(['relu', 'smelu:1']);
      for (const r of doc.results) {
        expectSpread(r.pd.relative);
        expect(r.pd.relative.mean).toBeGreaterThanOrEqual(0);
      }
      expect(Math.max(...doc.results.map((r) => r.pd.relative.mean))).toBeGreaterThan(0);
    },
    TRAINING_TIMEOUT,
  );
});
