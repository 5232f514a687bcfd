import type { SeedStream } from '@churnlab/random';
import type { BatchSource } from './batch-plan.js';
import type { GradientWorkers } from './gradient-workers.js';
import type { ServerShards } from './server-shards.js';
import type { SharedParameters } from './shared-parameters.js';
import type { UpdateEvent } from './update-event.js';

/** Everything an order policy drives: parameters, server shards, workers and the batches. */
export interface TrainingContext {
  store: SharedParameters;
  shards: ServerShards;
  workers: GradientWorkers;
  batches: BatchSource;
  microShards: number;
  /** The `order` seed stream of this replica: the source of every order decision a seeded policy makes. */
  orderStream: SeedStream;
  /** Milliseconds between worker `worker` finishing step `step` and the server receiving it (injected lag); 0 when absent. */
  delayMs?: (step: number, worker: number) => number;
  /** Resume after `step` completed steps (the store and shards already restored to that point); 0 when absent. */
  startStep?: number;
  /** Called at every step boundary a checkpoint may be taken at (nothing in flight), with the steps completed. */
  onCheckpoint?: (completedSteps: number) => void;
  onUpdate(event: UpdateEvent): void;
  /** Called once per finished step with the step's mean training loss. */
  onStep(step: number, meanLoss: number): void;
}
