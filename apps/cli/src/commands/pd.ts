import type { Command } from 'commander';
import { pdBetweenRuns } from '@churnlab/experiment';

/** `churnlab pd RUN_A RUN_B`: PD between two run directories. */
export function pdCommand(program: Command): void {
  program
    .command('pd')
    .description('prediction difference between two run directories')
    .argument('<runA>', 'first run directory')
    .argument('<runB>', 'second run directory')
    .option('--json', 'print one JSON document on stdout and nothing else there')
    .option('--verbose', 'show stack traces on errors')
    .action((runA: string, runB: string, flags: { json?: boolean }) => {
      const report = pdBetweenRuns(runA, runB);
      if (flags.json) {
        process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v.mean]))) + '\n');
        return;
      }
      for (const [name, spread] of Object.entries(report)) process.stdout.write(`${name.padEnd(9)} ${spread.mean.toFixed(6)}\n`);
    });
}
