import { createTouchedRows, setTouchedFromIds, type EmbeddingTable, type TouchedRows } from '@churnlab/model';
import { updateSpans } from '../src/index.js';

/** A parameter vector with dense parts around two tables: dense [0, 5), table 0 at 5 (40 rows × 4), dense [165, 168), table 1 at 168 (9 rows × 3), dense [195, 200). */
export const tables: EmbeddingTable[] = [
  { offset: 5, rows: 40, dimension: 4 },
  { offset: 168, rows: 9, dimension: 3 },
];
export const size = 200;

/** Unround values with a wide spread of magnitudes, so a different rounding shows. */
export const unround = (seed: number, i: number) => Math.sin(seed * 12.9898 + i * 78.233) * 2 ** ((i % 7) - 3);

/** Touched rows of both tables from id lists. */
export function touchedOf(ids0: number[], ids1: number[]): TouchedRows {
  const touched = createTouchedRows(tables);
  setTouchedFromIds(touched, 0, Uint32Array.from(ids0));
  setTouchedFromIds(touched, 1, Uint32Array.from(ids1));
  return touched;
}

/** Step `step`'s sparse gradient: a few rows of each table (different per step, sometimes adjacent), the dense part, zeros elsewhere. */
export function sparseStep(step: number): { grad: Float32Array; touched: TouchedRows } {
  const ids0 = Array.from({ length: 6 }, (_, j) => (step * 7 + j * j * 3) % 40);
  const ids1 = step % 3 === 0 ? [] : [(step * 2) % 9, (step * 2 + 1) % 9];
  const touched = touchedOf(ids0, ids1);
  const grad = new Float32Array(size);
  forEachSelected(touched, (start, end) => {
    for (let i = start; i < end; i++) grad[i] = unround(step, i);
  });
  return { grad, touched };
}

/** The initial parameters of these tests. */
export const initialParams = () => Float32Array.from({ length: size }, (_, i) => unround(99, i));

/** Calls `span(start, end)` for each range of the dense part and the touched rows, as the server selects them. */
export function forEachSelected(touched: TouchedRows, span: (start: number, end: number) => void): void {
  const { spans, count } = updateSpans(touched, size, 0, size);
  for (let k = 0; k < count; k++) span(spans[2 * k]!, spans[2 * k + 1]!);
}
