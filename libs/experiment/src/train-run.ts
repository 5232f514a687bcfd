import { randomUUID } from 'node:crypto';
import type { Dataset } from '@churnlab/data';
import { accuracy, auc, logLoss } from '@churnlab/metrics';
import { initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import { createOptimizer, orderPolicy, SharedParameters, type UpdateEvent } from '@churnlab/ps';
import { ThreadWorkers, type ThreadPool } from '@churnlab/transport';
import { seedStream } from '@churnlab/random';
import type { Config } from './config-schema.js';
import { EpochBatches } from './epoch-batches.js';
import { float32Sha256 } from './sha256.js';

/** Evaluation metrics of one trained model. */
export interface RunMetrics {
  logLoss: number;
  auc: number;
  accuracy: number;
  trainLoss: number;
  paramsSha256: string;
  evalExamples: number;
  outputs: number;
}

/** What one training run produced. */
export interface RunResult {
  config: Config;
  replica: number;
  params: Float32Array;
  predictions: Float32Array;
  events: UpdateEvent[];
  metrics: RunMetrics;
  model: ModelSpec;
}

export interface TrainRunOptions {
  pool: ThreadPool;
  data: { train: Dataset; eval: Dataset };
  replica?: number;
  /** Called after every finished step with (steps done, total steps). */
  onProgress?: (done: number, total: number) => void;
}

/** Trains one model as `config` says, on the pool's threads, and evaluates it. */
export async function trainRun(config: Config, options: TrainRunOptions): Promise<RunResult> {
  const { pool, data } = options;
  const replica = options.replica ?? config.replica;
  const model: ModelSpec = { inputs: data.train.width, outputs: data.train.outputs, ...config.model };
  const layout = parameterLayout(model);
  const { training } = config;
  const store = SharedParameters.create(initialParameters(layout, config.seed, 0), training.workers, training.order === 'replay' ? training.workers : 0);
  const workers = new ThreadWorkers(pool, { runId: randomUUID(), model, store: store.handle, train: data.train }, training.workers);
  const batches = new EpochBatches(data.train.rows, training.batchSize, training.epochs, config.seed, 0);
  const events: UpdateEvent[] = [];
  let lastLoss = Number.NaN;
  let done = 0;
  await orderPolicy(training.order).run({
    store,
    optimizer: createOptimizer(training.optimizer, layout.size),
    workers,
    batches,
    microShards: training.microShards,
    orderStream: seedStream(config.seed, 'order', replica),
    onUpdate: (event) => events.push(event),
    onStep: (_step, meanLoss) => {
      lastLoss = meanLoss;
      options.onProgress?.(++done, batches.steps);
    },
  });
  const predictions = await workers.predict(data.eval);
  const params = new Float32Array(store.params);
  const labels = data.eval.labels;
  const metrics: RunMetrics = {
    logLoss: logLoss(predictions, labels, model.outputs),
    auc: model.outputs === 1 ? auc(predictions, labels) : Number.NaN,
    accuracy: accuracy(predictions, labels, model.outputs),
    trainLoss: lastLoss,
    paramsSha256: float32Sha256(params),
    evalExamples: data.eval.rows,
    outputs: model.outputs,
  };
  return { config, replica, params, predictions: new Float32Array(predictions), events, metrics, model };
}
