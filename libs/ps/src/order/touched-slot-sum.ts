import { addSpansInto } from '@churnlab/kernels';
import { copyTouchedRows, createTouchedRows, unionTouchedRows, type TouchedRows } from '@churnlab/model';
import type { AddInto } from '../add-into.js';
import { updateSpans, type UpdateSpans } from '../optimizers/update-spans.js';
import type { SharedParameters } from '../shared-parameters.js';
import type { Reduce, Reduced } from './barrier.js';

/**
 * The barrier sum of the workers' gradient slots when the parameters hold embedding tables. Each slot is zero outside
 * its dense part and its touched rows, so the sum can only be non-zero on the dense part and the union of the touched
 * rows: any elementwise reduction (the fixed tree of `sync`, the arrival order of `sync-arrival`) adds just those
 * elements, in place in the slots, which rounds exactly as adding the full slots would. Every slot the reduction added
 * into takes the union as its touched rows, so whoever fills it next zeroes all it may hold.
 */
export class TouchedSlotSum {
  private readonly union: TouchedRows;
  private readonly slotTouched: TouchedRows[];
  private spans: UpdateSpans | undefined;

  private constructor(
    private readonly store: SharedParameters,
    private readonly slots: Float32Array[],
  ) {
    this.slotTouched = slots.map((_, w) => store.touchedRows(w)!);
    this.union = createTouchedRows(store.handle.tables);
  }

  /** The slot sum of gradient slots 0 … workers − 1, or undefined when the store has no tables (sum the slots as they are). */
  static of(store: SharedParameters, workers: number): TouchedSlotSum | undefined {
    if (store.handle.tables.length === 0) return undefined;
    return new TouchedSlotSum(store, Array.from({ length: workers }, (_, w) => store.gradientSlot(w)));
  }

  /** Reduces the slots with `reduce`, adding only the dense part and the union of their touched rows; returns the sum with that union. */
  reduce(reduce: Reduce, arrivalOrder: number[], step: number): Reduced {
    const size = this.store.handle.size;
    unionTouchedRows(this.union, this.slotTouched);
    const spans = (this.spans = updateSpans(this.union, size, 0, size, this.spans));
    const addedInto = new Set<Float32Array>();
    const add: AddInto = (left, right) => {
      addedInto.add(left);
      return addSpansInto(left, right, spans.spans, spans.count);
    };
    const { gradient, order } = reduce(this.slots, arrivalOrder, step, add);
    this.slots.forEach((slot, w) => {
      if (addedInto.has(slot)) copyTouchedRows(this.slotTouched[w]!, this.union);
    });
    return { gradient, order, touched: this.union };
  }
}
