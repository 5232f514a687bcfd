import type { EmbeddingTable } from './embedding-table.js';
import { setTouchedFromIds, touchedIds, type TouchedRows } from './touched-rows.js';

/** Width of the concatenated embedding vectors of one example: Σ table dimensions. */
export function embeddingWidth(tables: readonly EmbeddingTable[]): number {
  return tables.reduce((w, t) => w + t.dimension, 0);
}

/**
 * The embedding part of a batch's MLP input, [rows, Σ dimensions] row-major: example r's vectors of tables 0, 1, …
 * side by side, table k's being its row categories[r·K + k] (K = tables.length). Gathered here in JavaScript rather than
 * with tf.gather: the tables then never become tensors, so neither their upload nor a table-sized dense gradient
 * is ever paid for.
 */
export function gatherEmbeddingRows(params: Float32Array, tables: readonly EmbeddingTable[], categories: Uint32Array, rows: number, out: Float32Array): void {
  const k = tables.length;
  const width = embeddingWidth(tables);
  for (let r = 0; r < rows; r++) {
    let column = r * width;
    for (let t = 0; t < k; t++) {
      const { offset, rows: tableRows, dimension } = tables[t]!;
      const id = categories[r * k + t]!;
      if (id >= tableRows) throw new RangeError(`categorical feature ${t}: bucket id ${id} is not allowed; expected an id below the table's ${tableRows} rows`);
      // Element by element: a subarray view per row costs more than copying a short row.
      const from = offset + id * dimension;
      for (let j = 0; j < dimension; j++) out[column + j] = params[from + j]!;
      column += dimension;
    }
  }
}

/**
 * Turns the gradient of the gathered embedding input (`inputGradient`, shaped like gatherEmbeddingRows' output) into
 * the tables' sparse gradient: sets `touched` to the rows the batch used, zeroes those rows of `out` and adds each
 * example's part to its row in example order, so an id that occurs several times gets the sum over its occurrences.
 * Other table rows of `out` are not written: the caller keeps them zero.
 */
export function scatterEmbeddingGradient(
  inputGradient: Float32Array,
  tables: readonly EmbeddingTable[],
  categories: Uint32Array,
  rows: number,
  out: Float32Array,
  touched: TouchedRows,
): void {
  const k = tables.length;
  const width = embeddingWidth(tables);
  const ids = new Uint32Array(rows);
  let column = 0;
  tables.forEach(({ offset, dimension }, t) => {
    for (let r = 0; r < rows; r++) ids[r] = categories[r * k + t]!;
    setTouchedFromIds(touched, t, ids);
    for (const row of touchedIds(touched, t)) out.fill(0, offset + row * dimension, offset + (row + 1) * dimension);
    for (let r = 0; r < rows; r++) {
      const to = offset + ids[r]! * dimension;
      const from = r * width + column;
      for (let j = 0; j < dimension; j++) out[to + j] = out[to + j]! + inputGradient[from + j]!;
    }
    column += dimension;
  });
}
