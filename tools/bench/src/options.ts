import { Command, InvalidArgumentError } from 'commander';
import { resolveConfig } from '@churnlab/experiment';
import { benchModels } from './models.js';

/** What `npm run bench -- …` asked for. */
export interface BenchOptions {
  quick: boolean;
  json: boolean;
  /** Write the generated section of docs/benchmarks.md (default: yes, except with --quick). */
  write: boolean;
  models: string[];
  microShards: number;
}

/** Parses the benchmark's command line (argv without node and the script). */
export function parseOptions(args: string[]): BenchOptions {
  const program = new Command('bench')
    .description('Training throughput of churnlab against tfjs CPU and PyTorch, the WASM roofline, the coordinator share and peak RSS.')
    .option('--quick', 'a shorter run (under 3 minutes on 2 cores); does not write docs/benchmarks.md unless --write', false)
    .option('--json', 'print one JSON document on stdout instead of the Markdown section; progress stays on stderr', false)
    .option('--write', 'write the generated section of docs/benchmarks.md')
    .option('--no-write', 'do not write docs/benchmarks.md')
    .option('--models <ids>', `comma-separated models to measure (${benchModels.map((m) => m.id).join(', ')})`, parseModels, benchModels.map((m) => m.id))
    .option('--micro-shards <n>', "micro-shards per batch in churnlab's runs (default: the config default)", parsePositiveInt)
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stderr.write(s) });
  program.parse(args, { from: 'user' });
  const o = program.opts<{ quick: boolean; json: boolean; write?: boolean; models: string[]; microShards?: number }>();
  return { quick: o.quick, json: o.json, write: o.write ?? !o.quick, models: o.models, microShards: o.microShards ?? resolveConfig({}).training.microShards };
}

function parseModels(value: string): string[] {
  const ids = value.split(',').map((s) => s.trim());
  const unknown = ids.filter((id) => !benchModels.some((m) => m.id === id));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown model(s) ${unknown.join(', ')}; expected ${benchModels.map((m) => m.id).join(', ')}`);
  return ids;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}
