import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, jsonDocument, runCli, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-report-');

describe('churnlab report', () => {
  it(
    'compare writes report.html, report.md and report.csv beside results.json, and report DIR writes them again',
    async () => {
      writeConfig(tmp());
      const compare = await runCli(['compare', '--config', 'small.json', '--order', 'replay', '--out', 'cmp'], tmp());
      expect(compare.code, compare.stderr).toBe(0);
      expect(compare.stdout).toContain(`report ${path.join('cmp', 'report.html')}`);
      const html = readFileSync(path.join(tmp(), 'cmp', 'report.html'), 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      // PD against log loss only: one worker count draws no chart against the count, and one β (smelu:1) none against β.
      expect(html.match(/<svg/g)?.length).toBe(1);
      expect(html).toContain('churnlab compare --config small.json --order replay --out cmp');
      const csv = readFileSync(path.join(tmp(), 'cmp', 'report.csv'), 'utf8').trim().split('\r\n');
      expect(csv).toHaveLength(3);
      expect(csv[1]).toMatch(/^relu,/);
      rmSync(path.join(tmp(), 'cmp', 'report.html'));
      const report = jsonDocument<{ report: string }>(await runCli(['report', 'cmp', '--json'], tmp()));
      expect(report.report).toBe(path.join('cmp', 'report.html'));
      expect(readFileSync(path.join(tmp(), 'cmp', 'report.html'), 'utf8')).toBe(html);
    },
    TRAINING_TIMEOUT,
  );

  it('refuses a directory without results.json, and a results.json of the wrong shape, naming the file and field', async () => {
    expectUsageError(await runCli(['report', '.'], tmp()), 'no results.json', 'output directory of churnlab compare or sweep');
    writeFileSync(path.join(tmp(), 'results.json'), JSON.stringify({ kind: 'compare', config: {}, results: [{ activation: 'relu' }], betweenWorkerCounts: [] }));
    expectUsageError(await runCli(['report', '.'], tmp()), 'results.json: results.0.workers');
    writeFileSync(path.join(tmp(), 'results.json'), '{"config": ');
    expectUsageError(await runCli(['report', '.'], tmp()), 'results.json: not valid JSON');
  });

  it('refuses a results.json with nonsense in it (replicas -5, workers 0), naming the file, field, value and what is expected, and writes no report', async () => {
    const spread = (mean: number, n: number) => ({ mean, std: 0.01, ci95: [mean - 0.02, mean + 0.02], n });
    const row = {
      activation: 'relu',
      workers: 2,
      order: 'replay',
      shuffle: 'full',
      replicas: 3,
      pd: { relative: spread(0.05, 3), absolute: spread(0.01, 3), top1: spread(0.02, 3) },
      metrics: { logLoss: spread(0.45, 3), auc: spread(0.8, 3), accuracy: spread(0.79, 3) },
      paramsSha256: ['a', 'b', 'c'].map((digit) => digit.repeat(64)),
      runDirs: [],
    };
    const write = (dir: string, changes: object) => {
      mkdirSync(path.join(tmp(), dir));
      writeFileSync(path.join(tmp(), dir, 'results.json'), JSON.stringify({ kind: 'compare', config: {}, results: [{ ...row, ...changes }], betweenWorkerCounts: [] }));
    };
    write('fine', {});
    expect((await runCli(['report', 'fine'], tmp())).code).toBe(0);
    write('nonsense', { replicas: -5, workers: 0 });
    expectUsageError(await runCli(['report', 'nonsense'], tmp()), 'nonsense/results.json: results.0.workers: 0 is not allowed', 'a whole number from 1 to 64');
    write('negative', { replicas: -5 });
    expectUsageError(await runCli(['report', 'negative'], tmp()), 'negative/results.json: results.0.replicas: -5 is not allowed', 'a whole number ≥ 2');
    expect(readdirSync(path.join(tmp(), 'nonsense'))).toEqual(['results.json']);
    expect(readdirSync(path.join(tmp(), 'negative'))).toEqual(['results.json']);
  });
});
