import { embeddingTables, initialParameters, parameterLayout } from '@churnlab/model/vectors';
import { defaultOptimizerConfig, orderPolicy, ServerShards, SharedParameters, type BatchSource, type TrainingContext } from '@churnlab/ps';
import { ThreadPool, ThreadWorkers } from '@churnlab/transport';
import { CoordinatorClock } from './coordinator-share.js';
import { modelSpec, type BenchModel } from './models.js';
import { peakRssMb } from './rss.js';
import type { StepTimes } from './step-rate.js';
import { syntheticData } from './synthetic-data.js';

/** One churnlab configuration to run. */
export interface ChurnlabRun {
  workers: number;
  order: 'sync' | 'async';
  microShards: number;
  /** Server shards; with several, a barrier step's update runs on the pool threads. 1 when absent. */
  psShards?: number;
}

/** A bench model set up on churnlab's real training path, ready to train. */
export interface ChurnlabSession {
  /** The worker threads, e.g. to ask them for their memory. */
  pool: ThreadPool;
  /** Times the coordinator's work inside the steps trained. */
  clock: CoordinatorClock;
  /** Peak RSS before the worker threads started: the coordinator with its data and parameter store. */
  coordinatorRssMb: number;
  /** Trains `steps` more steps and says when each ended. */
  trainSteps(steps: number): Promise<StepTimes>;
}

/** Batches that cycle over the data set's rows in order. */
const BATCHES_IN_DATA = 4;

// sync and async take no order decisions; a policy that tried would fail loudly here (the bench may not import @churnlab/random).
const noOrderStream = new Proxy({}, {
  get: () => {
    throw new Error('the benchmark runs only order policies that draw nothing from the order stream');
  },
}) as TrainingContext['orderStream'];

/**
 * Sets `model` up on synthetic data through the real path (thread pool, ThreadWorkers, the order policy, ServerShards,
 * SharedParameters), hands the session to `use`, and stops the threads when `use` is done.
 */
export async function withChurnlabSession<T>(model: BenchModel, run: ChurnlabRun, use: (session: ChurnlabSession) => Promise<T>): Promise<T> {
  const spec = modelSpec(model);
  const train = syntheticData(model, model.batch * BATCHES_IN_DATA);
  const layout = parameterLayout(spec);
  const policy = orderPolicy(run.order);
  const clock = new CoordinatorClock();
  const slots = policy.gradientSlots(run.workers);
  const store = clock.store(SharedParameters.create(initialParameters(layout, 1), slots, policy.historyDepth(run.workers), embeddingTables(layout)));
  const shards = clock.shards(new ServerShards({ ...defaultOptimizerConfig, learningRate: 0.01 }, layout.size, run.psShards ?? 1));
  const coordinatorRssMb = peakRssMb();
  const pool = new ThreadPool(ThreadPool.sizeFor(run.workers));
  try {
    const setup = { runId: `bench-${model.id}-${run.workers}-${run.order}`, model: spec, store: store.handle, train, precision: { name: 'float32' as const, seed: 1, replica: 0 } };
    const workers = clock.workers(new ThreadWorkers(pool, setup, run.workers));
    const trainSteps = async (steps: number): Promise<StepTimes> => {
      const stepEndsMs: number[] = [];
      const startMs = performance.now();
      await policy.run({
        store,
        shards,
        workers,
        batches: cyclingBatches(model.batch, steps, train.rows),
        microShards: run.microShards,
        orderStream: noOrderStream,
        onUpdate: () => undefined,
        onStep: () => stepEndsMs.push(performance.now()),
      });
      return { startMs, stepEndsMs };
    };
    return await use({ pool, clock, coordinatorRssMb, trainSteps });
  } finally {
    await pool.close();
  }
}

function cyclingBatches(batchSize: number, steps: number, rows: number): BatchSource {
  const batches = Array.from({ length: Math.floor(rows / batchSize) }, (_, b) => Uint32Array.from({ length: batchSize }, (_, i) => b * batchSize + i));
  return { batchSize, steps, rowsForStep: (step) => batches[step % batches.length]! };
}
