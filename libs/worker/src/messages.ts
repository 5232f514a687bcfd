import type { Dataset } from '@churnlab/data';
import type { ModelSpec } from '@churnlab/model';
import type { GradientPrecisionName, GradientTask, SharedParametersHandle } from '@churnlab/ps';

/** Everything a worker thread needs to serve one training run; its arrays live in shared memory. */
export interface RunSetup {
  runId: string;
  model: ModelSpec;
  store: SharedParametersHandle;
  train: Dataset;
  /** How pushed micro-shard gradients are rounded, and the seed of the 'numeric' stream that draws the rounding. */
  precision: { name: GradientPrecisionName; seed: number; replica: number };
}

/** Compute one gradient task of a run. */
export interface GradientMessage {
  kind: 'gradient';
  setup: RunSetup;
  task: GradientTask;
}

/** Write predictions for rows [start, end) of `data` into `out` (shared; rows × outputs). */
export interface PredictMessage {
  kind: 'predict';
  setup: RunSetup;
  data: Dataset;
  start: number;
  end: number;
  out: Float32Array;
}

export type WorkerMessage = GradientMessage | PredictMessage;
