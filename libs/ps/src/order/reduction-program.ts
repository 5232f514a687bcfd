import type { AddInto } from '../add-into.js';
import type { Reduce } from './barrier.js';

/**
 * A barrier step's reduction written down: the slot additions in the order the reduction makes them (slot `left` ←
 * slot left + slot right, by slot index), the slot that ends up holding the sum, and the workers in the order the sum
 * took them. Any thread can replay it, over the whole vectors or over one shard's range: additions are elementwise, so
 * each range gets exactly the bits the whole replay would give it.
 */
export interface ReductionProgram {
  adds: Array<[number, number]>;
  result: number;
  order: number[];
}

/** Runs `reduce` on `slots` with an `add` that only writes the additions down, and returns them as a program. */
export function recordReduction(slots: Float32Array[], reduce: Reduce, arrivalOrder: number[], step: number): ReductionProgram {
  const index = (slot: Float32Array) => {
    const i = slots.indexOf(slot);
    if (i < 0) throw new Error('recordReduction: the reduction added a vector that is not one of the slots');
    return i;
  };
  const adds: Array<[number, number]> = [];
  const { gradient, order } = reduce(slots, arrivalOrder, step, (left, right) => {
    adds.push([index(left), index(right)]);
    return left;
  });
  return { adds, result: index(gradient), order };
}

/** Makes the program's additions on `slots` with `add` (whole vectors, or the views of one range) and returns the sum's slot. */
export function runReduction(slots: Float32Array[], program: ReductionProgram, add: AddInto): Float32Array {
  for (const [left, right] of program.adds) add(slots[left]!, slots[right]!);
  return slots[program.result]!;
}
