export { compareTable, formatSpread } from './compare-table.js';
export type { CompareRow, SpreadCell } from './compare-table.js';
