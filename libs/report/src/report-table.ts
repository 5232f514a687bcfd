import { formatCell } from './format-cell.js';
import { reportedMeasures } from './measures.js';
import type { ReportRow } from './report-input.js';

/** A table as text cells, for the HTML and Markdown reports to lay out each in its own syntax. */
export interface TextTable {
  head: string[];
  /** Which columns hold numbers, so that a layout can right-align them. */
  numeric: boolean[];
  body: string[][];
}

/** Every number of the report, one row per setting: each measure as `mean ± std (95%: low to high)` over replica pairs. */
export function reportTable(rows: readonly ReportRow[]): TextTable {
  const measures = reportedMeasures(rows);
  return {
    head: ['activation', 'workers', 'order', 'shuffle', 'replicas', ...measures.map((m) => m.title)],
    numeric: [false, true, false, false, true, ...measures.map(() => true)],
    body: rows.map((row) => [
      row.activation,
      String(row.workers),
      row.order,
      row.shuffle ?? '–',
      String(row.replicas),
      ...measures.map((m) => formatCell(m.pick(row))),
    ]),
  };
}
