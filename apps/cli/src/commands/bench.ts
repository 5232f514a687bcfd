import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/** `churnlab bench`: the benchmark of tools/bench, as `npm run bench` runs it, with its options passed on as given. */
export function benchCommand(program: Command): void {
  program
    .command('bench')
    .description('measure training speed against tfjs CPU and PyTorch, the WASM roofline, the coordinator share and peak RSS (as npm run bench; `churnlab bench --help` lists its options)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (_options: unknown, command: Command) => {
      process.exitCode = await runBench(command.args);
    });
}

/** Runs the benchmark in a process of its own, as its own script expects, and resolves with its exit code. */
function runBench(args: string[]): Promise<number> {
  const main = fileURLToPath(import.meta.resolve('@churnlab/bench/main'));
  const child = spawn(process.execPath, [main, ...args], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
