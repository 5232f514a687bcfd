import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Packr } from 'msgpackr';
import { parameterLayout } from '@churnlab/model/vectors';
import { ConfigError, shownValue } from './config-error.js';
import { checkWholeNumbers, isMapping } from './json-shape.js';
import type { Config } from './config-schema.js';
import type { RunMetrics, RunResult } from './train-run.js';
import { configWithoutSecrets } from './config-without-secrets.js';
import { nearestExisting } from './nearest-existing.js';

// moreTypes makes msgpackr round-trip typed arrays instead of turning them into plain arrays.
const packr = new Packr({ moreTypes: true });

/** Files of a run directory (DESIGN §4). */
export const runFiles = {
  config: 'config.json',
  params: 'params.msgpack',
  metrics: 'metrics.json',
  predictions: 'predictions.f32',
  events: 'events.jsonl',
} as const;

/**
 * Writes (or completes) a run directory. Every file goes through a temporary file and a rename, and metrics.json comes
 * last: it is what makes a run directory complete, so a killed run never leaves one that looks complete.
 */
export function writeRunDirectory(dir: string, run: RunResult): void {
  if (isCompleteRun(dir)) throw new ConfigError(`--out: ${dir} already holds a finished run; choose a new directory or remove it`);
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  writeFileAtomically(file(runFiles.config), runConfigText(run.config, run.replica));
  writeFileAtomically(file(runFiles.params), packr.pack({ layout: parameterLayout(run.model).blocks, params: run.params }));
  writeFileAtomically(file(runFiles.predictions), littleEndianBytes(run.predictions));
  writeFileAtomically(file(runFiles.events), run.events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  writeFileAtomically(file(runFiles.metrics), JSON.stringify(run.metrics, null, 2) + '\n');
}

/** Whether `dir` holds a finished run (its metrics.json, written last, is there). */
export function isCompleteRun(dir: string): boolean {
  return existsSync(path.join(dir, runFiles.metrics));
}

/** config.json of a run: the resolved config (without secrets) with the run's replica, which --config and --resume read back. */
export function runConfigText(config: Config, replica: number): string {
  return JSON.stringify({ ...configWithoutSecrets(config), replica }, null, 2) + '\n';
}

/** Writes `data` to `file` through a temporary sibling and a rename, so a reader never sees half a file. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes JSON to `file` atomically (see writeFileAtomically). */
export function writeJsonAtomically(file: string, value: unknown): void {
  writeFileAtomically(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Refuses an output directory that already exists or cannot be created, before any work is done for it. Returns the
 * first directory that making it will create (`dir` itself or a parent of it), as an absolute path.
 */
export function assertFreshOutput(dir: string): string {
  const { path: ancestor, stats, firstMissing } = nearestExisting(dir);
  if (firstMissing === undefined) throw new ConfigError(`--out: ${dir} already exists; choose a new directory or remove it`);
  const problem = !stats.isDirectory() ? 'is not a directory' : !isWritable(ancestor) ? 'is not writable' : undefined;
  if (problem) throw new ConfigError(`--out: ${dir} cannot be created: ${ancestor} ${problem}; expected a path under a writable directory`);
  probeCreation(dir, firstMissing);
  return firstMissing;
}

/**
 * Makes `dir` one level at a time from `firstMissing` and removes it again, so that what only the file system can
 * refuse (a name too long, a read-only or special file system) is bad usage now rather than a failed run after the
 * data is read. One level at a time: Node's recursive mkdir can loop forever under /proc.
 */
function probeCreation(dir: string, firstMissing: string): void {
  const levels = [path.resolve(dir)];
  while (levels[0] !== firstMissing) levels.unshift(path.dirname(levels[0]!));
  let madeAny = false;
  try {
    for (const level of levels) {
      mkdirSync(level);
      madeAny = true;
    }
  } catch (error) {
    throw new ConfigError(`--out: ${dir} cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected a path that can be made a directory`);
  } finally {
    if (madeAny) rmSync(firstMissing, { recursive: true, force: true });
  }
}

function isWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A run directory's metrics and predictions, checked against each other. */
export interface StoredRun {
  dir: string;
  metrics: RunMetrics;
  predictions: Float32Array;
}

/** Reads what `churnlab pd` needs from a run directory; a missing or inconsistent file is a ConfigError naming it. */
export function readRunDirectory(dir: string): StoredRun {
  const file = (name: string) => path.join(dir, name);
  if (!existsSync(file(runFiles.metrics))) throw new ConfigError(`${dir}: not a run directory (no ${runFiles.metrics})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file(runFiles.metrics), 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file(runFiles.metrics)}: not valid JSON (${(error as Error).message})`);
  }
  const metrics = checkedShape(parsed, file(runFiles.metrics));
  if (!existsSync(file(runFiles.predictions))) throw new ConfigError(`${file(runFiles.predictions)}: missing; a run directory holds the evaluation predictions there`);
  const bytes = readFileSync(file(runFiles.predictions));
  const expected = metrics.evalExamples * metrics.outputs * 4;
  if (bytes.length !== expected) {
    throw new ConfigError(`${file(runFiles.predictions)}: ${bytes.length} bytes; expected ${expected} (evalExamples ${metrics.evalExamples} × outputs ${metrics.outputs} × 4)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const predictions = Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
  return { dir, metrics, predictions };
}

/** The metrics of a run directory, once the fields that size its predictions are whole numbers ≥ 1. */
function checkedShape(parsed: unknown, file: string): RunMetrics {
  if (!isMapping(parsed)) throw new ConfigError(`${file}: ${shownValue(parsed)} is not allowed; expected an object of run metrics`);
  checkWholeNumbers(parsed, ['evalExamples', 'outputs'], 1, file);
  return parsed as unknown as RunMetrics;
}

function littleEndianBytes(values: Float32Array): Uint8Array {
  const out = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => out.setFloat32(i * 4, v, true));
  return new Uint8Array(out.buffer);
}
