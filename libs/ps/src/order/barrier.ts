import { addInto } from '@churnlab/kernels';
import type { TouchedRows } from '@churnlab/model';
import type { AddInto } from '../add-into.js';
import type { GradientResult } from '../gradient-workers.js';
import type { TrainingContext } from '../training-context.js';
import { deliver } from './tasks.js';
import { TouchedSlotSum } from './touched-slot-sum.js';

/**
 * How a barrier step reduces its workers' gradient slots in place with `add`: the sum, and the workers in the order the
 * sum took them. With embedding tables, `add` adds only the elements that some slot of the step can have touched.
 */
export type Reduce = (slots: Float32Array[], arrivalOrder: number[], step: number, add: AddInto) => Reduced;

/** A reduced step: the summed gradient, the workers in the order the sum took them and, with tables, the touched rows. */
export interface Reduced {
  gradient: Float32Array;
  order: number[];
  touched?: TouchedRows;
}

/**
 * Bulk-synchronous training: every step waits for all workers, reduces their gradient slots with `reduce` and applies
 * the sum as one version. Events follow the reduction order, so a fixed reduction gives a fixed event log.
 */
export async function barrierSteps(context: TrainingContext, reduce: Reduce): Promise<void> {
  const { store, workers, batches } = context;
  const slots = Array.from({ length: workers.count }, (_, w) => store.gradientSlot(w));
  const sparse = TouchedSlotSum.of(store, workers.count);
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
    const { gradient, order, touched } = sparse ? sparse.reduce(reduce, arrivalOrder, step) : reduce(slots, arrivalOrder, step, addInto);
    const version = store.write((params) => context.shards.apply(params, gradient, touched));
    order.forEach((w, orderKey) => {
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
