import type { EmbeddingTable } from './embedding-table.js';

/**
 * The rows of each embedding table that one gradient touched, without per-row objects: for table k, the first
 * counts[k] entries of ids[k] are the touched row ids, ascending and unique. A gradient that comes with touched rows
 * holds, inside each table, the gradients of exactly these rows at their natural offsets and zeros everywhere else,
 * so a dense consumer still reads the right values. Plain typed arrays, so the same shape lies over shared memory.
 */
export interface TouchedRows {
  readonly tables: readonly EmbeddingTable[];
  /** Per table, room for the touched ids; an array over shared memory has room for every row and never grows. */
  readonly ids: Uint32Array[];
  /** Per table, how many ids of ids[k] are set. */
  readonly counts: Uint32Array;
}

/** Touched rows of `tables` in this thread's memory, all counts 0; id buffers start small and grow on demand. */
export function createTouchedRows(tables: readonly EmbeddingTable[]): TouchedRows {
  return { tables, ids: tables.map((t) => new Uint32Array(Math.min(t.rows, 64))), counts: new Uint32Array(tables.length) };
}

/** The touched ids of table `table`, ascending: a view, valid until the rows change. */
export function touchedIds(touched: TouchedRows, table: number): Uint32Array {
  return touched.ids[table]!.subarray(0, touched.counts[table]!);
}

/** Touched rows summed over every table. */
export function touchedRowCount(touched: TouchedRows): number {
  return touched.counts.reduce((a, b) => a + b, 0);
}

/** Sets `into` to the same touched rows as `from` (same tables). */
export function copyTouchedRows(into: TouchedRows, from: TouchedRows): void {
  checkSameTables(into, from);
  from.tables.forEach((_, k) => setIds(into, k, touchedIds(from, k)));
}

/**
 * Sets table `table`'s touched rows to the distinct values of `ids` (any order, repeats allowed), checking each is a
 * row of the table: an id past the end would otherwise address the next block's parameters.
 */
export function setTouchedFromIds(touched: TouchedRows, table: number, ids: Uint32Array): void {
  const rows = touched.tables[table]!.rows;
  const sorted = scratch(ids.length);
  sorted.set(ids);
  sorted.sort();
  if (sorted.length > 0 && sorted[sorted.length - 1]! >= rows) {
    throw new RangeError(`categorical feature ${table}: bucket id ${sorted[sorted.length - 1]} is not allowed; expected an id below the table's ${rows} rows`);
  }
  setIds(touched, table, uniqueSorted(sorted));
}

/** Sets `into` to the union of the touched rows of `parts` (same tables; `into` may not be one of them). */
export function unionTouchedRows(into: TouchedRows, parts: readonly TouchedRows[]): void {
  for (const part of parts) {
    checkSameTables(into, part);
    if (part === into) throw new RangeError('unionTouchedRows: `into` is one of the parts');
  }
  into.tables.forEach((_, k) => {
    const total = parts.reduce((n, p) => n + p.counts[k]!, 0);
    const all = scratch(total);
    let at = 0;
    for (const part of parts) {
      all.set(touchedIds(part, k), at);
      at += part.counts[k]!;
    }
    // The parts are each ascending: when there is one, the union is already sorted.
    if (parts.length > 1) all.sort();
    setIds(into, k, uniqueSorted(all));
  });
}

function setIds(touched: TouchedRows, table: number, ids: Uint32Array): void {
  if (touched.ids[table]!.length < ids.length) {
    const rows = touched.tables[table]!.rows;
    if (ids.length > rows) throw new RangeError(`table ${table}: ${ids.length} touched rows do not fit its ${rows} rows`);
    touched.ids[table] = new Uint32Array(Math.min(rows, Math.max(ids.length, 2 * touched.ids[table]!.length)));
  }
  touched.ids[table]!.set(ids);
  touched.counts[table] = ids.length;
}

/** The distinct values of an ascending array, compacted in place at its front; returns that front. */
function uniqueSorted(sorted: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

function checkSameTables(a: TouchedRows, b: TouchedRows): void {
  const same = a.tables.length === b.tables.length && a.tables.every((t, k) => t.offset === b.tables[k]!.offset && t.rows === b.tables[k]!.rows && t.dimension === b.tables[k]!.dimension);
  if (!same) throw new RangeError('touched rows of different embedding tables cannot be combined');
}

// One scratch for every call in this thread: each call finishes with it before the next begins.
let scratchBuffer: Uint32Array = new Uint32Array(1024);
function scratch(length: number): Uint32Array {
  if (scratchBuffer.length < length) scratchBuffer = new Uint32Array(Math.max(length, 2 * scratchBuffer.length));
  return scratchBuffer.subarray(0, length);
}
