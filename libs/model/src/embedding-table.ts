import type { ParameterLayout } from './layout.js';

/**
 * Where one embedding table lives in the flat parameter (and gradient) vector: `rows` rows of `dimension` floats from
 * element `offset` on, row r at [offset + r·dimension, offset + (r+1)·dimension). Plain numbers, so it crosses threads.
 */
export interface EmbeddingTable {
  offset: number;
  rows: number;
  dimension: number;
}

/** The embedding tables of a layout, in layout (= table, = ascending offset) order. */
export function embeddingTables(layout: ParameterLayout): EmbeddingTable[] {
  return layout.blocks
    .filter((b) => b.role === 'embedding')
    .map((b) => ({ offset: b.offset, rows: b.shape[0]!, dimension: b.shape[1]! }));
}
