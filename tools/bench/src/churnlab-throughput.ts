import { embeddingTables, initialParameters, parameterLayout } from '@churnlab/model';
import { defaultOptimizerConfig, orderPolicy, ServerShards, SharedParameters, type BatchSource, type TrainingContext } from '@churnlab/ps';
import { ThreadPool, ThreadWorkers } from '@churnlab/transport';
import { CoordinatorClock, type CoordinatorTimes } from './coordinator-share.js';
import { modelSpec, type BenchModel } from './models.js';
import { peakRssMb } from './rss.js';
import { stepsFor, type LoopBudget, type StepTimes } from './step-rate.js';
import { syntheticData } from './synthetic-data.js';

/** One churnlab configuration to time. */
export interface ChurnlabRun {
  workers: number;
  order: 'sync' | 'async';
  microShards: number;
}

/** The step times of a churnlab run, what the coordinator spent on them, and memory. */
export interface ChurnlabMeasurement extends StepTimes {
  coordinator: CoordinatorTimes;
  /** Peak RSS before the worker threads started: the coordinator with its data and parameter store. */
  coordinatorRssMb: number;
  /** Peak RSS of the whole process: coordinator and worker threads. */
  peakRssMb: number;
}

/** How long the run that calibrates the timed run's length lasts at least (or a third of the budget when shorter). */
const CALIBRATION_SECONDS = 1;

/** Batches that cycle over the data set's rows in order. */
const BATCHES_IN_DATA = 4;

// sync and async take no order decisions; a policy that tried would fail loudly here (the bench may not import @churnlab/random).
const noOrderStream = new Proxy({}, {
  get: () => {
    throw new Error('the benchmark runs only order policies that draw nothing from the order stream');
  },
}) as TrainingContext['orderStream'];

/**
 * Trains `model` on synthetic data through the real path (thread pool, ThreadWorkers, the order policy, ServerShards,
 * SharedParameters) and times it: a warm-up run, then a run long enough for `budget.minSeconds` at the warm-up's rate.
 */
export async function churnlabThroughput(model: BenchModel, run: ChurnlabRun, budget: LoopBudget): Promise<ChurnlabMeasurement> {
  const spec = modelSpec(model);
  const train = syntheticData(model, model.batch * BATCHES_IN_DATA);
  const layout = parameterLayout(spec);
  const policy = orderPolicy(run.order);
  const clock = new CoordinatorClock();
  const slots = policy.gradientSlots(run.workers);
  const store = clock.store(SharedParameters.create(initialParameters(layout, 1), slots, policy.historyDepth(run.workers), embeddingTables(layout)));
  const shards = clock.shards(new ServerShards({ ...defaultOptimizerConfig, learningRate: 0.01 }, layout.size, 1));
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
    // Warm-up: threads, WASM, kernels; then runs of doubling length until one lasts long enough to calibrate the timed run.
    await trainSteps(Math.max(1, budget.warmupSteps));
    let calibration = Math.max(1, budget.warmupSteps);
    let rate: number;
    for (;;) {
      const times = await trainSteps(calibration);
      const seconds = (times.stepEndsMs[times.stepEndsMs.length - 1]! - times.startMs) / 1000;
      rate = calibration / seconds;
      if (seconds >= Math.min(CALIBRATION_SECONDS, budget.minSeconds / 3)) break;
      calibration *= 2;
    }
    clock.reset();
    const timed = await trainSteps(stepsFor(rate, budget));
    return { ...timed, coordinator: clock.read(), coordinatorRssMb, peakRssMb: peakRssMb() };
  } finally {
    await pool.close();
  }
}

function cyclingBatches(batchSize: number, steps: number, rows: number): BatchSource {
  const batches = Array.from({ length: Math.floor(rows / batchSize) }, (_, b) => Uint32Array.from({ length: batchSize }, (_, i) => b * batchSize + i));
  return { batchSize, steps, rowsForStep: (step) => batches[step % batches.length]! };
}
