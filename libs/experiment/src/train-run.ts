import { randomUUID } from 'node:crypto';
import { accuracy, auc, logLoss } from '@churnlab/metrics';
import { embeddingTables, initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model/vectors';
import type { Dataset } from '@churnlab/data';
import { delayMs, faultTolerant, healthChecked, orderPolicy, parseDelay, parseFault, ServerShards, SharedParameters, type FaultSpec, type GradientWorkers, type UpdateEvent } from '@churnlab/ps';
import { ConfigError } from './config-error.js';
import { credentialsFromEnv, NatsWorkers, ThreadWorkers, type ThreadPool } from '@churnlab/transport';
import { seedStream } from '@churnlab/random';
import type { Config } from './config-schema.js';
import type { Checkpoint } from './checkpoint.js';
import type { RunData } from './datasets.js';
import { EpochBatches } from './epoch-batches.js';
import { describeNumericalFailure } from './numerical-failure.js';
import { recordedRunPolicy, type RecordedRun } from './recorded-run.js';
import { sourceReplica, type ReplicaSource } from './replica-sources.js';
import { examplesSha256, float32Sha256 } from './sha256.js';
import { parseShuffle } from './shuffle-spec.js';

/** Evaluation metrics of one trained model. */
export interface RunMetrics {
  logLoss: number;
  auc: number;
  accuracy: number;
  trainLoss: number;
  paramsSha256: string;
  /** examplesSha256 of the evaluation set; absent from runs written before it was recorded. */
  evalSha256?: string;
  evalExamples: number;
  outputs: number;
  /** Bad data rows the reader skipped (with skipBadRows). */
  skippedRows: number;
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
  data: RunData;
  replica?: number;
  /** Called after every finished step with (steps done, total steps). */
  onProgress?: (done: number, total: number) => void;
  /** Re-apply the order and staleness of a recorded run instead of drawing or timing them. */
  recorded?: RecordedRun;
  /** Receives a checkpoint every training.checkpointEvery steps (at boundaries the order policy offers) and at the end. */
  checkpoint?: (checkpoint: Checkpoint) => void;
  /** Continue from this checkpoint of the same config instead of starting afresh. */
  resume?: Checkpoint;
  /** Told about every worker fault the run recovered from (a task computed again). */
  onFault?: (message: string) => void;
}

/**
 * The faults of a run of `config` on `trainRows` training rows, each at one of its steps and workers; a fault the run
 * would never reach (a later step, a worker it does not have) is a ConfigError naming it.
 */
export function runFaults(config: Config, trainRows: number): FaultSpec[] {
  const { faults, batchSize, epochs, workers } = config.training;
  const steps = EpochBatches.steps(trainRows, batchSize, epochs);
  return faults.map((text, i) => {
    const fault = parseFault(text);
    if (fault.step >= steps) throw new ConfigError(`training.faults[${i}]: step ${fault.step} is not allowed; expected a step from 0 to ${steps - 1} (the run has ${steps} steps)`);
    if (fault.worker >= workers) {
      throw new ConfigError(`training.faults[${i}]: worker ${fault.worker} is not allowed; expected a worker from 0 to ${workers - 1}: a run with ${workers} worker${workers === 1 ? '' : 's'} would never meet it`);
    }
    return fault;
  });
}

/** Trains one model as `config` says, on the pool's threads, and evaluates it. */
export async function trainRun(config: Config, options: TrainRunOptions): Promise<RunResult> {
  const { pool, data } = options;
  const replica = options.replica ?? config.replica;
  const model = modelSpec(config, data);
  const layout = parameterLayout(model);
  const { training, vary, seed } = config;
  const streamReplica = (source: ReplicaSource) => sourceReplica(vary, source, replica);
  const initial = initialParameters(layout, seed, streamReplica('init'));
  const batches = new EpochBatches(data.train.rows, training.batchSize, training.epochs, parseShuffle(training.shuffle), seed, streamReplica('shuffle'));
  // Checked before any thread is set up: a fault at a step the run never reaches would silently never strike.
  const faults = runFaults(config, data.train.rows);
  const shape = { steps: batches.steps, workers: training.workers, shards: training.psShards };
  const policy = options.recorded ? recordedRunPolicy(options.recorded, shape) : orderPolicy(training.order);
  const store = SharedParameters.create(initial, policy.gradientSlots(training.workers), policy.historyDepth(training.workers), embeddingTables(layout));
  const precision = { name: training.gradPrecision, params: training.paramPrecision, seed, replica: streamReplica('numeric') };
  const workers = await connectWorkers(config, pool, { runId: randomUUID(), model, store: store.handle, train: data.train, precision });
  const tolerance = { timeoutMs: training.taskTimeoutMs, faults, ...(options.onFault ? { onFault: options.onFault } : {}) };
  const checkedWorkers = healthChecked(faultTolerant(workers, store, tolerance));
  const delay = parseDelay(training.delay);
  const delayStream = seedStream(seed, 'delay', streamReplica('delay'));
  const shards = new ServerShards(training.optimizer, layout.size, training.psShards);
  const { resume } = options;
  if (resume) {
    store.restoreState(resume.store);
    shards.restoreState(resume.optimizer);
  }
  const events: UpdateEvent[] = [...(resume?.events ?? [])];
  let lastLoss = resume?.lastLoss ?? Number.NaN;
  let done = resume?.step ?? 0;
  const snapshot = (step: number): Checkpoint => ({ step, store: store.exportState(), optimizer: shards.state().map((v) => v.map((a) => new Float32Array(a))), events: [...events], lastLoss });
  const every = training.checkpointEvery;
  const run = policy.run({
    store,
    shards,
    workers: checkedWorkers,
    ...(resume ? { startStep: resume.step } : {}),
    onCheckpoint: (step) => {
      if (every > 0 && step % every === 0) options.checkpoint?.(snapshot(step));
    },
    batches,
    microShards: training.microShards,
    orderStream: seedStream(seed, 'order', streamReplica('order')),
    delayMs: (step, worker) => delayMs(delay, delayStream, step, worker),
    onUpdate: (event) => events.push(event),
    onStep: (_step, meanLoss) => {
      lastLoss = meanLoss;
      options.onProgress?.(++done, batches.steps);
    },
  });
  await run.catch(async (error: unknown) => {
    await workers.close?.();
    throw describeNumericalFailure(error, layout);
  });
  options.checkpoint?.(snapshot(batches.steps));
  const predictions = await workers.predict(data.eval).finally(() => workers.close?.());
  const params = new Float32Array(store.params);
  const labels = data.eval.labels;
  const metrics: RunMetrics = {
    logLoss: logLoss(predictions, labels, model.outputs),
    auc: model.outputs === 1 ? auc(predictions, labels) : Number.NaN,
    accuracy: accuracy(predictions, labels, model.outputs),
    trainLoss: lastLoss,
    paramsSha256: float32Sha256(params),
    evalSha256: examplesSha256(data.eval),
    evalExamples: data.eval.rows,
    outputs: model.outputs,
    skippedRows: data.skippedRows,
  };
  return { config, replica, params, predictions: new Float32Array(predictions), events, metrics, model };
}

/** The network a config trains on its data: the MLP of the config, with one embedding table per categorical feature the data has. */
export function modelSpec(config: Config, data: RunData): ModelSpec {
  const { embeddingDimension, ...mlp } = config.model;
  const buckets = data.train.buckets;
  return { inputs: data.train.width, outputs: data.train.outputs, ...mlp, ...(buckets?.length ? { embeddings: { buckets, dimension: embeddingDimension } } : {}) };
}

/** The run's workers: threads of `pool`, or worker processes that joined through the configured NATS server. */
async function connectWorkers(config: Config, pool: ThreadPool, setup: ConstructorParameters<typeof ThreadWorkers>[1]): Promise<GradientWorkers & { predict(data: Dataset): Promise<Float32Array>; close?(): Promise<void> }> {
  const { transport, training } = config;
  if (transport.kind === 'threads') return new ThreadWorkers(pool, setup, training.workers);
  const credentials = credentialsFromEnv();
  // A lost process must be noticed (silence) before the fault-tolerant layer's timeout sends its task elsewhere.
  const workerSilenceMs = Math.min(30_000, Math.max(1000, Math.floor(training.taskTimeoutMs / 2)));
  return NatsWorkers.connect({ url: transport.nats, setup, count: training.workers, joinTimeoutMs: transport.joinTimeoutMs, workerSilenceMs, taskTimeoutMs: training.taskTimeoutMs, ...(credentials ? { credentials } : {}) });
}
