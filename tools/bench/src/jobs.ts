import { churnlabMemory, type MemoryMeasurement } from './churnlab-memory.js';
import type { ChurnlabRun } from './churnlab-session.js';
import { churnlabThroughput, type ChurnlabMeasurement } from './churnlab-throughput.js';
import { benchModels, type BenchModel } from './models.js';
import { wasmRoofline, type Roofline } from './roofline.js';
import type { LoopBudget } from './step-rate.js';
import { tfjsCpuThroughput, type TfjsCpuMeasurement } from './tfjs-cpu-throughput.js';

/** One measurement that runs in a process of its own, so its peak RSS and its tfjs backend are its own. */
export type Job =
  | { kind: 'roofline'; size: number; repeats: number; startAtMs?: number }
  | { kind: 'churnlab'; model: string; run: ChurnlabRun; budget: LoopBudget }
  | { kind: 'tfjs-cpu'; model: string; budget: LoopBudget }
  | { kind: 'memory'; run: ChurnlabRun; steps: number };

/** What a job reports. */
export type JobResult<J extends Job> = J extends { kind: 'roofline' }
  ? Roofline
  : J extends { kind: 'churnlab' }
    ? ChurnlabMeasurement
    : J extends { kind: 'memory' }
      ? MemoryMeasurement
      : TfjsCpuMeasurement;

/** Runs `job` in this process. */
export async function runJob<J extends Job>(job: J): Promise<JobResult<J>> {
  switch (job.kind) {
    case 'roofline':
      return (await wasmRoofline(job.size, job.repeats, job.startAtMs)) as JobResult<J>;
    case 'churnlab':
      return (await churnlabThroughput(benchModel(job.model), job.run, job.budget)) as JobResult<J>;
    case 'tfjs-cpu':
      return (await tfjsCpuThroughput(benchModel(job.model), job.budget)) as JobResult<J>;
    case 'memory':
      return (await churnlabMemory(job.run, job.steps)) as JobResult<J>;
  }
  throw new RangeError(`unknown job ${JSON.stringify(job)}`);
}

/** The bench model called `id`. */
export function benchModel(id: string): BenchModel {
  const model = benchModels.find((m) => m.id === id);
  if (!model) throw new RangeError(`model "${id}" is unknown; expected one of ${benchModels.map((m) => m.id).join(', ')}`);
  return model;
}
