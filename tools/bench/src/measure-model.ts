import type { ChurnlabRun } from './churnlab-session.js';
import type { ChurnlabMeasurement } from './churnlab-throughput.js';
import { addCoordinatorTimes, coordinatorCpuShare, coordinatorShare } from './coordinator-share.js';
import type { Budgets } from './budgets.js';
import type { EntryKey } from './entries.js';
import { gflops } from './flops.js';
import { isolated } from './isolate.js';
import { withOtherCores } from './machine.js';
import type { BenchModel } from './models.js';
import type { Entry, ModelResult } from './results.js';
import { stepRateOfRounds, timedSeconds, type StepTimes } from './step-rate.js';
import { torchThroughput } from './torch-throughput.js';

const churnlabRuns: Array<[EntryKey, Omit<ChurnlabRun, 'microShards' | 'psShards'>]> = [
  ['churnlab1', { workers: 1, order: 'sync' }],
  ['churnlab2Sync', { workers: 2, order: 'sync' }],
  ['churnlab2Async', { workers: 2, order: 'async' }],
];

/** A run's step times and peak RSS, with the cores other processes kept busy meanwhile where the platform tells. */
type TimedRun = StepTimes & { peakRssMb: number; otherCores?: number };

/**
 * Measures every run of `model`, each in a process of its own; PyTorch only when `torch` is true. churnlab's runs
 * take turns over `b.churnlabRounds` rounds, so that the ratios between them do not follow the machine's drift.
 */
export function measureModel(model: BenchModel, b: Budgets, microShards: number, torch: boolean, log: (line: string) => void): ModelResult {
  const result: ModelResult = { model, entries: {}, coordinator: {}, coordinatorRssMb: {} };
  const record = (key: EntryKey, runs: TimedRun[]) => {
    const entry = toEntry(model, runs);
    const otherCores = weightedOtherCores(runs, entry.seconds);
    result.entries[key] = { ...entry, ...(otherCores !== undefined && { otherCores }) };
    log(`model ${model.id}, ${key}: ${entry.stepsPerSec.toFixed(2)} steps/s, ${entry.gflops.toFixed(2)} GFLOP/s, peak RSS ${entry.peakRssMb.toFixed(0)} MB`);
    return entry;
  };
  const churnlab = new Map<EntryKey, Array<ChurnlabMeasurement & TimedRun>>();
  for (let round = 1; round <= b.churnlabRounds; round++) {
    for (const [key, run] of churnlabRuns) {
      log(`model ${model.id}, ${key}${b.churnlabRounds > 1 ? ` (round ${round} of ${b.churnlabRounds})` : ''}: training…`);
      const timed = withOtherCores(() => isolated({ kind: 'churnlab', model: model.id, run: { ...run, microShards, psShards: model.psShards ?? 1 }, budget: b.churnlab }));
      churnlab.set(key, [...(churnlab.get(key) ?? []), timed]);
    }
  }
  for (const [key, runs] of churnlab) {
    const entry = record(key, runs);
    const times = runs.map((r) => r.coordinator).reduce(addCoordinatorTimes);
    const cpuShare = coordinatorCpuShare(times, entry.seconds);
    result.coordinator[key] = { times, steps: entry.steps, wallSeconds: entry.seconds, share: coordinatorShare(times, entry.seconds), ...(cpuShare !== undefined && { cpuShare }) };
    result.coordinatorRssMb[key] = Math.max(...runs.map((r) => r.coordinatorRssMb));
  }
  log(`model ${model.id}, tfjsCpu: training…`);
  record('tfjsCpu', [withOtherCores(() => isolated({ kind: 'tfjs-cpu', model: model.id, budget: b.tfjsCpu }))]);
  if (torch) {
    for (const [key, threads] of [['torch1', 1], ['torch2', 2]] as const) {
      log(`model ${model.id}, ${key}: training…`);
      record(key, [withOtherCores(() => torchThroughput(model, threads, b.torch))]);
    }
  }
  return result;
}

/** Other processes' cores over several runs, weighted by each run's timed seconds; undefined when a run does not tell. */
function weightedOtherCores(runs: TimedRun[], seconds: number): number | undefined {
  if (runs.some((r) => r.otherCores === undefined)) return undefined;
  return runs.reduce((sum, r) => sum + r.otherCores! * timedSeconds(r), 0) / seconds;
}

/** The step times of one run, or of the rounds of one configuration, as a table row. */
export function toEntry(model: BenchModel, rounds: Array<StepTimes & { peakRssMb: number }>): Entry {
  const { steps, seconds, stepsPerSec } = stepRateOfRounds(rounds);
  return { steps, seconds, stepsPerSec, examplesPerSec: stepsPerSec * model.batch, gflops: gflops(model, stepsPerSec), peakRssMb: Math.max(...rounds.map((r) => r.peakRssMb)) };
}
