import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readCompareFile, resolveConfig, writeCompareFile, type CompareFile } from '../src/index.js';
import { useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-compare-file-');

const spread = (mean: number) => ({ mean, std: 0.001, ci95: [mean - 0.002, mean + 0.002] as [number, number], n: 6, jackknife: { se: 0.0015, replicas: 4 } });
const file = (): CompareFile => ({
  kind: 'compare',
  config: resolveConfig({}),
  command: 'churnlab compare',
  results: [
    {
      activation: 'relu',
      workers: 2,
      order: 'replay',
      shuffle: 'full',
      replicas: 4,
      pd: { relative: spread(0.026), absolute: spread(0.005), top1: spread(0.007) },
      metrics: { logLoss: { ...spread(0.45), jackknife: undefined }, auc: { mean: Number.NaN, std: 0, ci95: [0, 0], n: 4 }, accuracy: spread(0.79) },
      paramsSha256: ['a', 'b', 'c', 'd'],
      runDirs: ['r0', 'r1', 'r2', 'r3'],
      againstBaseline: { baseline: 'relu', ratio: 0.23, ci95: [0.12, 0.47] },
    },
  ],
  betweenWorkerCounts: [],
});

describe('results.json', () => {
  it('reads back what was written, each pair mean with its replica jackknife, the ratio to ReLU, and a NaN written as null', () => {
    writeCompareFile(tmp(), file());
    const read = readCompareFile(tmp());
    expect(read.results[0]!.pd.relative!.jackknife).toEqual({ se: 0.0015, replicas: 4 });
    expect(read.results[0]!.pd.top1).toEqual(spread(0.007));
    expect(read.results[0]!.againstBaseline).toEqual({ baseline: 'relu', ratio: 0.23, ci95: [0.12, 0.47] });
    expect(read.results[0]!.metrics.auc.mean).toBeNaN();
    expect(read.results[0]!.metrics.logLoss.jackknife).toBeUndefined();
  });

  it('writes the single pair of 2 replicas as no spread (std and ci95 null) and reads it back so', () => {
    const single = { mean: 0.031, std: null, ci95: null, n: 1 };
    const written = file();
    written.results[0]!.pd = { relative: single, absolute: { ...single, mean: 0.006 }, top1: { ...single, mean: 0.01 } };
    writeCompareFile(tmp(), written);
    const json = JSON.parse(readFileSync(path.join(tmp(), 'results.json'), 'utf8'));
    expect(json.results[0].pd.relative).toEqual({ mean: 0.031, std: null, ci95: null, n: 1 });
    expect(readCompareFile(tmp()).results[0]!.pd.relative).toEqual(single);
  });

  it('reads the std 0 and ci95 [mean, mean] that older files gave a single value as no spread (null)', () => {
    const older = JSON.parse(JSON.stringify(file()));
    older.results[0].pd.relative = { mean: 0.031, std: 0, ci95: [0.031, 0.031], n: 1 };
    writeFileSync(path.join(tmp(), 'results.json'), JSON.stringify(older));
    expect(readCompareFile(tmp()).results[0]!.pd.relative).toEqual({ mean: 0.031, std: null, ci95: null, n: 1 });
  });

  it('refuses a jackknife without its standard error, naming the field', () => {
    const broken = JSON.parse(JSON.stringify(file()));
    delete broken.results[0].pd.relative.jackknife.se;
    writeFileSync(path.join(tmp(), 'results.json'), JSON.stringify(broken));
    expect(() => readCompareFile(tmp())).toThrow(ConfigError);
    expect(() => readCompareFile(tmp())).toThrow('results.0.pd.relative.jackknife.se: missing is not allowed');
  });

  it('refuses a file without results, and names the value of a field of the wrong type', () => {
    writeFileSync(path.join(tmp(), 'results.json'), JSON.stringify({ ...file(), results: [] }));
    expect(() => readCompareFile(tmp())).toThrow('results: [] is not allowed');
    const wrongType = JSON.parse(JSON.stringify(file()));
    wrongType.results[0].pd.relative.mean = 'high';
    writeFileSync(path.join(tmp(), 'results.json'), JSON.stringify(wrongType));
    expect(() => readCompareFile(tmp())).toThrow('results.0.pd.relative.mean: "high" is not allowed');
  });
});
