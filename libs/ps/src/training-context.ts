import type { SeedStream } from '@churnlab/random';
import type { BatchSource } from './batch-plan.js';
import type { GradientWorkers } from './gradient-workers.js';
import type { Optimizer } from './optimizers/optimizer.js';
import type { SharedParameters } from './shared-parameters.js';
import type { UpdateEvent } from './update-event.js';

/** Everything an order policy drives: parameters, optimizer, workers and the batches. */
export interface TrainingContext {
  store: SharedParameters;
  optimizer: Optimizer;
  workers: GradientWorkers;
  batches: BatchSource;
  microShards: number;
  /** The `order` seed stream of this replica: the source of every order decision a seeded policy makes. */
  orderStream: SeedStream;
  onUpdate(event: UpdateEvent): void;
  /** Called once per finished step with the step's mean training loss. */
  onStep(step: number, meanLoss: number): void;
}
