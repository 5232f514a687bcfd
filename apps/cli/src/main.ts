import { inspect } from 'node:util';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '@churnlab/experiment';
import { benchCommand } from './commands/bench.js';
import { compareCommand } from './commands/compare.js';
import { pdCommand } from './commands/pd.js';
import { reportCommand } from './commands/report.js';
import { sweepCommand } from './commands/sweep.js';
import { trainCommand } from './commands/train.js';
import { workerCommand } from './commands/worker.js';

const EXIT_OK = 0;
const EXIT_RUN_FAILED = 1;
const EXIT_USAGE = 2;

const program = new Command('churnlab')
  .description('train replicas with controlled nondeterminism and measure how much their predictions churn')
  .exitOverride()
  // Usage errors stay on one line: commander's "(Did you mean …?)" hint is joined to its message.
  .configureOutput({ outputError: (text, write) => write(`${text.trimEnd().replace(/\n+/g, ' ')}\n`) });
trainCommand(program);
compareCommand(program);
pdCommand(program);
reportCommand(program);
sweepCommand(program);
workerCommand(program);
benchCommand(program);
program.commands.forEach((c) => c.exitOverride());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  const verbose = process.argv.includes('--verbose');
  if (error instanceof ConfigError) {
    process.stderr.write(`churnlab: ${error.message}\n`);
    if (verbose) process.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`churnlab: run failed: ${error instanceof Error ? error.message : String(error)}\n`);
  // inspect, not stack: it follows the chain of causes (a failed task's own error under the run's).
  if (verbose && error instanceof Error) process.stderr.write(`${inspect(error)}\n`);
  return EXIT_RUN_FAILED;
}
