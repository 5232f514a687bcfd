import { describe, expect, it } from 'vitest';
import type { ActivationResult } from '@churnlab/experiment';
import { resultSummary } from '../src/result-summary.js';

const cell = (mean: number, std = 0) => ({ mean, std, ci95: [mean - 2 * std, mean + 2 * std] as [number, number], n: 1 });
const row = (activation: string, replicas: number, relative: number): ActivationResult => ({
  activation,
  order: 'async',
  shuffle: 'full',
  workers: 2,
  replicas,
  pd: { relative: cell(relative), absolute: cell(relative / 3), top1: cell(relative / 2) },
  metrics: { logLoss: cell(0.45), auc: cell(0.81), accuracy: cell(0.79) },
  paramsSha256: [],
  runDirs: [],
}) as unknown as ActivationResult;
const summary = (rows: ActivationResult[]) => resultSummary({ results: rows, betweenWorkerCounts: [] }, 'out', 'out/report.html');
const WARNING = 'One pair of replicas per row: its PD can differ several-fold between runs of the same command';

describe('the terminal summary of a comparison', () => {
  it('warns that one pair of replicas cannot rank activations, and says how to get a spread', () => {
    const text = summary([row('relu', 2, 0.0352), row('smelu:1', 2, 0.1181)]);
    expect(text).toContain(WARNING);
    expect(text).toContain('--replicas 4 or more');
    expect(text.indexOf(WARNING)).toBeGreaterThan(text.indexOf('0.1181'));
    expect(text.endsWith('results in out\nreport out/report.html\n')).toBe(true);
  });

  it('names the rows of 2 replicas when a sweep mixes replica counts', () => {
    const text = summary([row('relu', 2, 0.0352), row('relu', 4, 0.0401)]);
    expect(text).not.toContain(WARNING);
    expect(text).toContain('One pair of replicas in each row of 2 replicas: their PD can differ several-fold');
  });

  it('does not warn with several pairs, nor when every PD is zero (a fixed order makes identical replicas)', () => {
    expect(summary([row('relu', 4, 0.0352), row('smelu:1', 4, 0.1181)])).not.toContain(WARNING);
    expect(summary([row('relu', 2, 0), row('smelu:1', 2, 0)])).not.toContain(WARNING);
  });
});
