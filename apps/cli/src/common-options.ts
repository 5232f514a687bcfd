import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { AUTO_PARALLEL_PARAMETER_LIMIT, ConfigError, isMapping, knobProblem, readConfigFile, resolveConfig, type Config, type Knob, type ParallelRuns } from '@churnlab/experiment';
import { redactUrlsIn, ThreadPool } from '@churnlab/transport';

/** The flags every training command shares. */
export interface CommonFlags {
  config?: string;
  workers?: number[];
  order?: string;
  vary?: string[];
  shuffle?: string;
  delay?: string;
  psShards?: number;
  gradPrecision?: string;
  paramPrecision?: string;
  fault?: string[];
  transport?: string;
  nats?: string[];
  data?: Record<string, unknown>;
  skipBadRows?: boolean;
  epochs?: number;
  seed?: number;
  out?: string;
  json?: boolean;
  verbose?: boolean;
}

/** Parses a flag value that must be a whole number ≥ min. */
export function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`"${value}" is not allowed; expected a whole number ≥ ${min}.`);
    return n;
  };
}

/** Parses a comma-separated list of whole numbers ≥ min, e.g. `1,2,4,8`. */
export function wholeNumbers(min: number): (value: string) => number[] {
  const one = wholeNumber(min);
  return (value) => {
    try {
      return value.split(',').map((part) => one(part));
    } catch {
      throw new InvalidArgumentError(`"${value}" is not allowed; expected a whole number ≥ ${min} or a comma-separated list of them, e.g. 1,2,4,8.`);
    }
  };
}

/** Parses a flag value that names a file or directory: any text but an empty one. */
export function pathValue(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError(`"${value}" is not allowed; expected a path.`);
  return value;
}

/** Splits a comma-separated flag value into trimmed items. */
export function list(value: string): string[] {
  return value.split(',').map((s) => s.trim());
}

/**
 * The server URLs of a --nats flag, refusing an empty one (`--nats ''`, `a,,b`) as bad usage. Checked here rather than
 * in a flag parser, whose error would quote the raw value, credentials and all.
 */
export function checkServerUrls(urls: string[]): string[] {
  if (urls.some((url) => url === '')) throw new ConfigError(`--nats: "${redactUrlsIn(urls.join(','))}" is not allowed; expected NATS server URLs such as nats://10.0.0.5:4222, comma-separated, none empty`);
  return urls;
}

/**
 * Splits a comma-separated list of activation specs, keeping a spec's own key=value parameters together: no activation
 * name holds '=', so `relu,gsmelu:alpha=1,beta=2` is relu and gsmelu:alpha=1,beta=2.
 */
export function activationList(value: string): string[] {
  const specs = list(value).reduce<string[]>((joined, part) => {
    if (joined.length > 0 && /^[a-z]+=/i.test(part)) joined[joined.length - 1] += `,${part}`;
    else joined.push(part);
    return joined;
  }, []);
  return specs.map(activationSpec);
}

/** Parses an activation spec flag value, refusing a spec the activation registry does not accept. */
export const activationSpec = knob('activation');

/** Parses a knob's flag value, refusing it with the knob's own explanation of what is allowed. */
function knob(name: Knob): (value: string) => string {
  return (value) => {
    const problem = knobProblem(name, value);
    if (problem) throw new InvalidArgumentError(problem);
    return value;
  };
}

/** Parses --data: synthetic, criteo:PATH or mnist, into the config's data section. */
function dataSource(value: string): Record<string, unknown> {
  if (value === 'synthetic' || value === 'mnist') return { format: value };
  // Made absolute here, where it is relative to the working directory, so that the run's config.json names the same file anywhere.
  if (value.startsWith('criteo:') && value.length > 'criteo:'.length) return { format: 'criteo', path: path.resolve(value.slice('criteo:'.length)) };
  throw new InvalidArgumentError(`"${value}" is not allowed; expected synthetic, criteo:PATH or mnist (other files: a csv data section in --config).`);
}

/** Parses a comma-separated list of varied sources. */
function varySources(value: string): string[] {
  return list(value).map(knob('vary'));
}

/** Adds --config, the training knobs, --epochs, --seed, --out, --json and --verbose to a command. */
export function withCommonOptions(command: Command): Command {
  return command
    .option('--config <file>', 'YAML or JSON config file; every field has a default')
    .option('--workers <n>', 'worker threads sharing each step; compare and sweep take a list, e.g. 1,2,4,8', wholeNumbers(1))
    .option('--order <policy>', `parameter-server apply order: sync, sync-arrival, async, ssp:K or replay (default ${resolveConfig({}).training.order})`, knob('order'))
    .option('--vary <sources>', 'seeded sources that differ between replicas: order, shuffle, init, numeric, delay (default order)', varySources)
    .option('--shuffle <kind>', 'row order per epoch: none, window:W or full (default full)', knob('shuffle'))
    .option('--delay <spec>', 'injected delay before the server receives a gradient: none, lag:WORKER=MS,… or jitter:MAX_MS', knob('delay'))
    .option('--ps-shards <n>', 'parameter-server shards that apply their ranges independently', wholeNumber(1))
    .option('--grad-precision <format>', 'rounding of pushed gradients: float32, bfloat16, float16 or int8 (seeded stochastic rounding)', knob('gradPrecision'))
    .option('--param-precision <format>', 'rounding of the parameters workers compute at: float32, bfloat16 or float16 (seeded stochastic rounding; the server keeps float32)', knob('paramPrecision'))
    .option('--fault <spec>', 'inject a worker fault, repeatable: kill:worker=W,step=S or stall:worker=W,ms=M[,step=S]', (value: string, previous: string[] = []) => [...previous, knob('fault')(value)])
    .addOption(new Option('--transport <kind>', 'where the workers run: threads on this machine, or nats worker processes').choices(['threads', 'nats']))
    .option('--nats <urls>', 'NATS server URL(s), comma-separated, for --transport nats (credentials from NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED)', list)
    .option('--data <source>', 'data set: synthetic (default), criteo:PATH (Kaggle TSV or the CSV sample) or mnist', dataSource)
    .option('--skip-bad-rows', 'skip and count data rows that cannot be read, instead of failing on the first')
    .option('--epochs <n>', 'passes over the training data', wholeNumber(1))
    .option('--seed <n>', 'experiment seed; every random stream derives from it', wholeNumber(0))
    .option('--out <dir>', 'where results are written', pathValue)
    .option('--json', 'print one JSON document on stdout and nothing else there')
    .option('--verbose', 'show stack traces on errors');
}

/** Parses --parallel-runs: a whole number ≥ 1, or auto. */
function parallelRuns(value: string): ParallelRuns {
  if (value.trim() === 'auto') return 'auto';
  try {
    return wholeNumber(1)(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not allowed; expected auto or a whole number ≥ 1.`);
  }
}

/** Adds --parallel-runs to a command that trains many runs (compare, sweep). */
export function withParallelRuns(command: Command): Command {
  const limit = `${AUTO_PARALLEL_PARAMETER_LIMIT / 1_000_000} M`;
  return command.option(
    '--parallel-runs <n>',
    `runs trained at once on the thread pool, or auto: one per core (up to ${ThreadPool.runsHeld}), or one for models over ${limit} parameters (default auto). Results do not change; runs whose order follows real thread timing (async, ssp:K, sync-arrival) always train alone`,
    parallelRuns,
  );
}

/** The training flags that were given, as config fields. */
function trainingOverrides(flags: CommonFlags): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    workers: flags.workers?.[0],
    order: flags.order,
    shuffle: flags.shuffle,
    delay: flags.delay,
    psShards: flags.psShards,
    gradPrecision: flags.gradPrecision,
    paramPrecision: flags.paramPrecision,
    faults: flags.fault,
    epochs: flags.epochs,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** The config file (if any) with the flags laid over it, then `overrides` (config sections or top-level values), validated. */
export function configFrom(flags: CommonFlags, overrides: Record<string, unknown> = {}): Config {
  const base = (flags.config ? readConfigFile(flags.config) : {}) as Record<string, Record<string, unknown>>;
  // Flags are laid over the file's sections: a file whose root or such a section is not a mapping is judged as it is.
  const mergedSections = ['training', 'transport', 'data', ...Object.keys(overrides).filter((key) => typeof overrides[key] === 'object')];
  if (!isMapping(base) || mergedSections.some((key) => base[key] !== undefined && !isMapping(base[key]))) return resolveConfig(base, flags.config);
  const merged: Record<string, unknown> = { ...base, training: { ...base['training'], ...trainingOverrides(flags) } };
  if (flags.seed !== undefined) merged['seed'] = flags.seed;
  if (flags.vary !== undefined) merged['vary'] = flags.vary;
  const transport = Object.fromEntries(Object.entries({ kind: flags.transport, nats: flags.nats }).filter(([, v]) => v !== undefined));
  if (Object.keys(transport).length > 0) merged['transport'] = { ...base['transport'], ...transport };
  // The flag picks the data set; settings the file gives for that same format (e.g. a subset size) still apply.
  if (flags.data !== undefined) merged['data'] = base['data']?.['format'] === flags.data['format'] ? { ...base['data'], ...flags.data } : flags.data;
  if (flags.skipBadRows) merged['data'] = { ...skippableData(merged['data']), skipBadRows: true };
  // A section's fields are laid over the file's; a top-level value (the replica) replaces it.
  for (const [key, value] of Object.entries(overrides)) merged[key] = typeof value === 'object' ? { ...(base[key] ?? {}), ...value } : value;
  const config = resolveConfig(merged, flags.config ?? 'config');
  // A server given for workers that run as threads would be silently unused: the run would not be the one asked for.
  if (flags.nats && config.transport.kind !== 'nats') {
    throw new ConfigError(`--nats: not allowed with transport.kind "${config.transport.kind}", which trains on threads of this machine; expected --transport nats with it (or transport.kind: nats in the config)`);
  }
  return config;
}

/** The data section that --skip-bad-rows goes into: only data read from a file has rows to skip. */
function skippableData(data: unknown): Record<string, unknown> {
  const section = isMapping(data) ? data : {};
  const format = section['format'] ?? 'synthetic';
  if (format !== 'csv' && format !== 'criteo') throw new ConfigError(`--skip-bad-rows: not allowed with data format "${String(format)}"; expected data read from a file (--data criteo:PATH, or a csv data section in --config)`);
  return section;
}

/** A fresh default output directory name under churnlab-runs/. */
export function defaultOut(kind: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `churnlab-runs/${kind}-${stamp}-${process.pid}`;
}
