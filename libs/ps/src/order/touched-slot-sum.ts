import { copyTouchedRows, createTouchedRows, packedLength, packTouched, unionTouchedRows, unpackTouched, type TouchedRows } from '@churnlab/model';
import type { SharedParameters } from '../shared-parameters.js';
import type { Reduce, Reduced } from './barrier.js';

/**
 * The barrier sum of the workers' gradient slots when the parameters hold embedding tables. Each slot is zero outside
 * its dense part and its touched rows, so the sum can only be non-zero on the dense part and the union of the touched
 * rows: just those elements of every slot are packed into short vectors, any elementwise reduction of them (the fixed
 * tree of `sync`, the arrival order of `sync-arrival`) rounds exactly as it would on the full slots, and the result goes
 * back into the first slot, whose touched rows become the union. That slot's own non-zero elements are all among them,
 * so it then holds the full-length sum, in the parameters' memory, where the optimizer updates in place.
 */
export class TouchedSlotSum {
  private readonly union: TouchedRows;
  private readonly slotTouched: TouchedRows[];
  private packed: Float32Array[];

  private constructor(
    private readonly store: SharedParameters,
    private readonly slots: Float32Array[],
  ) {
    this.slotTouched = slots.map((_, w) => store.touchedRows(w)!);
    this.union = createTouchedRows(store.handle.tables);
    this.packed = slots.map(() => new Float32Array(0));
  }

  /** The slot sum of gradient slots 0 … workers − 1, or undefined when the store has no tables (sum the slots as they are). */
  static of(store: SharedParameters, workers: number): TouchedSlotSum | undefined {
    if (store.handle.tables.length === 0) return undefined;
    return new TouchedSlotSum(store, Array.from({ length: workers }, (_, w) => store.gradientSlot(w)));
  }

  /** Reduces the slots with `reduce` on their packed elements and returns the full-length sum with its touched rows. */
  reduce(reduce: Reduce, arrivalOrder: number[], step: number): Reduced {
    if (this.slots.length === 1) {
      // One slot is its own sum: already a full-length gradient that is zero outside its dense part and touched rows.
      const { gradient, order } = reduce(this.slots, arrivalOrder, step);
      return { gradient, order, touched: this.slotTouched[0]! };
    }
    const { gradient, order } = reduce(this.pack(), arrivalOrder, step);
    const [sum, sumTouched] = [this.slots[0]!, this.slotTouched[0]!];
    unpackTouched(gradient, this.union, sum);
    // Whoever fills the slot next must zero every row the sum wrote.
    copyTouchedRows(sumTouched, this.union);
    return { gradient: sum, order, touched: this.union };
  }

  /** Every slot's dense part and the rows of the union of their touched rows, packed; valid until the next pack. */
  private pack(): Float32Array[] {
    unionTouchedRows(this.union, this.slotTouched);
    const length = packedLength(this.store.handle.size, this.union);
    return this.slots.map((slot, w) => {
      if (this.packed[w]!.length < length) this.packed[w] = new Float32Array(Math.min(this.store.handle.size, Math.max(length, 2 * this.packed[w]!.length)));
      return packTouched(slot, this.union, this.packed[w]!);
    });
  }
}
