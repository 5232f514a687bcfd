import type { Command } from 'commander';
import { runSingle } from '@churnlab/experiment';
import { configFrom, defaultOut, withCommonOptions, type CommonFlags } from '../common-options.js';
import { Progress } from '../progress.js';

interface TrainFlags extends CommonFlags {
  activation?: string;
}

/** `churnlab train`: one run, written to a run directory. */
export function trainCommand(program: Command): void {
  withCommonOptions(program.command('train').description('train one model and write its run directory'))
    .option('--activation <spec>', 'activation, e.g. relu, smelu:1, gelu:tanh, swish:1, softplus:1')
    .action(async (flags: TrainFlags) => {
      const config = configFrom(flags, flags.activation ? { model: { activation: flags.activation } } : {});
      const out = flags.out ?? defaultOut('train');
      const progress = new Progress('train');
      const run = await runSingle(config, out, (d, t) => progress.update(d, t)).finally(() => progress.stop());
      const { paramsSha256, ...metrics } = run.metrics;
      if (flags.json) process.stdout.write(JSON.stringify({ runDir: out, paramsSha256, metrics }) + '\n');
      else process.stdout.write(`run directory ${out}\nparams sha256 ${paramsSha256}\nlog loss ${metrics.logLoss.toFixed(4)}  AUC ${metrics.auc.toFixed(4)}  accuracy ${metrics.accuracy.toFixed(4)}\n`);
    });
}
