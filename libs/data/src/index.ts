/** The in-memory table every consumer sees: row-major float32 features and one label per row. */
export type { Dataset } from './dataset.js';
/** Rows [start, end) as zero-copy views. */
export { sliceRows } from './dataset.js';
/** A copy of a dataset in SharedArrayBuffer-backed arrays, for worker threads. */
export { toShared } from './shared.js';
/** Options of the seeded synthetic click-through task. */
export type { SyntheticCtrOptions } from './synthetic-ctr.js';
/** The embedded default task. */
export { defaultSyntheticCtr } from './synthetic-ctr.js';
/** Builds the synthetic click-through task, split into train and eval. */
export { syntheticCtr } from './synthetic-ctr.js';
/** A seeded train/eval split shared by all replicas. */
export { seededSplit } from './split.js';
/** How rows are ordered within an epoch. */
export type { ShuffleSpec } from './shuffle.js';
/** Row visiting order of one epoch: as stored, through a shuffle buffer, or fully permuted. */
export { epochOrder } from './shuffle.js';
