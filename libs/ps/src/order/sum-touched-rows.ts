import { copyTouchedRows, createTouchedRows, unionTouchedRows, type TouchedRows } from '@churnlab/model/vectors';
import type { SharedParameters } from '../shared-parameters.js';
import type { ReductionProgram } from './reduction-program.js';

/**
 * The touched rows of a barrier step's sum when the parameters hold embedding tables. Each slot is zero outside its
 * dense part and its touched rows, so the sum can only be non-zero on the dense part and the union of the touched
 * rows: any elementwise reduction (the fixed tree of `sync`, the arrival order of `sync-arrival`) then adds just those
 * elements (see applyShardUpdate), in place in the slots, which rounds exactly as adding the full slots would.
 */
export class SumTouchedRows {
  private readonly union: TouchedRows;
  private readonly slotTouched: TouchedRows[];

  private constructor(store: SharedParameters, workers: number) {
    this.slotTouched = Array.from({ length: workers }, (_, w) => store.touchedRows(w)!);
    this.union = createTouchedRows(store.handle.tables);
  }

  /** The touched rows of sums of gradient slots 0 … workers − 1, or undefined when the store has no tables (sum the slots as they are). */
  static of(store: SharedParameters, workers: number): SumTouchedRows | undefined {
    return store.handle.tables.length === 0 ? undefined : new SumTouchedRows(store, workers);
  }

  /**
   * Sets the union of the slots' touched rows and returns it. Every slot the program adds into takes the union as its
   * touched rows, so whoever fills it next zeroes all it may hold.
   */
  settle(program: ReductionProgram): TouchedRows {
    unionTouchedRows(this.union, this.slotTouched);
    for (const left of new Set(program.adds.map(([l]) => l))) copyTouchedRows(this.slotTouched[left]!, this.union);
    return this.union;
  }
}
