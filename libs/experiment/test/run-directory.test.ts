import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Packr } from 'msgpackr';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshOutput, ConfigError, float32Sha256, readRunDirectory, resolveConfig, runFiles, writeJsonAtomically, writeRunDirectory, type RunResult } from '../src/index.js';
import { expectConfigError, smallConfig, train, TRAINING_TIMEOUT, usePool, useTempDir } from './helpers.js';

const pool = usePool();
const tmp = useTempDir('churnlab-rundir-');

const fileNames = ['config.json', 'events.jsonl', 'metrics.json', 'params.msgpack', 'predictions.f32'];
const config = smallConfig({ seed: 5, training: { order: 'sync', workers: 2 } });
// 1200 examples, evalFraction 0.2: 960 training rows → 30 steps of 32 per epoch; 240 evaluation rows.
const steps = 30;
const evalExamples = 240;

let run: RunResult;
let dir: string;

beforeAll(async () => {
  run = await train(pool(), config);
  dir = path.join(tmp(), 'runs', 'run-a');
  writeRunDirectory(dir, run);
}, TRAINING_TIMEOUT);

/** Entries of the temporary tree that look like a staging folder. */
function stagingLeftovers(): string[] {
  return readdirSync(tmp(), { recursive: true, encoding: 'utf8' }).filter((entry) => entry.includes('partial'));
}

/** A copy of the run directory to damage. */
function copyOfRun(name: string): string {
  const copy = path.join(tmp(), 'copies', name);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

describe('writeRunDirectory', () => {
  it('writes exactly the five files of DESIGN §4, creating missing parents', () => {
    expect(readdirSync(dir).sort()).toEqual(fileNames);
    expect(Object.values(runFiles).sort()).toEqual(fileNames);
  });

  it('config.json holds the resolved config with its seeds and replica, and feeds back into resolveConfig', () => {
    const stored = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(stored['seed']).toBe(5);
    expect(stored['data']).toEqual(config.data);
    expect((stored['data'] as { seed: number }).seed).toBe(1);
    expect(stored['training']).toEqual(config.training);
    expect(stored['replica']).toBe(0);
    expect(stored['model']).toEqual(config.model);
    expect(resolveConfig(stored)).toEqual({ ...config, replica: 0 });
  });

  it('metrics.json has paramsSha256 = float32Sha256(params), evalExamples and outputs', () => {
    const metrics = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as Record<string, unknown>;
    expect(metrics['paramsSha256']).toBe(float32Sha256(run.params));
    expect(metrics['paramsSha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(metrics['evalExamples']).toBe(evalExamples);
    expect(metrics['outputs']).toBe(1);
    expect(metrics).toEqual(run.metrics);
    for (const key of ['logLoss', 'auc', 'accuracy']) expect(Number.isFinite(metrics[key])).toBe(true);
    expect(metrics['auc']).toBeGreaterThan(0.5);
  });

  it('predictions.f32 is little-endian float32, evalExamples × outputs, equal to result.predictions', () => {
    const bytes = readFileSync(path.join(dir, 'predictions.f32'));
    expect(bytes.length).toBe(evalExamples * 1 * 4);
    const decoded = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(run.predictions.length).toBe(evalExamples);
    expect(decoded).toEqual(Array.from(run.predictions));
    for (const p of decoded) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('events.jsonl has one JSON line per applied update with step, worker, versionRead, version, staleness, orderKey', () => {
    const text = readFileSync(path.join(dir, 'events.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    const events = lines.map((line) => JSON.parse(line) as Record<string, number>);
    expect(events).toEqual(run.events);
    // sync: every step applies one update summed over both workers' gradients, logged once per worker
    expect(events).toHaveLength(steps * 2);
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual(['orderKey', 'staleness', 'step', 'version', 'versionRead', 'worker']);
      for (const v of Object.values(e)) expect(Number.isInteger(v)).toBe(true);
      expect(e['version']).toBe(e['step']! + 1);
      expect(e['versionRead']).toBe(e['step']);
      expect(e['staleness']).toBe(0);
    }
    const pairs = new Set(events.map((e) => `${e['step']}/${e['worker']}`));
    expect(pairs.size).toBe(steps * 2);
  });

  it('params.msgpack unpacks (msgpackr, moreTypes) to a Float32Array equal to the params', () => {
    const unpacked = new Packr({ moreTypes: true }).unpack(readFileSync(path.join(dir, 'params.msgpack'))) as { params: unknown };
    expect(unpacked.params).toBeInstanceOf(Float32Array);
    const params = unpacked.params as Float32Array;
    expect(params.length).toBe(run.params.length);
    expect(Array.from(params)).toEqual(Array.from(run.params));
    expect(float32Sha256(params)).toBe(run.metrics.paramsSha256);
  });

  it('leaves no .partial staging folder behind', () => {
    expect(stagingLeftovers()).toEqual([]);
    expect(readdirSync(path.dirname(dir))).toEqual(['run-a']);
  });

  it('completes an unfinished run directory (config and checkpoint written while training), keeping its other files', () => {
    const unfinished = path.join(tmp(), 'unfinished');
    mkdirSync(unfinished);
    writeFileSync(path.join(unfinished, 'checkpoint.msgpack'), 'kept');
    writeRunDirectory(unfinished, run);
    expect(readdirSync(unfinished).sort()).toEqual(['checkpoint.msgpack', ...fileNames].sort());
    expect(readFileSync(path.join(unfinished, 'checkpoint.msgpack'), 'utf8')).toBe('kept');
    expect(stagingLeftovers()).toEqual([]);
  });

  it('over an existing run directory throws ConfigError and leaves its files as they were', () => {
    const before = Object.fromEntries(fileNames.map((f) => [f, readFileSync(path.join(dir, f))]));
    expect(() => writeRunDirectory(dir, run)).toThrow(ConfigError);
    for (const f of fileNames) expect(readFileSync(path.join(dir, f)).equals(before[f]!)).toBe(true);
  });

  it('a write that fails midway leaves a directory that does not look complete (no metrics.json), and no temporary file', () => {
    const target = path.join(tmp(), 'failed-write');
    // JSON cannot hold a bigint, so writing events.jsonl (just before metrics.json) throws.
    const broken: RunResult = { ...run, events: [{ ...run.events[0]!, step: 1n as unknown as number }] };
    expect(() => writeRunDirectory(target, broken)).toThrow(TypeError);
    expect(existsSync(path.join(target, 'metrics.json'))).toBe(false);
    expect(() => readRunDirectory(target)).toThrow('not a run directory');
    expect(stagingLeftovers()).toEqual([]);
  });
});

describe('readRunDirectory', () => {
  it('round-trips predictions and metrics', () => {
    const stored = readRunDirectory(dir);
    expect(stored.dir).toBe(dir);
    expect(stored.predictions).toBeInstanceOf(Float32Array);
    expect(Array.from(stored.predictions)).toEqual(Array.from(run.predictions));
    expect(stored.metrics).toEqual(run.metrics);
  });

  it('a truncated predictions.f32 is a ConfigError naming the file and the expected byte count', () => {
    const copy = copyOfRun('truncated');
    const predictions = path.join(copy, 'predictions.f32');
    truncateSync(predictions, 100);
    expectConfigError(() => readRunDirectory(copy), predictions, '100 bytes', `expected ${evalExamples * 4}`);
  });

  it('a predictions.f32 one float too long is a ConfigError too', () => {
    const copy = copyOfRun('too-long');
    const predictions = path.join(copy, 'predictions.f32');
    writeFileSync(predictions, Buffer.concat([readFileSync(predictions), Buffer.alloc(4)]));
    expectConfigError(() => readRunDirectory(copy), predictions, `expected ${evalExamples * 4}`);
  });

  it('a directory without metrics.json is a ConfigError naming the directory', () => {
    const empty = path.join(tmp(), 'not-a-run');
    mkdirSync(empty);
    expectConfigError(() => readRunDirectory(empty), empty, 'not a run directory');
  });

  it('a metrics.json that is not JSON is a ConfigError naming the file', () => {
    const copy = copyOfRun('bad-metrics');
    writeFileSync(path.join(copy, 'metrics.json'), '{ "logLoss": ');
    expectConfigError(() => readRunDirectory(copy), path.join(copy, 'metrics.json'));
  });

  it.each([
    ['null', 'null', 'null is not allowed; expected an object of run metrics'],
    ['without evalExamples', '{"logLoss":1,"outputs":1}', 'evalExamples: missing is not allowed; expected a whole number ≥ 1'],
    ['with a fractional output count', '{"evalExamples":10,"outputs":1.5}', 'outputs: 1.5 is not allowed; expected a whole number ≥ 1'],
  ])('a metrics.json that is %s is a ConfigError naming the file, the field and the value', (name, text, message) => {
    const copy = copyOfRun(`metrics-${name.replaceAll(' ', '-')}`);
    writeFileSync(path.join(copy, 'metrics.json'), text);
    expectConfigError(() => readRunDirectory(copy), `${path.join(copy, 'metrics.json')}: ${message}`);
  });

  it('a missing predictions.f32 is a ConfigError naming the file', () => {
    const copy = copyOfRun('no-predictions');
    const predictions = path.join(copy, 'predictions.f32');
    rmSync(predictions);
    expectConfigError(() => readRunDirectory(copy), predictions);
  });
});

describe('writeJsonAtomically', () => {
  const tempDir = useTempDir('atomic-json-');

  it('writes the whole document and leaves no temporary file', () => {
    const file = path.join(tempDir(), 'compare.json');
    writeJsonAtomically(file, { a: [1, 2], b: 'x' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: [1, 2], b: 'x' });
    expect(readdirSync(tempDir())).toEqual(['compare.json']);
  });
});

describe('assertFreshOutput', () => {
  it('returns the first directory that making the output will create, and refuses an output that exists', () => {
    const root = path.join(tmp(), 'fresh-first');
    mkdirSync(root);
    expect(assertFreshOutput(path.join(root, 'a', 'b', 'c'))).toBe(path.join(root, 'a'));
    expect(assertFreshOutput(path.join(root, 'c'))).toBe(path.join(root, 'c'));
    expect(() => assertFreshOutput(root)).toThrow(`--out: ${root} already exists`);
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses an output the file system cannot make, such as a name longer than it allows, and leaves nothing behind', () => {
    const root = path.join(tmp(), 'fresh-long');
    mkdirSync(root);
    const tooLong = path.join(root, 'runs', 'x'.repeat(300));
    expectConfigError(() => assertFreshOutput(tooLong), `--out: ${tooLong} cannot be created (ENAMETOOLONG); expected`, 'expected a path that can be made a directory');
    expect(readdirSync(root)).toEqual([]);
  });
});
