import type { BetweenCountsRow } from './compare-table.js';
import { formatCell } from './format-cell.js';
import type { TextTable } from './report-table.js';

/** PD between the replicas of two worker counts, one row per setting and pair of counts, as the report's text table. */
export function betweenCountsTextTable(rows: readonly BetweenCountsRow[]): TextTable {
  const binary = rows.every((r) => r.pd.relative !== undefined);
  return {
    head: ['workers', 'activation', 'order', 'shuffle', 'replicas', binary ? 'relative PD' : 'L1 PD', 'top-1 PD'],
    numeric: [false, false, false, false, true, true, true],
    body: rows.map((row) => [
      `${row.workers[0]} vs ${row.workers[1]}`,
      row.activation,
      row.order ?? '–',
      row.shuffle ?? '–',
      row.replicas === undefined ? '–' : String(row.replicas),
      formatCell(binary ? row.pd.relative : row.pd.l1),
      formatCell(row.pd.top1),
    ]),
  };
}
