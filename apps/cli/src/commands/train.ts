import type { Command } from 'commander';
import { ConfigError, readRecordedRun, runSingle, type Config, type RecordedRun } from '@churnlab/experiment';
import { configFrom, defaultOut, withCommonOptions, type CommonFlags } from '../common-options.js';
import { Progress } from '../progress.js';

interface TrainFlags extends CommonFlags {
  activation?: string;
  replayFrom?: string;
}

/** Flags that would change a replayed run, so they cannot go with --replay-from. */
const settingFlags = ['config', 'workers', 'order', 'vary', 'shuffle', 'delay', 'psShards', 'gradPrecision', 'data', 'skipBadRows', 'epochs', 'seed', 'activation'] as const;

/** `churnlab train`: one run, written to a run directory. */
export function trainCommand(program: Command): void {
  withCommonOptions(program.command('train').description('train one model and write its run directory'))
    .option('--activation <spec>', 'activation, e.g. relu, smelu:1, gelu:tanh, swish:1, softplus:1')
    .option('--replay-from <run-dir>', "re-apply a recorded run's update order and staleness (from its events.jsonl), bit for bit")
    .action(async (flags: TrainFlags) => {
      const recorded = flags.replayFrom ? replaySource(flags) : undefined;
      const config = recorded?.config ?? trainConfig(flags);
      const out = flags.out ?? defaultOut('train');
      const progress = new Progress('train');
      const run = await runSingle(config, out, { onProgress: (d, t) => progress.update(d, t), ...(recorded ? { recorded } : {}) }).finally(() => progress.stop());
      const { paramsSha256, ...metrics } = run.metrics;
      if (flags.json) process.stdout.write(JSON.stringify({ runDir: out, paramsSha256, metrics }) + '\n');
      else process.stdout.write(`run directory ${out}\nparams sha256 ${paramsSha256}\nlog loss ${metrics.logLoss.toFixed(4)}  AUC ${metrics.auc.toFixed(4)}  accuracy ${metrics.accuracy.toFixed(4)}\n${skippedNote(metrics.skippedRows)}`);
    });
}

function trainConfig(flags: TrainFlags): Config {
  if (flags.workers && flags.workers.length > 1) throw new ConfigError(`--workers: "${flags.workers.join(',')}" is not allowed for train; expected one worker count (lists are for compare)`);
  return configFrom(flags, flags.activation ? { model: { activation: flags.activation } } : {});
}

function replaySource(flags: TrainFlags): RecordedRun {
  const given = settingFlags.filter((f) => flags[f] !== undefined);
  if (given.length > 0) {
    const flag = given[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new ConfigError(`--${flag}: not allowed with --replay-from, which takes every setting from the recorded run's config.json; expected --replay-from with only --out, --json or --verbose`);
  }
  return readRecordedRun(flags.replayFrom!);
}

function skippedNote(rows: number): string {
  return rows > 0 ? `skipped ${rows} bad data row${rows === 1 ? '' : 's'} (--skip-bad-rows)\n` : '';
}
