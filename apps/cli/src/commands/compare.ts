import type { Command } from 'commander';
import { resolveConfig, runCompare, type ParallelRuns } from '@churnlab/experiment';
import { activationList, configFrom, defaultOut, wholeNumber, withCommonOptions, withParallelRuns, type CommonFlags } from '../common-options.js';
import { reportFault } from '../fault-report.js';
import { Progress } from '../progress.js';
import { publishResults } from '../result-summary.js';

interface CompareFlags extends CommonFlags {
  activations?: string[];
  replicas?: number;
  parallelRuns?: ParallelRuns;
}

/** `churnlab compare`: replicas per activation (and worker count), and how much they disagree. */
export function compareCommand(program: Command): void {
  const defaults = resolveConfig({}).compare;
  withParallelRuns(withCommonOptions(program.command('compare').description('train replicas per activation and compare their prediction difference (PD)')))
    .option('--activations <list>', `comma-separated activations (default ${defaults.activations.join(',')})`, activationList)
    .option('--replicas <n>', `replicas per activation (default ${defaults.replicas})`, wholeNumber(2))
    .action(async (flags: CompareFlags) => {
      const compare: Record<string, unknown> = {};
      if (flags.activations) compare['activations'] = flags.activations;
      if (flags.replicas !== undefined) compare['replicas'] = flags.replicas;
      if (flags.workers && flags.workers.length > 1) compare['workers'] = flags.workers;
      const config = configFrom(flags, { compare });
      const out = flags.out ?? defaultOut('compare');
      const progress = new Progress('compare');
      const result = await runCompare(config, {
        out,
        ...(flags.parallelRuns !== undefined && { parallelRuns: flags.parallelRuns }),
        onRunStart: ({ activation, workers, replica }) => (flags.json ? undefined : process.stderr.write(`training ${activation} on ${workers} worker${workers === 1 ? '' : 's'}, replica ${replica}\n`)),
        onProgress: (d, t) => progress.update(d, t),
        onFault: reportFault,
      }).finally(() => progress.stop());
      await publishResults('compare', config, result, out, flags.json);
    });
}
