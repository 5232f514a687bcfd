import type { UpdateEvent } from '../update-event.js';
import type { OrderPolicy } from './order-policy.js';
import { taskFor } from './tasks.js';

/** One simulated asynchronous update: which worker's gradient of which step, applied at what position, read at what version. */
interface ScheduledUpdate {
  step: number;
  worker: number;
  readVersion: number;
}

/**
 * The update schedule of asynchronous SGD drawn from the order seed: in round (step) s the workers' updates are applied
 * in a seeded permutation, and each read the parameters a seeded 0..W−1 versions before the version it is applied to.
 */
export function replaySchedule(context: Parameters<OrderPolicy['run']>[0]): ScheduledUpdate[] {
  const workers = context.workers.count;
  const schedule: ScheduledUpdate[] = [];
  for (let step = 0; step < context.batches.steps; step++) {
    const order = context.orderStream.permutation(workers, step, 0);
    for (const worker of order) {
      const before = schedule.length;
      const staleness = context.orderStream.intBelow(workers, step, worker + 1, 0);
      schedule.push({ step, worker, readVersion: Math.max(0, before - staleness) });
    }
  }
  return schedule;
}

/** Asynchronous SGD simulated from the order seed: the same seed replays bit for bit, thread timing plays no part. */
export const replayPolicy: OrderPolicy = {
  name: 'replay',
  guarantee: 'bit-identical for the same seed; another order seed gives another asynchronous run',
  async run(context) {
    const { store, workers, batches } = context;
    const schedule = replaySchedule(context);
    const gradients = Array.from({ length: workers.count }, (_, slot) => store.gradientSlot(slot));
    const stepLoss = new Float64Array(batches.steps);
    const pending = new Map<number, ReturnType<typeof workers.compute>>();
    // Update u reads a version at most W−1 behind it, so the next W updates' reads all exist once u−1 is applied:
    // launching them ahead keeps W gradients in flight, each in slot u mod W, which update u frees before u+W starts.
    const launch = (u: number) => {
      const { step, worker, readVersion } = schedule[u]!;
      pending.set(u, workers.compute({ ...taskFor(context, step, worker), readVersion, slot: u % workers.count }));
    };
    for (let u = 0; u < schedule.length; u++) {
      for (let next = u; next < Math.min(schedule.length, u + workers.count); next++) if (!pending.has(next) && schedule[next]!.readVersion <= u) launch(next);
      if (!pending.has(u)) launch(u);
      const result = await pending.get(u)!;
      pending.delete(u);
      const version = store.write((params) => context.optimizer.apply(params, gradients[u % workers.count]!));
      const { step, worker, readVersion } = schedule[u]!;
      const event: UpdateEvent = { step, worker, versionRead: readVersion, version, staleness: version - 1 - readVersion };
      context.onUpdate(event);
      stepLoss[step] = stepLoss[step]! + result.lossSum;
      if ((u + 1) % workers.count === 0) context.onStep(step, stepLoss[step]! / batches.batchSize);
    }
  },
};
