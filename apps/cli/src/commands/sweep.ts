import type { Command } from 'commander';
import { ConfigError, runSweep, settingLabel, type ParallelRuns } from '@churnlab/experiment';
import { configFrom, defaultOut, withCommonOptions, withParallelRuns, type CommonFlags } from '../common-options.js';
import { reportFault } from '../fault-report.js';
import { Progress } from '../progress.js';
import { publishResults } from '../result-summary.js';

interface SweepFlags extends CommonFlags {
  resume?: boolean;
  parallelRuns?: ParallelRuns;
}

/** `churnlab sweep`: a grid of settings from the config's sweep section, every run stored once, resumable. */
export function sweepCommand(program: Command): void {
  withParallelRuns(withCommonOptions(program.command('sweep').description("train the grid in the config's sweep section (activations with β lists, workers, orders, shuffles, replicas) and report it")))
    .option('--resume', 'continue the sweep in --out without redoing its finished runs')
    .action(async (flags: SweepFlags) => {
      if (flags.resume && !flags.out) throw new ConfigError('--resume: needs --out DIR, the output directory of the sweep to continue');
      // --workers sets the grid's worker counts, one or a list, over those of the config's sweep section.
      const config = configFrom(flags, flags.workers ? { sweep: { workers: flags.workers } } : {});
      const out = flags.out ?? defaultOut('sweep');
      const progress = new Progress('sweep', 'runs');
      let runs = 0;
      const result = await runSweep(config, {
        out,
        resume: flags.resume ?? false,
        ...(flags.parallelRuns !== undefined && { parallelRuns: flags.parallelRuns }),
        onRunStart: (run, index, total) => {
          runs = total;
          progress.update(index, total, `${settingLabel(run)} · replica ${run.replica}`);
        },
        onFault: reportFault,
      }).finally(() => {
        if (runs > 0) progress.update(runs, runs);
        progress.stop();
      });
      await publishResults('sweep', config, result, out, flags.json);
    });
}
