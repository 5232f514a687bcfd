import type { MemoryMeasurement } from '../src/churnlab-memory.js';
import type { EntryKey } from '../src/entries.js';
import { benchModels } from '../src/models.js';
import type { NativeRoofline } from '../src/native-roofline.js';
import type { BenchResult, Entry, ModelResult } from '../src/results.js';

/** An entry running at `stepsPerSec` (the other fields are only shown, never checked against each other here). */
export function entry(stepsPerSec: number): Entry {
  return { steps: 10, seconds: 10 / stepsPerSec, stepsPerSec, examplesPerSec: stepsPerSec * 256, gflops: stepsPerSec * 2.417491968, peakRssMb: 300 };
}

/** A model result with the given entries at the given steps/s. */
export function modelResult(id: string, rates: Partial<Record<EntryKey, number>>, share?: number): ModelResult {
  const model = benchModels.find((m) => m.id === id)!;
  const entries = Object.fromEntries(Object.entries(rates).map(([k, r]) => [k, r === undefined ? undefined : entry(r)]));
  const times = { reductionMs: 1, writeMs: 2, shardsMs: 1.5, dispatchMs: 0.5, threadShardsMs: 0, tasks: 20, writes: 10 };
  return {
    model,
    entries,
    coordinator: share === undefined ? {} : { churnlab2Sync: { times, steps: 10, wallSeconds: 1, share } },
    coordinatorRssMb: { churnlab1: 120 },
  };
}

/** A memory run of 2 workers whose process peaked at `peakRssMb`. */
export function memoryMeasurement(peakRssMb: number): MemoryMeasurement {
  const worker = { heapMb: 58, externalMb: 143, wasmMb: 16 };
  return { parameters: 10_061_201, workers: 2, steps: 20, peakRssMb, coordinatorRssMb: 200, perWorker: [worker, { ...worker, externalMb: 142 }] };
}

/** A whole benchmark result around `models`. */
export function benchResult(models: ModelResult[], notes: string[] = [], memory = memoryMeasurement(650)): BenchResult {
  return {
    date: '2026-11-26',
    command: 'npm run bench',
    machine: { cpu: 'Test CPU', cores: 2, node: 'v20.0.0', loadStart: 0.5, loadEnd: 0.7 },
    microShards: 8,
    timing: 'test timing',
    torchVersion: '1.13.0',
    roofline: { size: 1024, repeats: 5, medianMs: 71.6, gflops: 30 },
    models,
    memory,
    notes,
  };
}

/** PyTorch's roofline on `threads` threads at `gflops`, at the fixture's roofline size (its peak at 2048 when `peakGflops` is given). */
export function nativeRoofline(threads: number, gflops: number, peakGflops = gflops): NativeRoofline {
  const medianMs = (2 * 1024 ** 3) / (gflops * 1e6);
  return { threads, size: 1024, repeats: 5, medianMs, gflops, peak: peakGflops === gflops ? { size: 1024, gflops } : { size: 2048, gflops: peakGflops }, blasCore: 'Cooperlake' };
}
