import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonDocument, runCli, runDirectoryFiles, smallConfig, TRAINING_TIMEOUT, useTempDir, writeConfig, type CliResult } from './helpers.js';

const tmp = useTempDir('churnlab-train-');

interface TrainDocument {
  runDir: string;
  paramsSha256: string;
  metrics: Record<string, number>;
}

const args = (out: string) => ['train', '--order', 'sync', '--seed', '3', '--config', 'small.json', '--json', '--out', out];
let first: CliResult;
let second: CliResult;

beforeAll(async () => {
  writeConfig(tmp());
  [first, second] = await Promise.all([runCli(args('run-a'), tmp()), runCli(args('runs/run-b'), tmp())]);
}, TRAINING_TIMEOUT);

describe('churnlab train --json', () => {
  it('prints exactly one JSON document {runDir, paramsSha256, metrics} on stdout', () => {
    for (const [result, out] of [
      [first, 'run-a'],
      [second, 'runs/run-b'],
    ] as const) {
      const doc = jsonDocument<TrainDocument>(result);
      expect(Object.keys(doc).sort()).toEqual(['metrics', 'paramsSha256', 'runDir']);
      expect(doc.runDir).toBe(out);
      expect(doc.paramsSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.metrics).toMatchObject({ evalExamples: 240, outputs: 1 });
      for (const key of ['logLoss', 'auc', 'accuracy']) expect(Number.isFinite(doc.metrics[key])).toBe(true);
    }
  });

  it('two sync runs with the same seed give the same paramsSha256', () => {
    const a = jsonDocument<TrainDocument>(first);
    const b = jsonDocument<TrainDocument>(second);
    expect(b.paramsSha256).toBe(a.paramsSha256);
    expect(b.metrics).toEqual(a.metrics);
  });

  it('keeps stderr for progress: nothing but the document is on stdout', () => {
    expect(first.stdout.trim().startsWith('{')).toBe(true);
    expect(first.stdout).not.toContain('train [');
  });

  it('writes the run directory with all five files and the final checkpoint', () => {
    for (const dir of ['run-a', 'runs/run-b']) expect(readdirSync(path.join(tmp(), dir)).sort()).toEqual([...runDirectoryFiles, 'checkpoint.msgpack'].sort());
  });

  it('the run directory agrees with the JSON document and with the flags', () => {
    const doc = jsonDocument<TrainDocument>(first);
    const dir = path.join(tmp(), 'run-a');
    const metrics = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as Record<string, unknown>;
    expect(metrics['paramsSha256']).toBe(doc.paramsSha256);
    expect(metrics).toMatchObject(doc.metrics);
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { seed: number; training: Record<string, unknown>; data: Record<string, unknown> };
    expect(config.seed).toBe(3);
    expect(config.training).toMatchObject({ order: 'sync', epochs: 1, batchSize: 32 });
    expect(config.data).toMatchObject({ examples: 1200 });
    expect(readFileSync(path.join(dir, 'predictions.f32')).length).toBe(240 * 4);
  });

  it(
    'without --json prints a human summary naming the run directory and the hash',
    async () => {
      const result = await runCli(['train', '--order', 'sync', '--seed', '3', '--config', 'small.json', '--out', 'run-human'], tmp());
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('run directory run-human');
      expect(result.stdout).toContain(`params sha256 ${jsonDocument<TrainDocument>(first).paramsSha256}`);
    },
    TRAINING_TIMEOUT,
  );

  it(
    '--skip-bad-rows on csv data skips and counts the rows it cannot read, and says so',
    async () => {
      const rows = Array.from({ length: 80 }, (_, i) => `${20 + (i % 37)},${i % 2 ? 'paris' : 'lyon'},${i % 3 ? 'no' : 'yes'}`);
      writeFileSync(path.join(tmp(), 'bad-row.csv'), ['age,city,clicked', ...rows.slice(0, 40), 'old,paris,no', ...rows.slice(40)].join('\n') + '\n');
      const data = { format: 'csv', path: 'bad-row.csv', header: true, label: { column: 'clicked', positive: ['yes'], negative: ['no'] }, numeric: ['age'], categorical: ['city'] };
      writeConfig(tmp(), 'bad-row.json', { ...smallConfig, data, training: { epochs: 1, batchSize: 8, microShards: 4 } });
      const refused = await runCli(['train', '--config', 'bad-row.json', '--out', 'bad-row-refused'], tmp());
      expect(refused.code).toBe(2);
      const skipped = await runCli(['train', '--config', 'bad-row.json', '--skip-bad-rows', '--out', 'bad-row-skipped'], tmp());
      expect(skipped.code, skipped.stderr).toBe(0);
      expect(skipped.stdout).toContain('skipped 1 bad data row (--skip-bad-rows)');
    },
    TRAINING_TIMEOUT,
  );
});
