// The tensor-free entry, `@churnlab/model/vectors`: the model's spec, its parameter vector and gradients as plain
// Float32Arrays. A coordinator needs only these, and loads no tfjs with them; the passes on tensors are in the main entry.
export { validateModelSpec, tableCount, mlpInputWidth } from './spec.js';
export type { ModelSpec, EmbeddingSpec } from './spec.js';
export { parameterLayout, blockView } from './layout.js';
export type { ParameterLayout, ParameterBlock, BlockRole } from './layout.js';
export { embeddingTables } from './embedding-table.js';
export type { EmbeddingTable } from './embedding-table.js';
export { initialParameters } from './init.js';
export { treeReduce, treeSum } from './tree-sum.js';
export { embeddingWidth, gatherEmbeddingRows, scatterEmbeddingGradient } from './embedding-rows.js';
export { copyTouchedRows, createTouchedRows, setTouchedFromIds, touchedIds, touchedRowCount, unionTouchedRows } from './touched-rows.js';
export type { TouchedRows } from './touched-rows.js';
export { packedLength, packedRowsLength, packRows, packRowsWithin, packTouched, unpackRows, unpackTouched, zeroTouched } from './sparse-gradient.js';
