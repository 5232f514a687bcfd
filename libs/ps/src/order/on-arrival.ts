import type { TrainingContext } from '../training-context.js';
import { deliver } from './tasks.js';

/**
 * Each worker loops over the steps and its gradient is applied the moment it arrives, against whatever version that
 * worker read. A worker starts step s only when every worker has finished at least s − maxLead steps (stale synchronous
 * parallel); maxLead = ∞ is plain asynchronous SGD. When one worker's task fails, the others apply nothing more and
 * start no step, and the run rejects with that failure once every loop has stopped.
 */
export async function applyOnArrival(context: TrainingContext, maxLead: number): Promise<void> {
  if (context.startStep) throw new RangeError('resume: an asynchronous run has no step boundary to resume at; expected order sync, sync-arrival or replay');
  const { store, workers, batches } = context;
  const stepLoss = new Float64Array(batches.steps);
  const stepParts = new Uint32Array(batches.steps);
  const finished = new Uint32Array(workers.count);
  let wakeWaiters: Array<() => void> = [];
  let failure: { error: unknown } | undefined;
  const wakeAll = () => {
    const waiters = wakeWaiters;
    wakeWaiters = [];
    waiters.forEach((wake) => wake());
  };
  const slowest = () => Math.min(...finished);
  const mayStart = async (step: number) => {
    while (!failure && slowest() < step - maxLead) await new Promise<void>((wake) => wakeWaiters.push(wake));
  };
  const workerLoop = async (worker: number) => {
    const slot = store.gradientSlot(worker);
    const touched = store.touchedRows(worker);
    for (let step = 0; step < batches.steps; step++) {
      await mayStart(step);
      if (failure) return;
      const result = await deliver(context, step, worker);
      // Another worker failed while this one computed: the run is over, and its parameters stay as they were then.
      if (failure) return;
      const version = store.write((params) => context.shards.apply(params, slot, touched));
      context.onUpdate({ step, worker, versionRead: result.versionRead, version, staleness: version - 1 - result.versionRead, orderKey: version - 1 });
      finished[worker] = step + 1;
      wakeAll();
      stepLoss[step] = stepLoss[step]! + result.lossSum;
      if (++stepParts[step]! === workers.count) context.onStep(step, stepLoss[step]! / batches.batchSize);
    }
  };
  const stopOnFailure = (error: unknown) => {
    failure ??= { error };
    wakeAll();
  };
  await Promise.all(Array.from({ length: workers.count }, (_, w) => workerLoop(w).catch(stopOnFailure)));
  if (failure) throw failure.error;
}
