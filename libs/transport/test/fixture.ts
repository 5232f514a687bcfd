import { syntheticCtr, toShared, type Dataset } from '@churnlab/data';
import { initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import { createOptimizer, defaultOptimizerConfig, orderPolicy, SharedParameters, type BatchSource, type UpdateEvent } from '@churnlab/ps';
import { seedStream } from '@churnlab/random';
import { ThreadPool, ThreadWorkers } from '../src/index.js';

const data = syntheticCtr({ seed: 4, examples: 1200, dense: 6, categorical: [3], teacherHidden: 8, labelNoise: 0.05, evalFraction: 0.25 });
export const train: Dataset = toShared(data.train);
export const evaluation: Dataset = toShared(data.eval);

/** Batches in row order: the tests here are about the workers, not shuffling. */
function batches(batchSize: number, steps: number): BatchSource {
  return { batchSize, steps, rowsForStep: (step) => Uint32Array.from({ length: batchSize }, (_, i) => (step * batchSize + i) % train.rows) };
}

let runs = 0;

/** Trains a small MLP on real worker threads and returns its final parameters and update log. */
export async function trainOnThreads(pool: ThreadPool, options: { workers: number; order: string; activation?: string; steps?: number; orderSeed?: number }) {
  const model: ModelSpec = { inputs: train.width, hidden: [16, 8], outputs: 1, activation: options.activation ?? 'relu', layerNorm: false };
  const store = SharedParameters.create(initialParameters(parameterLayout(model), 1), options.workers, options.workers);
  const workers = new ThreadWorkers(pool, { runId: `test-${++runs}`, model, store: store.handle, train }, options.workers);
  const events: UpdateEvent[] = [];
  await orderPolicy(options.order).run({
    store,
    optimizer: createOptimizer({ ...defaultOptimizerConfig, learningRate: 0.3 }, store.handle.size),
    workers,
    batches: batches(32, options.steps ?? 40),
    microShards: 8,
    orderStream: seedStream(options.orderSeed ?? 1, 'order'),
    onUpdate: (e) => events.push(e),
    onStep: () => undefined,
  });
  return { params: new Float32Array(store.params), events, predictions: await workers.predict(evaluation) };
}
