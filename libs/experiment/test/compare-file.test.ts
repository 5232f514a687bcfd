import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readCompareFile, resolveConfig, writeCompareFile, type CompareFile } from '../src/index.js';
import { useTempDir } from './helpers.js';
import { valueAt } from '../src/json-shape.js';

const tmp = useTempDir('churnlab-compare-file-');

const spread = (mean: number) => ({ mean, std: 0.001, ci95: [mean - 0.002, mean + 0.002] as [number, number], n: 6, jackknife: { se: 0.0015, replicas: 4 } });
const overReplicas = (mean: number) => ({ mean, std: 0.003, ci95: [mean - 0.005, mean + 0.005] as [number, number], n: 4 });
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
      metrics: { logLoss: overReplicas(0.45), auc: { mean: Number.NaN, std: 0, ci95: [0, 0], n: 4 }, accuracy: overReplicas(0.79) },
      paramsSha256: ['a', 'b', 'c', 'd'].map((digit) => digit.repeat(64)),
      runDirs: ['r0', 'r1', 'r2', 'r3'],
      againstBaseline: { baseline: 'relu', ratio: 0.23, ci95: [0.12, 0.47] },
    },
  ],
  betweenWorkerCounts: [],
});

/** `f` with its row trained by 2 replicas: one pair, whose PD has no spread. */
function twoReplicas(f: CompareFile): CompareFile {
  const row = f.results[0]!;
  const { againstBaseline: _, ...rest } = row;
  const two = (s: (typeof row.metrics)['accuracy']) => ({ ...s, n: 2 });
  f.results[0] = {
    ...rest,
    replicas: 2,
    pd: { relative: { mean: 0.03, std: null, ci95: null, n: 1 }, absolute: { mean: 0.006, std: null, ci95: null, n: 1 }, top1: { mean: 0.01, std: null, ci95: null, n: 1 } },
    metrics: { logLoss: two(row.metrics.logLoss), auc: two(row.metrics.auc), accuracy: two(row.metrics.accuracy) },
    paramsSha256: row.paramsSha256.slice(0, 2),
    runDirs: row.runDirs.slice(0, 2),
  };
  return f;
}

describe('results.json', () => {
  it('reads back what was written, each pair mean with its replica jackknife, the ratio to ReLU, and a NaN written as null', () => {
    writeCompareFile(tmp(), file());
    const read = readCompareFile(tmp());
    expect(read.results[0]!.pd.relative!.jackknife).toEqual({ se: 0.0015, replicas: 4 });
    expect(read.results[0]!.pd.top1).toEqual(spread(0.007));
    expect(read.results[0]!.againstBaseline).toEqual({ baseline: 'relu', ratio: 0.23, ci95: [0.12, 0.47] });
    expect(read.results[0]!.metrics.auc.mean).toBeNaN();
    expect(read.results[0]!.metrics.logLoss).toEqual(overReplicas(0.45));
  });

  it('writes the single pair of 2 replicas as no spread (std and ci95 null) and reads it back so', () => {
    const single = { mean: 0.031, std: null, ci95: null, n: 1 };
    const written = twoReplicas(file());
    written.results[0]!.pd = { relative: single, absolute: { ...single, mean: 0.006 }, top1: { ...single, mean: 0.01 } };
    writeCompareFile(tmp(), written);
    const json = JSON.parse(readFileSync(path.join(tmp(), 'results.json'), 'utf8'));
    expect(json.results[0].pd.relative).toEqual({ mean: 0.031, std: null, ci95: null, n: 1 });
    expect(readCompareFile(tmp()).results[0]!.pd.relative).toEqual(single);
  });

  it('reads the std 0 and ci95 [mean, mean] that older files gave a single value as no spread (null)', () => {
    const older = JSON.parse(JSON.stringify(twoReplicas(file())));
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

  const cross = (mean: number) => ({ mean, std: 0.01, ci95: [mean - 0.01, mean + 0.01], n: 16 });
  const between = (workers: [number, number]) => ({ activation: 'relu', order: 'replay', shuffle: 'full', replicas: 4, workers, pd: { relative: cross(0.03), absolute: cross(0.006), top1: cross(0.008) } });
  const hashes = (count: number) => Array.from({ length: count }, () => 'a'.repeat(64));
  // Each case: the values set at dotted paths of a valid file, the field the message must name with its value, and what it must say is expected.
  const nonsense: Array<[string, Record<string, unknown>, string, string]> = [
    ['negative replicas', { 'results.0.replicas': -5 }, 'results.0.replicas: -5 is not allowed', 'the replicas of the setting: a whole number ≥ 2'],
    ['zero workers', { 'results.0.workers': 0 }, 'results.0.workers: 0 is not allowed', 'the worker threads of the runs: a whole number from 1 to 64'],
    ['fractional workers', { 'results.0.workers': 1.5 }, 'results.0.workers: 1.5 is not allowed', 'a whole number from 1 to 64'],
    ['an unknown order', { 'results.0.order': 'lifo' }, 'results.0.order: "lifo" is not allowed', 'expected one of sync, sync-arrival, async, replay, ssp:K'],
    ['an unknown shuffle', { 'results.0.shuffle': 'window:0' }, 'results.0.shuffle: "window:0" is not allowed', 'expected none, window:W'],
    ['an unknown activation', { 'results.0.activation': 'selu' }, 'results.0.activation: "selu" is not allowed', 'unknown activation "selu"'],
    ['a relative PD above 2', { 'results.0.pd.relative.mean': 3 }, 'results.0.pd.relative.mean: 3 is not allowed', 'a relative PD: a number from 0 to 2'],
    ['a negative PD', { 'results.0.pd.top1.mean': -0.1 }, 'results.0.pd.top1.mean: -0.1 is not allowed', 'a top-1 PD: a number from 0 to 1'],
    ['an accuracy above 1', { 'results.0.metrics.accuracy.mean': 79 }, 'results.0.metrics.accuracy.mean: 79 is not allowed', 'an accuracy: a number from 0 to 1'],
    ['a negative std', { 'results.0.pd.absolute.std': -1 }, 'results.0.pd.absolute.std: -1 is not allowed', '>=0'],
    ['no std for 6 pairs', { 'results.0.pd.absolute.std': null }, 'results.0.pd.absolute.std: null is not allowed', 'null (no spread) is for one value, and n is 6'],
    ['an interval beside the mean', { 'results.0.pd.top1.ci95': [0.5, 0.6] }, 'results.0.pd.top1.ci95: [0.5,0.6] is not allowed', 'expected [low, high] around the mean 0.007'],
    ['a spread for one value', { 'results.0.pd.top1.n': 1, 'results.0.pd.top1.std': 0.001 }, 'results.0.pd.top1.std: 0.001 is not allowed', 'one value (n 1) has no spread'],
    ['pairs that are not those of the replicas', { 'results.0.pd.relative.n': 5 }, 'results.0.pd.relative.n: 5 is not allowed', "expected 6, the pairs of the row's 4 replicas"],
    ['metrics over other replicas', { 'results.0.metrics.accuracy.n': 3 }, 'results.0.metrics.accuracy.n: 3 is not allowed', "expected 4, the row's replicas"],
    ['a jackknife of other replicas', { 'results.0.pd.relative.jackknife.replicas': 5 }, 'results.0.pd.relative.jackknife.replicas: 5 is not allowed', "expected 4, the row's replicas"],
    ['a hash too few', { 'results.0.paramsSha256': hashes(3) }, 'results.0.paramsSha256: [', 'expected 4 hashes, one per replica'],
    ['a hash that is not one', { 'results.0.paramsSha256.1': 'b' }, 'results.0.paramsSha256.1: "b" is not allowed', 'a SHA-256 as 64 lowercase hex digits'],
    ['both kinds of PD', { 'results.0.pd.l1': cross(0.1) }, 'results.0.pd: {', 'relative and absolute PD (a binary model) or L1 PD (a multi-class model)'],
    ['a ratio outside its interval', { 'results.0.againstBaseline.ratio': 2 }, 'results.0.againstBaseline.ci95: [0.12,0.47] is not allowed', 'around the ratio'],
    ['between one count and itself', { betweenWorkerCounts: [between([2, 2])] }, 'betweenWorkerCounts.0.workers: [2,2] is not allowed', 'two different worker counts'],
    ['cross pairs that are not R × R', { betweenWorkerCounts: [{ ...between([1, 2]), replicas: 3 }] }, 'betweenWorkerCounts.0.pd.relative.n: 16 is not allowed', 'expected 9, the pairs of one replica of each count (3 × 3)'],
    ['a multi-class row among binary ones', { betweenWorkerCounts: [{ ...between([1, 2]), pd: { l1: cross(0.1), top1: cross(0.01) } }] }, 'betweenWorkerCounts.0.pd: {', 'expected binary PD as results.0.pd has'],
  ];

  it.each(nonsense)('refuses %s, naming the file, the field, the value and what is expected', (_, changes, field, expected) => {
    const spoilt: unknown = JSON.parse(JSON.stringify(file()));
    for (const [at, value] of Object.entries(changes)) {
      const keys = at.split('.');
      (valueAt(spoilt, keys.slice(0, -1)) as Record<string, unknown>)[keys.at(-1)!] = value;
    }
    writeFileSync(path.join(tmp(), 'results.json'), JSON.stringify(spoilt));
    const message = (() => {
      try {
        readCompareFile(tmp());
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      return 'read without complaint';
    })();
    expect(message).toContain(`${path.join(tmp(), 'results.json')}: ${field}`);
    expect(message).toContain(expected);
  });

  it('accepts between-worker-count rows and runs without directories', () => {
    const good = JSON.parse(JSON.stringify(file()));
    good.results[0].runDirs = [];
    good.betweenWorkerCounts.push(between([1, 2]));
    writeFileSync(path.join(tmp(), 'results.json'), JSON.stringify(good));
    expect(readCompareFile(tmp()).betweenWorkerCounts[0]!.pd.relative).toEqual(cross(0.03));
  });
});
