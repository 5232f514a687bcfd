import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cliBin, expectUsageError, jsonDocument, runCli, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-sweep-');

const sweepConfig = {
  data: { examples: 1200 },
  model: { hidden: [16] },
  training: { epochs: 1, batchSize: 32, order: 'replay' },
  sweep: { activations: ['relu', { family: 'smelu', beta: [0.5, 2] }], workers: [1, 2], replicas: [2] },
};

interface SweepDocument {
  results: Array<{ activation: string; workers: number; paramsSha256: string[]; pd: { relative: { mean: number } } }>;
}

/** Finished run directories of the sweep in `out`: those whose metrics.json, written last, is there. */
const finishedRuns = (out: string) => (existsSync(path.join(out, 'runs')) ? readdirSync(path.join(out, 'runs')).filter((n) => existsSync(path.join(out, 'runs', n, 'metrics.json'))) : []);

describe('churnlab sweep', () => {
  it(
    'killed part-way, resumes with --resume without redoing finished runs, and ends with the results of an uninterrupted sweep',
    async () => {
      writeConfig(tmp(), 'sweep.json', sweepConfig);
      const whole = jsonDocument<SweepDocument>(await runCli(['sweep', '--config', 'sweep.json', '--json', '--out', 'whole'], tmp()));
      expect(whole.results.map((r) => `${r.workers}/${r.activation}`)).toEqual(['1/relu', '1/smelu:0.5', '1/smelu:2', '2/relu', '2/smelu:0.5', '2/smelu:2']);

      const out = path.join(tmp(), 'killed');
      const child = spawn(process.execPath, [cliBin, 'sweep', '--config', 'sweep.json', '--out', 'killed'], { cwd: tmp(), stdio: 'ignore' });
      while (finishedRuns(out).length < 3) await sleep(20);
      child.kill('SIGKILL');
      await new Promise((done) => child.once('exit', done));
      const before = finishedRuns(out);
      expect(before.length).toBeGreaterThanOrEqual(3);
      expect(before.length).toBeLessThan(12);
      expect(existsSync(path.join(out, 'results.json'))).toBe(false);

      const resumed = await runCli(['sweep', '--config', 'sweep.json', '--resume', '--json', '--out', 'killed'], tmp());
      const doc = jsonDocument<SweepDocument>(resumed);
      expect(finishedRuns(out)).toHaveLength(12);
      expect(readdirSync(path.join(out, 'runs'))).toHaveLength(12);
      expect(doc.results.map((r) => r.paramsSha256)).toEqual(whole.results.map((r) => r.paramsSha256));
      expect(doc.results.map((r) => r.pd)).toEqual(whole.results.map((r) => r.pd));
      expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    },
    TRAINING_TIMEOUT,
  );

  it(
    '--workers sets the worker counts of the grid, one or a list, over those of the config',
    async () => {
      writeConfig(tmp(), 'sweep-workers.json', { ...sweepConfig, sweep: { ...sweepConfig.sweep, activations: ['relu'] } });
      const run = async (workers: string, out: string) => jsonDocument<SweepDocument>(await runCli(['sweep', '--config', 'sweep-workers.json', '--workers', workers, '--json', '--out', out], tmp()));
      expect((await run('1,3', 'workers-list')).results.map((r) => r.workers)).toEqual([1, 3]);
      expect((await run('3', 'workers-one')).results.map((r) => r.workers)).toEqual([3]);
    },
    TRAINING_TIMEOUT,
  );

  it('--resume needs --out, and refuses a directory that holds no sweep', async () => {
    expectUsageError(await runCli(['sweep', '--resume'], tmp()), '--resume', '--out');
    expectUsageError(await runCli(['sweep', '--resume', '--out', '.'], tmp()), 'sweep-config.json is missing');
  });
});
