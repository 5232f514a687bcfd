import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonDocument, runCli, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-knobs-');

interface Spread {
  mean: number;
}

interface CompareDocument {
  results: Array<{ activation: string; workers: number; pd: { relative: Spread }; paramsSha256: string[] }>;
  betweenWorkerCounts: Array<{ activation: string; workers: [number, number]; pd: { relative: Spread } }>;
}

interface TrainDocument {
  runDir: string;
  paramsSha256: string;
}

describe('churnlab train --replay-from', () => {
  it(
    'reproduces a recorded async run bit for bit, and refuses to overwrite',
    async () => {
      writeConfig(tmp());
      const recorded = jsonDocument<TrainDocument>(await runCli(['train', '--config', 'small.json', '--order', 'async', '--workers', '3', '--delay', 'jitter:3', '--json', '--out', 'async-run'], tmp()));
      const replayed = jsonDocument<TrainDocument>(await runCli(['train', '--replay-from', 'async-run', '--json', '--out', 'replayed'], tmp()));
      expect(replayed.paramsSha256).toBe(recorded.paramsSha256);
      // The same async config trained again is another run: the replay did not pass by luck.
      const again = jsonDocument<TrainDocument>(await runCli(['train', '--config', 'small.json', '--order', 'async', '--workers', '3', '--delay', 'jitter:3', '--json', '--out', 'again'], tmp()));
      expect(again.paramsSha256).not.toBe(recorded.paramsSha256);
      expect(path.basename(replayed.runDir)).toBe('replayed');
    },
    TRAINING_TIMEOUT,
  );
});

describe('churnlab compare with a list of worker counts', () => {
  it(
    'in sync mode gives PD exactly 0 within and between 1, 2 and 4 workers',
    async () => {
      writeConfig(tmp());
      const args = ['compare', '--config', 'small.json', '--order', 'sync', '--workers', '1,2,4', '--activations', 'relu', '--ps-shards', '3', '--json', '--out', 'sync-counts'];
      const doc = jsonDocument<CompareDocument>(await runCli(args, tmp()));
      expect(doc.results.map((r) => r.workers)).toEqual([1, 2, 4]);
      expect(new Set(doc.results.flatMap((r) => r.paramsSha256)).size).toBe(1);
      expect(doc.results.every((r) => r.pd.relative.mean === 0)).toBe(true);
      expect(doc.betweenWorkerCounts.map((b) => b.workers)).toEqual([
        [1, 2],
        [1, 4],
        [2, 4],
      ]);
      expect(doc.betweenWorkerCounts.every((b) => b.pd.relative.mean === 0)).toBe(true);
      // The report's CSV of PD between worker counts: a header and one line per pair of counts.
      const between = readFileSync(path.join(tmp(), 'sync-counts', 'report-between-workers.csv'), 'utf8').split('\r\n');
      expect(between.slice(1, 4).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(['1,2,relu', '1,4,relu', '2,4,relu']);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'in replay mode reports PD > 0 within 2 and 4 workers and between them, and prints both tables',
    async () => {
      writeConfig(tmp());
      const result = await runCli(['compare', '--config', 'small.json', '--order', 'replay', '--workers', '2,4', '--activations', 'relu', '--out', 'replay-counts'], tmp());
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/workers/);
      expect(result.stdout).toContain('PD between worker counts');
      expect(result.stdout).toContain('2 vs 4');
      const doc = jsonDocument<CompareDocument>(await runCli(['compare', '--config', 'small.json', '--order', 'replay', '--workers', '2,4', '--activations', 'relu', '--json', '--out', 'replay-json'], tmp()));
      expect(doc.results.every((r) => r.pd.relative.mean > 0)).toBe(true);
      expect(doc.betweenWorkerCounts[0]!.pd.relative.mean).toBeGreaterThan(0);
    },
    TRAINING_TIMEOUT,
  );
});

describe('churnlab compare --vary', () => {
  it(
    'with sync order gives PD 0 when only the order varies, and PD > 0 when the initialisation or the shuffle varies',
    async () => {
      writeConfig(tmp());
      const pd = async (vary: string, out: string) =>
        jsonDocument<CompareDocument>(await runCli(['compare', '--config', 'small.json', '--order', 'sync', '--activations', 'relu', '--vary', vary, '--json', '--out', out], tmp())).results[0]!.pd.relative.mean;
      expect(await pd('order', 'vary-order')).toBe(0);
      expect(await pd('init', 'vary-init')).toBeGreaterThan(0);
      expect(await pd('shuffle', 'vary-shuffle')).toBeGreaterThan(0);
    },
    TRAINING_TIMEOUT,
  );
});

describe('churnlab train --data', () => {
  it(
    'trains on an MNIST subset, keeping the subset the config file gives for the format the flag picks',
    async () => {
      writeConfig(tmp(), 'mnist.json', { data: { format: 'mnist', trainExamples: 640, evalExamples: 200 }, model: { hidden: [16] }, training: { epochs: 1 } });
      const mnist = jsonDocument<TrainDocument>(await runCli(['train', '--config', 'mnist.json', '--data', 'mnist', '--json', '--out', 'mnist-run'], tmp()));
      const recorded = JSON.parse(readFileSync(path.join(tmp(), 'mnist-run', 'config.json'), 'utf8')) as { data: Record<string, unknown> };
      expect(recorded.data).toEqual({ format: 'mnist', trainExamples: 640, evalExamples: 200 });
      const metrics = JSON.parse(readFileSync(path.join(tmp(), mnist.runDir, 'metrics.json'), 'utf8')) as { outputs: number; evalExamples: number };
      expect([metrics.outputs, metrics.evalExamples]).toEqual([10, 200]);
    },
    TRAINING_TIMEOUT,
  );
});

describe('churnlab train --fault', () => {
  it(
    'recovers from a killed and a stalled worker, says so on stderr, and in sync mode ends with the parameters of an undisturbed run',
    async () => {
      writeConfig(tmp(), 'faults.json', { data: { examples: 1200 }, model: { hidden: [16] }, training: { epochs: 1, batchSize: 32, taskTimeoutMs: 3000 } });
      const common = ['train', '--config', 'faults.json', '--order', 'sync', '--workers', '2', '--json'];
      const clean = jsonDocument<TrainDocument>(await runCli([...common, '--out', 'clean'], tmp()));
      const faulty = await runCli([...common, '--fault', 'kill:worker=1,step=5', '--fault', 'stall:worker=0,ms=6000,step=12', '--out', 'faulty'], tmp());
      expect(jsonDocument<TrainDocument>(faulty).paramsSha256).toBe(clean.paramsSha256);
      expect(faulty.stderr).toContain('worker fault: step 5, worker 1: attempt 1 failed (worker exited');
      expect(faulty.stderr).toContain('worker fault: step 12, worker 0: attempt 1 failed (no answer within 3000 ms)');
    },
    TRAINING_TIMEOUT,
  );
});

describe('churnlab compare --fault and sweep --fault', () => {
  it(
    'say on stderr which run recovered from which fault',
    async () => {
      writeConfig(tmp(), 'set-faults.json', { data: { examples: 1200 }, model: { hidden: [16] }, training: { epochs: 1, batchSize: 32, order: 'sync', workers: 2 }, sweep: { activations: ['gelu'], replicas: [2] } });
      const compare = await runCli(['compare', '--config', 'set-faults.json', '--activations', 'relu', '--replicas', '2', '--fault', 'kill:worker=1,step=5', '--out', 'compare-faults'], tmp());
      expect(compare.code, compare.stderr).toBe(0);
      for (const replica of [0, 1]) expect(compare.stderr).toContain(`worker fault: relu · 2 workers · sync · full · replica ${replica}: step 5, worker 1: attempt 1 failed (worker exited`);
      const sweep = await runCli(['sweep', '--config', 'set-faults.json', '--fault', 'kill:worker=0,step=3', '--out', 'sweep-faults'], tmp());
      expect(sweep.code, sweep.stderr).toBe(0);
      expect(sweep.stderr).toMatch(/worker fault: gelu · 2 workers · sync · full · replica 0: step 3, worker 0: attempt 1 failed \(worker exited/);
    },
    TRAINING_TIMEOUT,
  );
});
