import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, pdBetweenRuns, writeRunDirectory, type RunResult } from '../src/index.js';
import { expectConfigError, smallConfig, train, TRAINING_TIMEOUT, usePool, useTempDir } from './helpers.js';

const pool = usePool();
const tmp = useTempDir('churnlab-pd-');

let relu: string;
let smelu: string;
let otherEval: string;
let otherExamples: string;
let reluRun: RunResult;
let smeluRun: RunResult;

beforeAll(async () => {
  const save = async (name: string, overrides: Parameters<typeof smallConfig>[0]) => {
    const run = await train(pool(), smallConfig({ seed: 2, ...overrides, training: { order: 'sync' } }));
    const dir = path.join(tmp(), name);
    writeRunDirectory(dir, run);
    return { dir, run };
  };
  ({ dir: relu, run: reluRun } = await save('relu', { model: { activation: 'relu' } }));
  ({ dir: smelu, run: smeluRun } = await save('smelu', { model: { activation: 'smelu:1' } }));
  ({ dir: otherEval } = await save('other-eval', { data: { examples: 1500 } }));
  ({ dir: otherExamples } = await save('other-examples', { data: { seed: 7 } }));
}, TRAINING_TIMEOUT);

describe('pdBetweenRuns', () => {
  it('of a run with itself is all zeros, one pair with no spread', () => {
    const report = pdBetweenRuns(relu, relu);
    expect(Object.keys(report).sort()).toEqual(['absolute', 'relative', 'top1']);
    for (const spread of Object.values(report)) expect(spread).toEqual({ mean: 0, std: null, ci95: null, n: 1 });
  });

  it('with a run of another activation is > 0, and matches the PD computed from the predictions', () => {
    const report = pdBetweenRuns(relu, smelu);
    expect(report.relative!.mean).toBeGreaterThan(0);
    expect(report.absolute!.mean).toBeGreaterThan(0);
    const a = reluRun.predictions;
    const b = smeluRun.predictions;
    let relative = 0;
    let absolute = 0;
    for (let i = 0; i < a.length; i++) {
      const [x, y] = [a[i]!, b[i]!];
      absolute += Math.abs(x - y);
      if (x + y > 0) relative += Math.abs(x - y) / ((x + y) / 2);
    }
    expect(report.relative!.mean).toBeCloseTo(relative / a.length, 12);
    expect(report.absolute!.mean).toBeCloseTo(absolute / a.length, 12);
  });

  it('is symmetric', () => {
    expect(pdBetweenRuns(smelu, relu)).toEqual(pdBetweenRuns(relu, smelu));
  });

  it('over different evaluation sets is a ConfigError naming both counts', () => {
    expect(() => pdBetweenRuns(relu, otherEval)).toThrow(ConfigError);
    expectConfigError(() => pdBetweenRuns(relu, otherEval), otherEval, '300', '240', 'same evaluation set');
  });

  it('over as many but other evaluation examples is a ConfigError naming both runs', () => {
    expectConfigError(() => pdBetweenRuns(relu, otherExamples), otherExamples, `evaluated other examples than ${relu}`, 'same evaluation set');
  });

  it('of runs written before the evaluation set was hashed compares them as before', () => {
    const old = path.join(tmp(), 'written-before');
    const { evalSha256: _hash, ...metrics } = smeluRun.metrics;
    writeRunDirectory(old, { ...smeluRun, metrics });
    expect(pdBetweenRuns(relu, old)).toEqual(pdBetweenRuns(relu, smelu));
  });

  it('with a directory that is not a run is a ConfigError naming it', () => {
    expectConfigError(() => pdBetweenRuns(relu, tmp()), tmp(), 'not a run directory');
  });
});
