import { addInto, addSpansInto } from '@churnlab/kernels';
import type { TouchedRows } from '@churnlab/model/vectors';
import type { AddInto } from './add-into.js';
import { runReduction, type ReductionProgram } from './order/reduction-program.js';
import type { ServerShard } from './server-shard.js';
import type { SharedParameters } from './shared-parameters.js';

/** A barrier step's update, as the threads that apply it server shard by server shard receive it. */
export interface ShardUpdate {
  /** How the workers' gradient slots are summed. */
  program: ReductionProgram;
  /** With embedding tables: the union of the slots' touched rows, the only table rows that the sum and the update reach. */
  touched?: TouchedRows;
}

/**
 * One server shard's part of a barrier update, on whichever thread holds the shard: replays the reduction over the
 * shard's range of the store's gradient slots (over just its spans of the touched rows, with tables), then applies
 * the shard's optimizer to its range. Every element is summed and updated exactly as the whole-vector path does.
 * A dense update whose optimizer has a fused sum (SGD) makes the last addition inside the optimizer's pass, so the
 * result slot keeps its own gradient rather than the sum: nothing reads it before the next step overwrites it.
 */
export function applyShardUpdate(store: SharedParameters, shard: ServerShard, update: ShardUpdate): void {
  const [lo, hi] = shard.range;
  const { program, touched } = update;
  const spans = touched && touched.tables.length > 0 ? shard.spans(touched, store.handle.size) : undefined;
  const add: AddInto = spans ? (left, right) => addSpansInto(left, right, spans.spans, spans.count) : addInto;
  const ranges = Array.from({ length: store.handle.slots }, (_, w) => store.gradientSlot(w).subarray(lo, hi));
  const last = program.adds.at(-1);
  if (!spans && shard.appliesSums && last && last[0] === program.result) {
    runReduction(ranges, { ...program, adds: program.adds.slice(0, -1) }, add);
    shard.applySum(store.params, store.gradientSlot(last[0]), store.gradientSlot(last[1]));
    return;
  }
  runReduction(ranges, program, add);
  shard.apply(store.params, store.gradientSlot(program.result), touched, spans);
}
