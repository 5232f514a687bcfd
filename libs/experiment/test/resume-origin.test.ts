import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readCheckpoint, resolveConfig, resumeSingle, runSingle, runSweep, type CompareResult, type Config, type RunResult } from '../src/index.js';
import { TRAINING_TIMEOUT, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-resume-origin-');

/** A CSV of `n` rows; another `variant` gives the same shape with other cities (ages would be standardised away). */
const csvText = (n: number, variant: number) =>
  ['age,city,clicked', ...Array.from({ length: n }, (_, i) => `${20 + i},${(i + variant) % 2 ? 'paris' : 'lyon'},${i % 3 ? 'no' : 'yes'}`)].join('\n') + '\n';

/** A checkpointed config over `file`, a CSV of csvText's columns. */
function csvConfig(file: string, more: Record<string, unknown> = {}): Config {
  const data = { format: 'csv', path: file, header: true, label: { column: 'clicked', positive: ['yes'], negative: ['no'] }, numeric: ['age'], categorical: ['city'], split: { eval: 0.25 } };
  return resolveConfig({ data, model: { hidden: [4] }, training: { epochs: 1, batchSize: 8, order: 'replay', checkpointEvery: 2 }, ...more });
}

/** Makes the finished run in `dir` look killed after its last checkpoint: everything but config.json and the checkpoint goes. */
function removeResults(dir: string): void {
  for (const name of ['metrics.json', 'params.msgpack', 'predictions.f32', 'events.jsonl']) rmSync(path.join(dir, name));
}

/** A finished run of csvConfig over its own CSV, named `name`, then made to look killed after its last checkpoint. */
async function cutShortRun(name: string): Promise<{ file: string; dir: string; whole: RunResult }> {
  const file = path.join(tmp(), `${name}.csv`);
  writeFileSync(file, csvText(64, 0));
  const dir = path.join(tmp(), name);
  const whole = await runSingle(csvConfig(file), dir);
  removeResults(dir);
  return { file, dir, whole };
}

/** The ConfigError message `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('a run directory resumed with another config or other data', () => {
  it(
    'continues a run whose config.json and data are those its checkpoint was made from',
    async () => {
      const { dir, whole } = await cutShortRun('same');
      expect(readCheckpoint(dir).origin?.config).toBe(readFileSync(path.join(dir, 'config.json'), 'utf8'));
      expect((await resumeSingle(dir)).metrics).toEqual(whole.metrics);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'is refused when config.json changed since the checkpoint, naming each field with both values',
    async () => {
      const { dir } = await cutShortRun('edited');
      const configFile = path.join(dir, 'config.json');
      const edited = JSON.parse(readFileSync(configFile, 'utf8')) as Config;
      writeFileSync(configFile, JSON.stringify({ ...edited, training: { ...edited.training, epochs: 2 }, seed: 9 }, null, 2));
      const message = await refusal(resumeSingle(dir));
      expect(message).toBe(`--resume: ${dir}: the config changed since it started: seed is 9, was 1; training.epochs is 2, was 1; expected the config.json it started with, or a new run`);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'is refused when the data file was rewritten with other examples, naming the data set',
    async () => {
      const { file, dir } = await cutShortRun('rewritten');
      writeFileSync(file, csvText(64, 1));
      const message = await refusal(resumeSingle(dir));
      expect(message).toMatch(new RegExp(`^--resume: ${dir}: the training examples of data\\.path \\(.*rewritten\\.csv\\) changed since it started: SHA-256 [0-9a-f]{12}… now, [0-9a-f]{12}… then; expected the same data, or a new run$`));
    },
    TRAINING_TIMEOUT,
  );
});

/** A finished sweep of csvConfig over its own CSV, named `name`, with its second run made to look killed after its last checkpoint. */
async function cutShortSweep(name: string): Promise<{ file: string; config: Config; out: string; first: CompareResult }> {
  const file = path.join(tmp(), `${name}.csv`);
  writeFileSync(file, csvText(64, 0));
  const config = csvConfig(file, { sweep: { activations: ['relu'], replicas: [2] } });
  const out = path.join(tmp(), name);
  const first = await runSweep(config, { out, parallelRuns: 1 });
  removeResults(first.results[0]!.runDirs[1]!);
  return { file, config, out, first };
}

describe('a sweep resumed over other data', () => {
  it(
    'is refused before any run trains, naming the data set, where the old runs would have been mixed with new ones',
    async () => {
      const { file, config, out, first } = await cutShortSweep('sweep');
      writeFileSync(file, csvText(64, 1));
      const trained: number[] = [];
      const message = await refusal(runSweep(config, { out, resume: true, parallelRuns: 1, onProgress: (done) => trained.push(done) }));
      expect(message).toMatch(/^--resume: the sweep in .*: the training examples of data\.path \(.*sweep\.csv\) changed since it started/);
      expect(trained).toEqual([]);
      writeFileSync(file, csvText(64, 0));
      expect(await runSweep(config, { out, resume: true, parallelRuns: 1 })).toEqual(first);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'pins the data of a sweep started before data was pinned as it resumes, and refuses other data from then on',
    async () => {
      const { file, config, out, first } = await cutShortSweep('unpinned');
      const pinned = path.join(out, 'sweep-data.json');
      const hashes = readFileSync(pinned, 'utf8');
      rmSync(pinned);
      expect(await runSweep(config, { out, resume: true, parallelRuns: 1 })).toEqual(first);
      expect(readFileSync(pinned, 'utf8')).toBe(hashes);
      removeResults(first.results[0]!.runDirs[1]!);
      writeFileSync(file, csvText(64, 1));
      expect(await refusal(runSweep(config, { out, resume: true, parallelRuns: 1 }))).toMatch(/^--resume: the sweep in .*: the training examples of data\.path/);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'is refused with another config, naming the fields that changed',
    async () => {
      const file = path.join(tmp(), 'config-sweep.csv');
      writeFileSync(file, csvText(64, 0));
      const out = path.join(tmp(), 'config-sweep');
      await runSweep(csvConfig(file, { sweep: { activations: ['relu'], replicas: [2] } }), { out, parallelRuns: 1 });
      const message = await refusal(runSweep(csvConfig(file, { seed: 4, sweep: { activations: ['relu'], replicas: [2] } }), { out, resume: true }));
      expect(message).toBe(`--resume: the sweep in ${out} (${path.join(out, 'sweep-config.json')}): the config changed since it started: seed is 4, was 1; expected the same config and flags, or a new --out`);
    },
    TRAINING_TIMEOUT,
  );
});
