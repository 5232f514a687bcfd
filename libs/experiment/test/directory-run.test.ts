import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatasets, readCheckpoint, resolveConfig, resumeSingle, runCompare, runSweep, trainRun, writeCheckpoint, type Checkpoint, type Config } from '../src/index.js';
import { leftCheckpoint, startRunDirectory } from '../src/directory-run.js';
import { readConfigFile } from '../src/load-config.js';
import { smallConfig, TRAINING_TIMEOUT, usePool, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-directory-run-');
const pool = usePool();

/** The config a run directory's config.json holds, resolved. */
const configOf = (dir: string) => resolveConfig(readConfigFile(path.join(dir, 'config.json')));

/** The first checkpoint a run of the config in `dir` writes: what a kill right after it leaves there. */
async function firstCheckpoint(dir: string): Promise<Checkpoint> {
  const config = configOf(dir);
  const checkpoints: Checkpoint[] = [];
  await trainRun(config, { pool: pool(), data: await buildDatasets(config), checkpoint: (c) => checkpoints.push(c) });
  return checkpoints[0]!;
}

/** Makes the finished run in `dir` look killed right after its first checkpoint, and returns that checkpoint's step. */
async function cutShort(dir: string): Promise<number> {
  const checkpoint = await firstCheckpoint(dir);
  for (const name of ['metrics.json', 'params.msgpack', 'predictions.f32', 'events.jsonl']) rmSync(path.join(dir, name));
  writeCheckpoint(dir, checkpoint);
  return checkpoint.step;
}

const checkpointed = (overrides: Parameters<typeof smallConfig>[0] = {}): Config => smallConfig({ ...overrides, training: { order: 'replay', checkpointEvery: 10, ...overrides.training } });

describe('the run directories of compare and sweep', () => {
  it(
    'hold config.json and the final checkpoint, and a compare run killed mid-way continues with resumeSingle to the same parameters',
    async () => {
      const out = path.join(tmp(), 'compare');
      const result = await runCompare(checkpointed({ compare: { activations: ['relu'], replicas: 2 } }), { out, parallelRuns: 1 });
      const dirs = result.results[0]!.runDirs;
      expect(dirs).toHaveLength(2);
      for (const dir of dirs) {
        expect(readdirSync(dir).sort()).toEqual(['checkpoint.msgpack', 'config.json', 'events.jsonl', 'metrics.json', 'params.msgpack', 'predictions.f32']);
        expect(readCheckpoint(dir).step).toBe(30);
      }
      const killed = dirs[1]!;
      expect(await cutShort(killed)).toBe(10);
      const resumed = await resumeSingle(killed);
      expect(resumed.metrics.paramsSha256).toBe(result.results[0]!.paramsSha256[1]);
      expect(resumed.replica).toBe(1);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'a resumed sweep continues a run the kill cut short from its last checkpoint, to the results of an uninterrupted sweep',
    async () => {
      const out = path.join(tmp(), 'sweep');
      const config = checkpointed({ sweep: { activations: ['relu', 'smelu:1'], replicas: [2] } });
      const whole = await runSweep(config, { out, parallelRuns: 1 });
      const killed = whole.results[1]!.runDirs[0]!;
      const step = await cutShort(killed);
      const stepsTrained: number[] = [];
      const resumed = await runSweep(config, { out, resume: true, parallelRuns: 1, onProgress: (done) => stepsTrained.push(done) });
      expect(stepsTrained).toHaveLength(30 - step);
      expect(resumed).toEqual(whole);
    },
    TRAINING_TIMEOUT,
  );
});

describe('leftCheckpoint', () => {
  it('is the checkpoint in a directory whose config.json is the run\'s, and undefined without one or for another run', async () => {
    const config = checkpointed();
    const dir = path.join(tmp(), 'left');
    startRunDirectory(dir, config, 0);
    expect(leftCheckpoint(dir, config, 0)).toBeUndefined();
    const checkpoint = await firstCheckpoint(dir);
    writeCheckpoint(dir, checkpoint);
    expect(leftCheckpoint(dir, config, 0)?.step).toBe(checkpoint.step);
    expect(leftCheckpoint(dir, config, 1)).toBeUndefined();
    expect(leftCheckpoint(dir, checkpointed({ seed: 7 }), 0)).toBeUndefined();
    rmSync(path.join(dir, 'config.json'));
    expect(leftCheckpoint(dir, config, 0)).toBeUndefined();
  }, TRAINING_TIMEOUT);

  it('refuses a damaged checkpoint of the run, naming the file', () => {
    const config = checkpointed();
    const dir = path.join(tmp(), 'damaged');
    startRunDirectory(dir, config, 0);
    writeFileSync(path.join(dir, 'checkpoint.msgpack'), 'not msgpack at all');
    expect(() => leftCheckpoint(dir, config, 0)).toThrow(/checkpoint\.msgpack: not a readable checkpoint/);
    expect(existsSync(path.join(dir, 'checkpoint.msgpack'))).toBe(true);
  });
});
