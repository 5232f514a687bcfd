import { knownSpread, type SpreadCell } from './compare-table.js';

/** A number with four significant digits in its shortest form (0.1234, 0.0001234, 12.35), or '–' when not finite. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : '–';
}

/**
 * `mean ± std (95%: low to high)`, `mean (one value: no spread)` when the cell summarizes a single pair or replica, or
 * '–' when the cell is absent or its mean is not a number.
 */
export function formatCell(cell: SpreadCell | undefined): string {
  if (!cell || !Number.isFinite(cell.mean)) return '–';
  const spread = knownSpread(cell);
  if (!spread) return `${formatNumber(cell.mean)} (one value: no spread)`;
  const [low, high] = spread.ci95.map(formatNumber);
  return `${formatNumber(cell.mean)} ± ${formatNumber(spread.std)} (95%: ${low} to ${high})`;
}
