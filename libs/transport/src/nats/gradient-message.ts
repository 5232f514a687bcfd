import {
  copyTouchedRows,
  createTouchedRows,
  packedLength,
  packTouched,
  setTouchedFromIds,
  touchedIds,
  unpackTouched,
  zeroTouched,
  type EmbeddingTable,
  type TouchedRows,
} from '@churnlab/model/vectors';
import type { GradientResult, SharedParameters } from '@churnlab/ps';
import { arrayOf, integer, number, record, typedArray } from './wire-checks.js';
import { WireError } from './wire-error.js';

/**
 * The body of a gradient frame. Without embedding tables `values` is the whole gradient. With tables it is the
 * gradient packed to its dense part and the rows it touched (`touched`: per table, the row ids, ascending), as the
 * gradient slot of a store with tables holds it: the rest is zero and never crosses the wire.
 */
export interface GradientMessage {
  lossSum: number;
  rows: number;
  values: Float32Array;
  touched?: Uint32Array[];
  /** Index in the parameter vector of the first NaN or infinite element, as the worker runtime reports it; absent when all are finite. */
  firstNonFinite?: number;
}

/** What a gradient reply must match: the run's parameter count and tables, and the rows the task had. */
export interface GradientShape {
  size: number;
  tables: readonly EmbeddingTable[];
  rows: number;
}

/** The gradient in `store`'s slot `slot` as a message (packed when the store has tables), with the runtime's report. */
export function gradientMessage(store: SharedParameters, slot: number, report: Pick<GradientResult, 'lossSum' | 'rows' | 'firstNonFinite'>): GradientMessage {
  const { lossSum, rows, firstNonFinite } = report;
  const health = firstNonFinite === undefined ? {} : { firstNonFinite };
  const gradient = store.gradientSlot(slot);
  const touched = store.touchedRows(slot);
  if (!touched) return { lossSum, rows, values: gradient.slice(), ...health };
  const values = packTouched(gradient, touched, new Float32Array(packedLength(gradient.length, touched)));
  return { lossSum, rows, values, touched: touched.tables.map((_, k) => touchedIds(touched, k).slice()), ...health };
}

/** Checks a decoded gradient against the task it answers. */
export function readGradientMessage(value: unknown, shape: GradientShape): GradientMessage {
  const sparse = shape.tables.length > 0;
  const g = record(value, 'gradient', ['lossSum', 'rows', 'values', ...(sparse ? ['touched'] : [])], ['firstNonFinite']);
  const rows = integer(g['rows'], 'gradient.rows', 0, 2 ** 31 - 1);
  if (rows !== shape.rows) throw new WireError(`gradient.rows: the task had ${shape.rows} rows, the reply says ${rows}`);
  const lossSum = number(g['lossSum'], 'gradient.lossSum');
  const health = g['firstNonFinite'] === undefined ? {} : { firstNonFinite: integer(g['firstNonFinite'], 'gradient.firstNonFinite', 0, shape.size - 1) };
  if (!sparse) return { lossSum, rows, values: typedArray(g['values'], 'gradient.values', Float32Array, { exactly: shape.size }), ...health };
  const touched = arrayOf(g['touched'], 'gradient.touched', shape.tables.length, (v, f) => typedArray(v, f, Uint32Array, { atMost: shape.size }));
  if (touched.length !== shape.tables.length) throw new WireError(`gradient.touched: expected ids for ${shape.tables.length} tables, got ${touched.length}`);
  touched.forEach((ids, k) => {
    // Strictly ascending and inside the table: exactly the form a slot's touched rows have.
    for (let i = 0; i < ids.length; i++) {
      if (ids[i]! >= shape.tables[k]!.rows || (i > 0 && ids[i]! <= ids[i - 1]!)) throw new WireError(`gradient.touched[${k}]: row ids must be ascending, distinct and below ${shape.tables[k]!.rows}`);
    }
  });
  const length = shape.size - shape.tables.reduce((n, t, k) => n + (t.rows - touched[k]!.length) * t.dimension, 0);
  return { lossSum, rows, values: typedArray(g['values'], 'gradient.values', Float32Array, { exactly: length }), touched, ...health };
}

/** Writes a checked gradient into `store`'s slot `slot` as a worker thread would have: dense, or in place with its touched rows. */
export function writeGradientSlot(store: SharedParameters, slot: number, message: GradientMessage): void {
  const target = store.gradientSlot(slot);
  const slotTouched = store.touchedRows(slot);
  if (!slotTouched || !message.touched) {
    target.set(message.values);
    return;
  }
  const incoming: TouchedRows = createTouchedRows(slotTouched.tables);
  message.touched.forEach((ids, k) => setTouchedFromIds(incoming, k, ids));
  // The slot is zero outside its dense part and its previous touched rows: clear those rows, then write the new ones.
  zeroTouched(target, slotTouched);
  unpackTouched(message.values, incoming, target);
  copyTouchedRows(slotTouched, incoming);
}
