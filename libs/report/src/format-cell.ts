import type { SpreadCell } from './compare-table.js';

/** A number with four significant digits in its shortest form (0.1234, 0.0001234, 12.35), or '–' when not finite. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : '–';
}

/** `mean ± std (95%: low to high)`, or '–' when the cell is absent or its mean is not a number. */
export function formatCell(cell: SpreadCell | undefined): string {
  if (!cell || !Number.isFinite(cell.mean)) return '–';
  const [low, high] = cell.ci95.map(formatNumber);
  return `${formatNumber(cell.mean)} ± ${formatNumber(cell.std)} (95%: ${low} to ${high})`;
}
