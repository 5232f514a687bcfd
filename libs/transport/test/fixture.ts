import { syntheticCtr, toShared, type Dataset } from '@churnlab/data';
import { embeddingTables, initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import {
  defaultOptimizerConfig,
  orderPolicy,
  ServerShards,
  SharedParameters,
  type BatchSource,
  type GradientPrecisionName,
  type OptimizerName,
  type OrderPolicy,
  type UpdateEvent,
  faultTolerant,
  type FaultSpec,
} from '@churnlab/ps';
import { seedStream } from '@churnlab/random';
import { ThreadPool, ThreadWorkers } from '../src/index.js';
import { withCategories } from '../../../test-support/categorical-data.js';

const data = syntheticCtr({ seed: 4, examples: 1200, dense: 6, categorical: [3], teacherHidden: 8, labelNoise: 0.05, evalFraction: 0.25 });
export const train: Dataset = toShared(data.train);
export const evaluation: Dataset = toShared(data.eval);

const DENSE = 6;
/** Bucket counts of the categorical version of the data: the one-hot feature (3 values + missing) and a hashed id. */
export const categoricalBuckets: [number, number] = [4, 200];


export const categoricalTrain: Dataset = toShared(withCategories(data.train, DENSE, categoricalBuckets));
export const categoricalEvaluation: Dataset = toShared(withCategories(data.eval, DENSE, categoricalBuckets));

/** Batches in row order: the tests here are about the workers, not shuffling. */
function batches(batchSize: number, steps: number): BatchSource {
  return { batchSize, steps, rowsForStep: (step) => Uint32Array.from({ length: batchSize }, (_, i) => (step * batchSize + i) % train.rows) };
}

let runs = 0;

export interface ThreadRunOptions {
  workers: number;
  /** An order policy name, or a policy (e.g. one replaying a recorded log). */
  order: string | OrderPolicy;
  activation?: string;
  steps?: number;
  orderSeed?: number;
  psShards?: number;
  gradPrecision?: GradientPrecisionName;
  numericSeed?: number;
  delayMs?: (step: number, worker: number) => number;
  /** Train on the categorical version of the data with embedding tables of this dimension (and a store that knows them). */
  embeddingDimension?: number;
  optimizer?: OptimizerName;
  /** Recover from worker faults (and inject these) with this task timeout. */
  faults?: { specs: FaultSpec[]; timeoutMs: number; onFault?: (message: string) => void };
}

/** Trains a small MLP on real worker threads and returns its final parameters and update log. */
export async function trainOnThreads(pool: ThreadPool, options: ThreadRunOptions) {
  const dimension = options.embeddingDimension;
  const [trainSet, evalSet] = dimension ? [categoricalTrain, categoricalEvaluation] : [train, evaluation];
  const model: ModelSpec = {
    inputs: trainSet.width,
    hidden: [16, 8],
    outputs: 1,
    activation: options.activation ?? 'relu',
    layerNorm: false,
    ...(dimension ? { embeddings: { buckets: categoricalBuckets, dimension } } : {}),
  };
  const layout = parameterLayout(model);
  const policy = typeof options.order === 'string' ? orderPolicy(options.order) : options.order;
  const store = SharedParameters.create(initialParameters(layout, 1), policy.gradientSlots(options.workers), policy.historyDepth(options.workers), embeddingTables(layout));
  const precision = { name: options.gradPrecision ?? 'float32', seed: options.numericSeed ?? 1, replica: 0 };
  const workers = new ThreadWorkers(pool, { runId: `test-${++runs}`, model, store: store.handle, train: trainSet, precision }, options.workers);
  const { faults } = options;
  const events: UpdateEvent[] = [];
  await policy.run({
    store,
    shards: new ServerShards({ ...defaultOptimizerConfig, name: options.optimizer ?? 'sgd', learningRate: 0.3 }, store.handle.size, options.psShards ?? 1),
    workers: faults ? faultTolerant(workers, store, { timeoutMs: faults.timeoutMs, faults: faults.specs, ...(faults.onFault ? { onFault: faults.onFault } : {}) }) : workers,
    batches: batches(32, options.steps ?? 40),
    microShards: 8,
    orderStream: seedStream(options.orderSeed ?? 1, 'order'),
    ...(options.delayMs ? { delayMs: options.delayMs } : {}),
    onUpdate: (e) => events.push(e),
    onStep: () => undefined,
  });
  return { params: new Float32Array(store.params), events, predictions: await workers.predict(evalSet), layout, workers };
}
