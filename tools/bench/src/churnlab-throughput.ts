import { withChurnlabSession, type ChurnlabRun } from './churnlab-session.js';
import type { CoordinatorTimes } from './coordinator-share.js';
import type { BenchModel } from './models.js';
import { peakRssMb } from './rss.js';
import { stepsFor, timedSeconds, type LoopBudget, type StepTimes } from './step-rate.js';

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

/**
 * Trains `model` on synthetic data through the real path (see withChurnlabSession) and times it: a warm-up of at least
 * `budget.warmupSteps` steps and `budget.warmupSeconds` seconds, then a run long enough for `budget.minSeconds` at the
 * warm-up's rate.
 */
export function churnlabThroughput(model: BenchModel, run: ChurnlabRun, budget: LoopBudget): Promise<ChurnlabMeasurement> {
  return withChurnlabSession(model, run, async ({ clock, coordinatorRssMb, trainSteps }) => {
    // Warm-up: threads, WASM, kernels; then runs of doubling length until one lasts long enough to calibrate the timed
    // run, and more of them until the warm-up's seconds are over: V8 keeps compiling the workers' hot code for seconds,
    // on threads that take turns with the workers on their cores.
    const warmupEndMs = performance.now() + budget.warmupSeconds * 1000;
    await trainSteps(Math.max(1, budget.warmupSteps));
    let calibration = Math.max(1, budget.warmupSteps);
    let rate: number;
    for (;;) {
      const times = await trainSteps(calibration);
      const seconds = timedSeconds(times);
      rate = calibration / seconds;
      const calibrated = seconds >= Math.min(CALIBRATION_SECONDS, budget.minSeconds / 3);
      const warming = performance.now() < warmupEndMs;
      if (calibrated && !warming) break;
      if (!calibrated) calibration *= 2;
    }
    clock.reset();
    const timed = await trainSteps(stepsFor(rate, budget));
    return { ...timed, coordinator: clock.read(), coordinatorRssMb, peakRssMb: peakRssMb() };
  });
}
