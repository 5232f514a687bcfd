import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchModel } from './models.js';
import type { LoopBudget, StepTimes } from './step-rate.js';

/** The interpreter the benchmark uses for PyTorch: Debian's, where `apt-get install python3-torch` puts torch. */
export const PYTHON = '/usr/bin/python3';

const script = fileURLToPath(new URL('../python/torch_bench.py', import.meta.url));

/** Step times and peak memory of a PyTorch run. */
export interface TorchMeasurement extends StepTimes {
  threads: number;
  torchVersion: string;
  peakRssMb: number;
}

/** The installed PyTorch version, or why PyTorch cannot run here. */
export function torchVersion(): { version: string } | { missing: string } {
  if (!existsSync(PYTHON)) return { missing: `${PYTHON} is not installed` };
  const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { missing: `${PYTHON} cannot import torch (apt-get install python3-torch libopenblas0-pthread)` };
  return { version: probe.stdout.trim() };
}

/** Times forward + backward + SGD of `model` in float32 on PyTorch's CPU backend with `threads` intra-op threads. */
export function torchThroughput(model: BenchModel, threads: number, budget: LoopBudget): TorchMeasurement {
  const job = { dense: model.dense, embeddings: model.embeddings ?? null, hidden: model.hidden, batch: model.batch, threads, ...budget };
  // One OpenMP pool of the requested size, whose idle threads sleep as churnlab's do: on a shared machine, spinning
  // OpenMP threads collapse (5× slower at 2 threads) as soon as another process takes a core.
  const env = { ...process.env, OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), OMP_WAIT_POLICY: 'PASSIVE' };
  const result = spawnSync(PYTHON, [script, JSON.stringify(job)], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${script} failed with status ${result.status}`);
  return JSON.parse(result.stdout) as TorchMeasurement;
}
