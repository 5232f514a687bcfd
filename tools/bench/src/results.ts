import { workerTotalMb, type MemoryMeasurement } from './churnlab-memory.js';
import type { CoordinatorTimes } from './coordinator-share.js';
import type { EntryKey } from './entries.js';
import { MEMORY_BUDGET_MB, withinMemoryBudget } from './goals.js';
import type { Machine } from './machine.js';
import type { BenchModel } from './models.js';
import type { NativeRoofline } from './native-roofline.js';
import type { ParallelRoofline } from './parallel-roofline.js';
import type { Roofline } from './roofline.js';

/** One measured run of one model. */
export interface Entry {
  steps: number;
  seconds: number;
  stepsPerSec: number;
  examplesPerSec: number;
  gflops: number;
  peakRssMb: number;
  /** Cores other processes kept busy on average during this run, when the platform tells (a noise gauge). */
  otherCores?: number;
}

/** The coordinator's times during a churnlab run and their share of its wall time. */
export interface CoordinatorReport {
  times: CoordinatorTimes;
  steps: number;
  wallSeconds: number;
  share: number;
  /** The main thread's CPU time over the wall time, where the platform tells (see coordinatorCpuShare). */
  cpuShare?: number;
}

/** Everything measured for one model; runs that cannot run here are absent. */
export interface ModelResult {
  model: BenchModel;
  entries: Partial<Record<EntryKey, Entry>>;
  /** Per churnlab run: what the coordinator spent. */
  coordinator: Partial<Record<EntryKey, CoordinatorReport>>;
  /** Peak RSS before the worker threads started, per churnlab run. */
  coordinatorRssMb: Partial<Record<EntryKey, number>>;
}

/** One whole benchmark run. */
export interface BenchResult {
  date: string;
  command: string;
  /** The commit measured, e.g. "commit 9517165 with uncommitted changes in libs/ or apps/". */
  code?: string;
  machine: Machine;
  microShards: number;
  /** How long each run was timed: "≥ N s after M warm-up steps", per kind of run. */
  timing: string;
  torchVersion?: string;
  roofline: Roofline;
  /** The roofline's matMul on 2 threads at once, on a machine with 2 cores or more. */
  parallelRoofline?: ParallelRoofline;
  /** PyTorch's roofline on 1 and 2 threads, when PyTorch is installed. */
  nativeRooflines?: NativeRoofline[];
  models: ModelResult[];
  /** The 10-million-parameter model trained with 2 workers: peak RSS in all and per worker thread. */
  memory: MemoryMeasurement;
  /** What could not run and why, e.g. "model c: needs embedding support". */
  notes: string[];
}

/** The entry that holds the coordinator share the goal is about: model a, 2 workers, sync. */
export const COORDINATOR_SHARE_OF = { model: 'a', entry: 'churnlab2Sync' } as const;

/**
 * The `--json` document: runs that could not run are left out, and so are models with no runs; memory as the issue asks;
 * PyTorch's roofline by thread count (at the WASM roofline's size, and its peak) when PyTorch is installed.
 */
export function jsonDocument(result: BenchResult): Record<string, unknown> {
  const models: Record<string, Record<string, Entry>> = {};
  for (const { model, entries } of result.models) {
    const present = Object.fromEntries(Object.entries(entries).filter(([, e]) => e !== undefined)) as Record<string, Entry>;
    if (Object.keys(present).length > 0) models[model.id] = present;
  }
  const share = result.models.find((m) => m.model.id === COORDINATOR_SHARE_OF.model)?.coordinator[COORDINATOR_SHARE_OF.entry]?.share;
  const m = result.memory;
  const memory = {
    parameters: m.parameters,
    workers: m.workers,
    peakRssMb: m.peakRssMb,
    coordinatorRssMb: m.coordinatorRssMb,
    perWorkerMb: m.perWorker.map(workerTotalMb),
    withinBudget: withinMemoryBudget(m.peakRssMb),
    budgetMb: MEMORY_BUDGET_MB,
  };
  const native = result.nativeRooflines && {
    nativeRooflineGflops: Object.fromEntries(result.nativeRooflines.map((r) => [String(r.threads), r.gflops])),
    nativeRooflinePeak: Object.fromEntries(result.nativeRooflines.map((r) => [String(r.threads), r.peak])),
  };
  return { rooflineGflops: result.roofline.gflops, ...native, ...(share !== undefined && { coordinatorShare: share }), models, memory };
}
