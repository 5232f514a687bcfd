import type { ChurnlabRun } from './churnlab-session.js';
import { coordinatorCpuShare, coordinatorShare } from './coordinator-share.js';
import type { Budgets } from './budgets.js';
import type { EntryKey } from './entries.js';
import { gflops } from './flops.js';
import { isolated } from './isolate.js';
import { cpuSnapshot, otherCores, type CpuSnapshot } from './machine.js';
import type { BenchModel } from './models.js';
import type { Entry, ModelResult } from './results.js';
import { stepRate, type StepTimes } from './step-rate.js';
import { torchThroughput } from './torch-throughput.js';

const churnlabRuns: Array<[EntryKey, Omit<ChurnlabRun, 'microShards' | 'psShards'>]> = [
  ['churnlab1', { workers: 1, order: 'sync' }],
  ['churnlab2Sync', { workers: 2, order: 'sync' }],
  ['churnlab2Async', { workers: 2, order: 'async' }],
];

/** Measures every run of `model` one after another, each in a process of its own; PyTorch only when `torch` is true. */
export function measureModel(model: BenchModel, b: Budgets, microShards: number, torch: boolean, log: (line: string) => void): ModelResult {
  const result: ModelResult = { model, entries: {}, coordinator: {}, coordinatorRssMb: {} };
  const record = (key: EntryKey, times: StepTimes & { peakRssMb: number }, before: CpuSnapshot | undefined) => {
    const after = cpuSnapshot();
    const entry = { ...toEntry(model, times), ...(before && after && { otherCores: otherCores(before, after) }) };
    result.entries[key] = entry;
    log(`model ${model.id}, ${key}: ${entry.stepsPerSec.toFixed(2)} steps/s, ${entry.gflops.toFixed(2)} GFLOP/s, peak RSS ${entry.peakRssMb.toFixed(0)} MB`);
    return entry;
  };
  for (const [key, run] of churnlabRuns) {
    log(`model ${model.id}, ${key}: training…`);
    const before = cpuSnapshot();
    const m = isolated({ kind: 'churnlab', model: model.id, run: { ...run, microShards, psShards: model.psShards ?? 1 }, budget: b.churnlab });
    const entry = record(key, m, before);
    const cpuShare = coordinatorCpuShare(m.coordinator, entry.seconds);
    result.coordinator[key] = { times: m.coordinator, steps: entry.steps, wallSeconds: entry.seconds, share: coordinatorShare(m.coordinator, entry.seconds), ...(cpuShare !== undefined && { cpuShare }) };
    result.coordinatorRssMb[key] = m.coordinatorRssMb;
  }
  log(`model ${model.id}, tfjsCpu: training…`);
  const before = cpuSnapshot();
  record('tfjsCpu', isolated({ kind: 'tfjs-cpu', model: model.id, budget: b.tfjsCpu }), before);
  if (torch) {
    for (const [key, threads] of [['torch1', 1], ['torch2', 2]] as const) {
      log(`model ${model.id}, ${key}: training…`);
      const before = cpuSnapshot();
      record(key, torchThroughput(model, threads, b.torch), before);
    }
  }
  return result;
}

/** A run's step times as a table row. */
export function toEntry(model: BenchModel, times: StepTimes & { peakRssMb: number }): Entry {
  const { steps, seconds, stepsPerSec } = stepRate(times);
  return { steps, seconds, stepsPerSec, examplesPerSec: stepsPerSec * model.batch, gflops: gflops(model, stepsPerSec), peakRssMb: times.peakRssMb };
}
