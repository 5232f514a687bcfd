import type { AddInto } from '../add-into.js';
import type { GradientResult } from '../gradient-workers.js';
import type { TrainingContext } from '../training-context.js';
import { deliver } from './tasks.js';
import { SumTouchedRows } from './sum-touched-rows.js';
import { recordReduction } from './reduction-program.js';
import type { ShardUpdate } from '../shard-update.js';

/**
 * How a barrier step reduces its workers' gradient slots in place with `add`: the sum, and the workers in the order the
 * sum took them. With embedding tables, `add` adds only the elements that some slot of the step can have touched.
 */
export type Reduce = (slots: Float32Array[], arrivalOrder: number[], step: number, add: AddInto) => Reduced;

/** A reduced step: the summed gradient (one of the slots) and the workers in the order the sum took them. */
export interface Reduced {
  gradient: Float32Array;
  order: number[];
}

/**
 * Bulk-synchronous training: every step waits for all workers, reduces their gradient slots with `reduce` and applies
 * the sum as one version. Events follow the reduction order, so a fixed reduction gives a fixed event log.
 *
 * The reduction is recorded as a program of slot additions, which each server shard replays over its own range before
 * applying it: on the pool threads in parallel, with several shards and workers that offer it, else on the coordinator
 * one shard after another. The additions are the same, so the parameters are too.
 */
export async function barrierSteps(context: TrainingContext, reduce: Reduce): Promise<void> {
  const { store, workers, batches, shards } = context;
  const slots = Array.from({ length: workers.count }, (_, w) => store.gradientSlot(w));
  const sumTouched = SumTouchedRows.of(store, workers.count);
  const onThreads = shards.count > 1 ? workers.updateShards?.bind(workers) : undefined;
  const apply = async (update: ShardUpdate): Promise<number> =>
    onThreads ? store.writeAsync(() => onThreads(shards.handles(), update)) : store.write(() => shards.update(store, update));
  for (let step = context.startStep ?? 0; step < batches.steps; step++) {
    const results: GradientResult[] = [];
    const arrivalOrder: number[] = [];
    await Promise.all(
      slots.map((_, w) =>
        deliver(context, step, w).then((r) => {
          results[w] = r;
          arrivalOrder.push(w);
        }),
      ),
    );
    const program = recordReduction(slots, reduce, arrivalOrder, step);
    const touched = sumTouched?.settle(program);
    const version = await apply({ program, ...(touched && { touched }) });
    program.order.forEach((w, orderKey) => {
      const { versionRead } = results[w]!;
      context.onUpdate({ step, worker: w, versionRead, version, staleness: version - 1 - versionRead, orderKey });
    });
    context.onStep(step, results.reduce((s, r) => s + r.lossSum, 0) / batches.batchSize);
    if (step + 1 < batches.steps) context.onCheckpoint?.(step + 1);
  }
}

/** Sums the slots left to right in `order` with `add`, in place into the first of them, and returns it. */
export function sumInOrder(slots: Float32Array[], order: number[], add: AddInto): Float32Array {
  const sum = slots[order[0]!]!;
  for (const w of order.slice(1)) add(sum, slots[w]!);
  return sum;
}
