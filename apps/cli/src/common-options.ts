import { Command, InvalidArgumentError, Option } from 'commander';
import { readConfigFile, resolveConfig, type Config } from '@churnlab/experiment';

/** The flags every training command shares. */
export interface CommonFlags {
  config?: string;
  workers?: number;
  order?: string;
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

/** Adds --config, --workers, --order, --epochs, --seed, --out, --json and --verbose to a command. */
export function withCommonOptions(command: Command): Command {
  return command
    .option('--config <file>', 'YAML or JSON config file; every field has a default')
    .option('--workers <n>', 'worker threads sharing each step', wholeNumber(1))
    .addOption(new Option('--order <policy>', 'parameter-server apply order').choices(['sync', 'async', 'replay']))
    .option('--epochs <n>', 'passes over the training data', wholeNumber(1))
    .option('--seed <n>', 'experiment seed; every random stream derives from it', wholeNumber(0))
    .option('--out <dir>', 'where results are written')
    .option('--json', 'print one JSON document on stdout and nothing else there')
    .option('--verbose', 'show stack traces on errors');
}

/** The config file (if any) with the flags laid over it, validated. */
export function configFrom(flags: CommonFlags, overrides: Record<string, unknown> = {}): Config {
  const base = (flags.config ? readConfigFile(flags.config) : {}) as Record<string, Record<string, unknown>>;
  if (typeof base !== 'object' || Array.isArray(base)) return resolveConfig(base, flags.config);
  const training = { ...base['training'] };
  if (flags.workers !== undefined) training['workers'] = flags.workers;
  if (flags.order !== undefined) training['order'] = flags.order;
  if (flags.epochs !== undefined) training['epochs'] = flags.epochs;
  const merged: Record<string, unknown> = { ...base, training };
  if (flags.seed !== undefined) merged['seed'] = flags.seed;
  for (const [section, values] of Object.entries(overrides)) merged[section] = { ...(base[section] ?? {}), ...(values as object) };
  return resolveConfig(merged, flags.config ?? 'config');
}

/** A fresh default output directory name under churnlab-runs/. */
export function defaultOut(kind: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `churnlab-runs/${kind}-${stamp}-${process.pid}`;
}
