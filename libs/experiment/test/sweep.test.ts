import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandActivation, resolveConfig, runSweep, sweepSets, type RunSetting } from '../src/index.js';
import { expectConfigError, smallConfig, TRAINING_TIMEOUT, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-sweep-');

describe('the sweep grid', () => {
  it('expands a family with a β list into one spec per β, gsmelu through beta=', () => {
    expect(expandActivation('relu')).toEqual(['relu']);
    expect(expandActivation({ family: 'smelu', beta: [0.5, 2] })).toEqual(['smelu:0.5', 'smelu:2']);
    expect(expandActivation({ family: 'gsmelu', beta: [3] })).toEqual(['gsmelu:alpha=1,beta=3,gneg=0,gpos=1,t=0']);
  });

  it('nests workers × orders × shuffles × activations × replica counts, with training settings for the lists left out', () => {
    const config = resolveConfig({
      training: { workers: 2, order: 'async', shuffle: 'full' },
      sweep: { activations: ['relu', { family: 'smelu', beta: [1, 2] }], orders: ['sync', 'replay'], replicas: [2, 4] },
    });
    const sets = sweepSets(config);
    expect(sets).toHaveLength(1 * 2 * 1 * 3 * 2);
    const label = ({ setting: s, replicas }: { setting: RunSetting; replicas: number }) => `${s.workers}/${s.order}/${s.shuffle}/${s.activation}/${replicas}`;
    expect(sets.slice(0, 4).map(label)).toEqual(['2/sync/full/relu/2', '2/sync/full/relu/4', '2/sync/full/smelu:1/2', '2/sync/full/smelu:1/4']);
    expect(label(sets.at(-1)!)).toBe('2/replay/full/smelu:2/4');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown family', { activations: [{ family: 'selu', beta: [1] }] }, ['sweep.activations[0]', 'selu']],
    ['β ≤ 0', { activations: [{ family: 'smelu', beta: [0] }] }, ['sweep.activations.0.beta.0']],
    ['an unknown order', { orders: ['sync', 'lifo'] }, ['sweep.orders[1]', '"lifo"']],
    ['a bad shuffle', { shuffles: ['window:x'] }, ['sweep.shuffles[0]', '"window:x"']],
    ['more workers than micro-shards', { workers: [2, 9] }, ['sweep.workers[1]', '9', 'training.microShards (8)']],
    ['one replica', { replicas: [1] }, ['sweep.replicas.0', '1']],
  ])('refuses %s, naming the field', (_, sweep, fragments) => {
    expectConfigError(() => resolveConfig({ sweep }), ...fragments);
  });
});

describe('runSweep', () => {
  const config = () =>
    smallConfig({ training: { order: 'replay' }, sweep: { activations: ['relu', 'smelu:1'], workers: [1, 2], replicas: [2, 3] } });

  it(
    'stores every run once, and a resumed sweep reuses them all without training, with the same results',
    async () => {
      const out = path.join(tmp(), 'sweep');
      const started: string[] = [];
      const first = await runSweep(config(), { out, onRunStart: (run) => started.push(`${run.activation}/${run.workers}/${run.replica}`) });
      // 2 activations × 2 worker counts × replicas 0..2 (the 2-replica sets reuse replicas 0 and 1).
      expect(started).toHaveLength(12);
      const runs = readdirSync(path.join(out, 'runs'));
      expect(runs).toHaveLength(12);
      const times = runs.map((r) => statSync(path.join(out, 'runs', r, 'metrics.json')).mtimeMs);
      expect(first.results).toHaveLength(8);
      expect(first.results[0]!.runDirs).toEqual(first.results[1]!.runDirs.slice(0, 2));
      const trained: string[] = [];
      const again = await runSweep(config(), { out, resume: true, onProgress: () => trained.push('step') });
      expect(trained).toEqual([]);
      expect(runs.map((r) => statSync(path.join(out, 'runs', r, 'metrics.json')).mtimeMs)).toEqual(times);
      expect(again).toEqual(first);
    },
    TRAINING_TIMEOUT,
  );

  it('refuses a fresh sweep into an existing directory, and a resume with another config', async () => {
    const out = path.join(tmp(), 'pinned');
    await runSweep(smallConfig({ training: { order: 'replay', epochs: 1 }, sweep: { activations: ['relu'], replicas: [2] } }), { out });
    await expect(runSweep(config(), { out })).rejects.toThrow('already exists');
    await expect(runSweep(config(), { out, resume: true })).rejects.toThrow('the config changed since it started');
    await expect(runSweep(config(), { out: path.join(tmp(), 'nothing'), resume: true })).rejects.toThrow('sweep-config.json is missing');
  }, TRAINING_TIMEOUT);
});

