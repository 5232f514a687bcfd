import type { Command } from 'commander';
import { ConfigError, readRecordedRun, resumeSingle, runSingle, type Config, type RecordedRun, type RunResult } from '@churnlab/experiment';
import { activationSpec, configFrom, defaultOut, pathValue, wholeNumber, withCommonOptions, type CommonFlags } from '../common-options.js';
import { reportFault } from '../fault-report.js';
import { Progress } from '../progress.js';

interface TrainFlags extends CommonFlags {
  activation?: string;
  replica?: number;
  replayFrom?: string;
  resume?: string;
}

/** Flags that would change a replayed run, so they cannot go with --replay-from. */
const settingFlags = ['config', 'workers', 'order', 'vary', 'shuffle', 'delay', 'psShards', 'gradPrecision', 'paramPrecision', 'fault', 'transport', 'nats', 'data', 'skipBadRows', 'epochs', 'seed', 'activation', 'replica'] as const;

/** `churnlab train`: one run, written to a run directory. */
export function trainCommand(program: Command): void {
  withCommonOptions(program.command('train').description('train one model and write its run directory'))
    .option('--activation <spec>', 'activation, e.g. relu, smelu:1, gelu:tanh, swish:1, softplus:1', activationSpec)
    .option('--replica <n>', 'which replica this run is (default 0): replicas differ only in the sources named in --vary, so two runs that differ only here give the PD of `churnlab pd`', wholeNumber(0))
    .option('--replay-from <run-dir>', "re-apply a recorded run's update order and staleness (from its events.jsonl), bit for bit", pathValue)
    .option('--resume <run-dir>', 'continue a killed run from its last checkpoint (bit-identical to an uninterrupted run in sync and replay)', pathValue)
    .action(async (flags: TrainFlags) => {
      const progress = new Progress('train');
      const onProgress = (d: number, t: number) => progress.update(d, t);
      const out = flags.resume ?? flags.out ?? defaultOut('train');
      const run = await (flags.resume ? resumeRun(flags, onProgress) : startRun(flags, out, onProgress)).finally(() => progress.stop());
      const { paramsSha256, ...metrics } = run.metrics;
      if (flags.json) process.stdout.write(JSON.stringify({ runDir: out, paramsSha256, metrics }) + '\n');
      else process.stdout.write(`run directory ${out}\nparams sha256 ${paramsSha256}\nlog loss ${metrics.logLoss.toFixed(4)}  ${Number.isNaN(metrics.auc) ? '' : `AUC ${metrics.auc.toFixed(4)}  `}accuracy ${metrics.accuracy.toFixed(4)}\n${skippedNote(metrics.skippedRows)}`);
    });
}

function startRun(flags: TrainFlags, out: string, onProgress: (done: number, total: number) => void): Promise<RunResult> {
  const recorded = flags.replayFrom ? replaySource(flags) : undefined;
  const config = recorded?.config ?? trainConfig(flags);
  return runSingle(config, out, { onProgress, onFault: reportFault, ...(recorded ? { recorded } : {}) });
}

function resumeRun(flags: TrainFlags, onProgress: (done: number, total: number) => void): Promise<RunResult> {
  refuseSettings(flags, '--resume', 'continues the run with the settings in its config.json', ['out', 'replayFrom']);
  return resumeSingle(flags.resume!, { onProgress, onFault: reportFault });
}

function trainConfig(flags: TrainFlags): Config {
  if (flags.workers && flags.workers.length > 1) throw new ConfigError(`--workers: "${flags.workers.join(',')}" is not allowed for train; expected one worker count (lists are for compare)`);
  return configFrom(flags, { ...(flags.activation && { model: { activation: flags.activation } }), ...(flags.replica !== undefined && { replica: flags.replica }) });
}

function replaySource(flags: TrainFlags): RecordedRun {
  refuseSettings(flags, '--replay-from', "takes every setting from the recorded run's config.json");
  return readRecordedRun(flags.replayFrom!);
}

/** Refuses flags that would change a run whose settings come from a run directory. */
function refuseSettings(flags: TrainFlags, mode: string, why: string, more: Array<keyof TrainFlags> = []): void {
  const given = [...settingFlags, ...more].find((f) => flags[f] !== undefined);
  if (given === undefined) return;
  const flag = given.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new ConfigError(`--${flag}: not allowed with ${mode}, which ${why}; expected ${mode} with only --json or --verbose${mode === '--replay-from' ? ' (and --out)' : ''}`);
}

function skippedNote(rows: number): string {
  return rows > 0 ? `skipped ${rows} bad data row${rows === 1 ? '' : 's'} (--skip-bad-rows)\n` : '';
}
