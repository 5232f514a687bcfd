import { fileURLToPath } from 'node:url';
import type { BenchModel } from './models.js';
import type { LoopBudget, StepTimes } from './step-rate.js';
import { runTorch } from './torch-process.js';

const script = fileURLToPath(new URL('../python/torch_bench.py', import.meta.url));

/** Step times and peak memory of a PyTorch run. */
export interface TorchMeasurement extends StepTimes {
  threads: number;
  torchVersion: string;
  peakRssMb: number;
}

/** Times forward + backward + SGD of `model` in float32 on PyTorch's CPU backend with `threads` intra-op threads. */
export function torchThroughput(model: BenchModel, threads: number, budget: LoopBudget): TorchMeasurement {
  const job = { dense: model.dense, embeddings: model.embeddings ?? null, hidden: model.hidden, batch: model.batch, threads, ...budget };
  return runTorch<TorchMeasurement>([script, JSON.stringify(job)], threads);
}
