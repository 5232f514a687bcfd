import { touchedIds, type TouchedRows } from './touched-rows.js';

/*
 * A gradient with embedding tables is a full-length vector plus its TouchedRows: every element outside the tables
 * (the dense MLP part) is set, and inside each table only the touched rows are, the rest being zero. Summing such
 * vectors elementwise, touched rows or not, equals summing the full vectors: an untouched row contributes +0, and x + 0
 * is x. Packing the selected elements (the dense part and the rows of a union of touched rows) into a short vector lets
 * the existing fixed-tree sums run on a fraction of the elements with the same float32 rounding as the full sum.
 */

/** Elements a packed vector of `touched` has in a `size`-long gradient: the dense part plus every touched row. */
export function packedLength(size: number, touched: TouchedRows): number {
  return touched.tables.reduce((n, t) => n - t.rows * t.dimension, size) + packedRowsLength(touched);
}

/**
 * Copies the dense part and the touched rows of `values` into the front of `out`, in ascending element order, and
 * returns that front. Throws when `out` is too short.
 */
export function packTouched(values: Float32Array, touched: TouchedRows, out: Float32Array): Float32Array {
  const length = packedLength(values.length, touched);
  if (out.length < length) throw new RangeError(`packTouched: needs ${length} elements, the output has ${out.length}`);
  moveSelected(values, out, touched, true, 'pack');
  return out.subarray(0, length);
}

/** Writes a vector packed by packTouched(·, touched, ·) back to its places in `values`; other elements are left alone. */
export function unpackTouched(packed: Float32Array, touched: TouchedRows, values: Float32Array): void {
  if (packed.length !== packedLength(values.length, touched)) {
    throw new RangeError(`unpackTouched: ${packed.length} packed elements do not match the ${packedLength(values.length, touched)} selected`);
  }
  moveSelected(values, packed, touched, true, 'unpack');
}

/** Zeroes the touched rows of `values` (the rows a previous gradient left there), leaving the dense part alone. */
export function zeroTouched(values: Float32Array, touched: TouchedRows): void {
  touched.tables.forEach((t, k) => {
    for (const row of touchedIds(touched, k)) values.fill(0, t.offset + row * t.dimension, t.offset + (row + 1) * t.dimension);
  });
}

/** Elements of the touched rows alone: a packed vector of packRows. */
export function packedRowsLength(touched: TouchedRows): number {
  return touched.tables.reduce((n, t, k) => n + touched.counts[k]! * t.dimension, 0);
}

/** packTouched without the dense part: copies the touched rows of `values` into the front of `out` and returns that front. */
export function packRows(values: Float32Array, touched: TouchedRows, out: Float32Array): Float32Array {
  const length = packedRowsLength(touched);
  if (out.length < length) throw new RangeError(`packRows: needs ${length} elements, the output has ${out.length}`);
  moveSelected(values, out, touched, false, 'pack');
  return out.subarray(0, length);
}

/**
 * packRows(values, within, out) for a `values` that is zero in every row of `within` outside `rows` (a subset of it):
 * zeroes the packed rows, then copies just the rows of `rows` to their places. A micro-shard's gradient packed to its
 * task's rows costs its own rows rather than all of the task's. Throws when `rows` is not within `within`.
 */
export function packRowsWithin(values: Float32Array, rows: TouchedRows, within: TouchedRows, out: Float32Array): Float32Array {
  const length = packedRowsLength(within);
  if (out.length < length) throw new RangeError(`packRowsWithin: needs ${length} elements, the output has ${out.length}`);
  out.fill(0, 0, length);
  let base = 0;
  within.tables.forEach(({ offset, dimension }, k) => {
    const all = touchedIds(within, k);
    let at = 0;
    for (const row of touchedIds(rows, k)) {
      while (at < all.length && all[at]! < row) at++;
      if (all[at] !== row) throw new RangeError(`packRowsWithin: row ${row} of table ${k} is not among the rows packed to`);
      copySpan(values, offset + row * dimension, out, base + at * dimension, dimension);
    }
    base += all.length * dimension;
  });
  return out.subarray(0, length);
}

/** Writes a vector packed by packRows(·, touched, ·) back to its rows in `values`; other elements are left alone. */
export function unpackRows(packed: Float32Array, touched: TouchedRows, values: Float32Array): void {
  if (packed.length !== packedRowsLength(touched)) throw new RangeError(`unpackRows: ${packed.length} packed elements do not match the ${packedRowsLength(touched)} of the touched rows`);
  moveSelected(values, packed, touched, false, 'unpack');
}

/**
 * Copies the selected elements of `full` (the touched rows, and with `dense` the elements outside the tables, all in
 * ascending order) to the front of `packed`, or back.
 */
function moveSelected(full: Float32Array, packed: Float32Array, touched: TouchedRows, dense: boolean, direction: 'pack' | 'unpack'): void {
  let at = 0;
  walkSelection(full.length, touched, dense, (start, count) => {
    if (direction === 'pack') copySpan(full, start, packed, at, count);
    else copySpan(packed, at, full, start, count);
    at += count;
  });
}

/**
 * Calls `visit(start, count)` for the selected ranges of a `size`-long vector, ascending: each touched row and, with
 * `dense`, each non-empty range outside the tables. One call per row, no merging: with short rows, merging costs more
 * than the calls it saves.
 */
function walkSelection(size: number, touched: TouchedRows, dense: boolean, visit: (start: number, count: number) => void): void {
  let position = 0;
  touched.tables.forEach((t, k) => {
    if (dense && t.offset > position) visit(position, t.offset - position);
    for (const row of touchedIds(touched, k)) visit(t.offset + row * t.dimension, t.dimension);
    position = t.offset + t.rows * t.dimension;
  });
  if (dense && size > position) visit(position, size - position);
}

/** Spans at least this long are copied with set(subarray(…)); shorter ones (mostly single rows) element by element, which costs less than a view. */
const LONG_SPAN = 64;

/** Copies `count` elements from `from` at `fromStart` to `to` at `toStart`. */
function copySpan(from: Float32Array, fromStart: number, to: Float32Array, toStart: number, count: number): void {
  if (count >= LONG_SPAN) {
    to.set(from.subarray(fromStart, fromStart + count), toStart);
    return;
  }
  for (let i = 0; i < count; i++) to[toStart + i] = from[fromStart + i]!;
}
