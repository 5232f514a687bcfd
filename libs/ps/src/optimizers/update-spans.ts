import { touchedIds, type TouchedRows } from '@churnlab/model/vectors';

/** Start/end pairs of element spans: span i is [spans[2i], spans[2i+1]). */
export interface UpdateSpans {
  spans: Uint32Array;
  count: number;
}

/**
 * The element spans within [lo, hi) of a `size`-long vector that a sparse update touches, relative to lo and ascending:
 * every element outside the embedding tables, and each touched row of each table, clipped to [lo, hi) because a server
 * shard's range may cut through a table and through a row. Adjacent spans are merged. Reuses `into` when it is big
 * enough, so a shard applying every step allocates nothing.
 */
export function updateSpans(touched: TouchedRows, size: number, lo: number, hi: number, into?: UpdateSpans): UpdateSpans {
  const maxSpans = touched.tables.length + 1 + touched.counts.reduce((a, b) => a + b, 0);
  const out = into && into.spans.length >= 2 * maxSpans ? into : { spans: new Uint32Array(2 * maxSpans), count: 0 };
  out.count = 0;
  const emit = (start: number, end: number) => {
    const s = Math.max(start, lo);
    const e = Math.min(end, hi);
    if (s >= e) return;
    if (out.count > 0 && out.spans[2 * out.count - 1] === s - lo) out.spans[2 * out.count - 1] = e - lo;
    else {
      out.spans[2 * out.count] = s - lo;
      out.spans[2 * out.count + 1] = e - lo;
      out.count++;
    }
  };
  let position = 0;
  touched.tables.forEach((table, k) => {
    emit(position, table.offset);
    const { offset, dimension } = table;
    const ids = touchedIds(touched, k);
    // The first touched row that ends after lo; rows are ascending, so the ones to emit follow it contiguously.
    for (let i = firstAtLeast(ids, Math.floor((lo - offset) / dimension)); i < ids.length; i++) {
      const start = offset + ids[i]! * dimension;
      if (start >= hi) break;
      emit(start, start + dimension);
    }
    position = offset + table.rows * dimension;
  });
  emit(position, size);
  return out;
}

/** The index of the first element ≥ value in an ascending array (its length when there is none). */
function firstAtLeast(sorted: Uint32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
