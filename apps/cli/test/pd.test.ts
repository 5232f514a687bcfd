import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, jsonDocument, runCli, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-pd-');

type PdDocument = Record<'relative' | 'absolute' | 'top1', number>;

/** The predictions of a run directory, decoded by hand (little-endian float32). */
function predictions(dir: string): number[] {
  const bytes = readFileSync(path.join(tmp(), dir, 'predictions.f32'));
  return Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
}

beforeAll(async () => {
  writeConfig(tmp());
  const runs = await Promise.all(
    [
      ['3', 'run-a'],
      ['4', 'run-b'],
    ].map(([seed, out]) => runCli(['train', '--order', 'sync', '--seed', seed!, '--config', 'small.json', '--json', '--out', out!], tmp())),
  );
  for (const run of runs) jsonDocument(run);
}, TRAINING_TIMEOUT);

describe('churnlab pd', () => {
  it('--json on two train runs prints relative, absolute and top1 as numbers matching the predictions', async () => {
    const doc = jsonDocument<PdDocument>(await runCli(['pd', 'run-a', 'run-b', '--json'], tmp()));
    expect(Object.keys(doc).sort()).toEqual(['absolute', 'relative', 'top1']);
    for (const value of Object.values(doc)) expect(typeof value).toBe('number');
    const [a, b] = [predictions('run-a'), predictions('run-b')];
    const n = a.length;
    const relative = a.reduce((s, x, i) => s + (x + b[i]! > 0 ? Math.abs(x - b[i]!) / ((x + b[i]!) / 2) : 0), 0) / n;
    const absolute = a.reduce((s, x, i) => s + Math.abs(x - b[i]!), 0) / n;
    const top1 = a.filter((x, i) => x >= 0.5 !== b[i]! >= 0.5).length / n;
    expect(doc.relative).toBeGreaterThan(0);
    expect(doc.relative).toBeCloseTo(relative, 12);
    expect(doc.absolute).toBeCloseTo(absolute, 12);
    expect(doc.top1).toBeCloseTo(top1, 12);
  });

  it('of a run with itself is 0 everywhere', async () => {
    const doc = jsonDocument<PdDocument>(await runCli(['pd', 'run-a', 'run-a', '--json'], tmp()));
    expect(doc).toEqual({ relative: 0, absolute: 0, top1: 0 });
  });

  it('without --json prints one line per metric', async () => {
    const result = await runCli(['pd', 'run-a', 'run-b'], tmp());
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['relative', 'absolute', 'top1']);
  });

  it('on a directory that is not a run exits 2 naming the directory', async () => {
    mkdirSync(path.join(tmp(), 'not-a-run'));
    expectUsageError(await runCli(['pd', 'run-a', 'not-a-run', '--json'], tmp()), 'not-a-run', 'not a run directory');
  });

  it('on a directory that does not exist exits 2 naming it', async () => {
    expectUsageError(await runCli(['pd', 'missing-run', 'run-a'], tmp()), 'missing-run');
  });

  it('with one argument exits 2', async () => {
    expectUsageError(await runCli(['pd', 'run-a'], tmp()), 'runB');
  });

  it('on a run directory missing predictions.f32 exits 2 naming the file', async () => {
    cpSync(path.join(tmp(), 'run-b'), path.join(tmp(), 'run-broken'), { recursive: true });
    rmSync(path.join(tmp(), 'run-broken', 'predictions.f32'));
    expectUsageError(await runCli(['pd', 'run-a', 'run-broken'], tmp()), path.join('run-broken', 'predictions.f32'));
  });
});
