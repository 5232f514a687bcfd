import { formatCell, formatNumber } from './format-cell.js';
import { reportedMeasures } from './measures.js';
import type { BaselineRatio, ReportRow } from './report-input.js';

/** A table as text cells, for the HTML and Markdown reports to lay out each in its own syntax. */
export interface TextTable {
  head: string[];
  /** Which columns hold numbers, so that a layout can right-align them. */
  numeric: boolean[];
  body: string[][];
}

/**
 * Every number of the report, one row per setting: each measure as `mean ± std (95%: low to high)`, over replica pairs
 * or replicas as SPREAD_NOTE says, and, when some row has one, the PD as a multiple of the baseline's.
 */
export function reportTable(rows: readonly ReportRow[]): TextTable {
  const measures = reportedMeasures(rows);
  const baseline = baselineOf(rows);
  return {
    head: ['activation', 'workers', 'order', 'shuffle', 'replicas', ...(baseline ? [`PD ÷ ${baseline}`] : []), ...measures.map((m) => m.title)],
    numeric: [false, true, false, false, true, ...(baseline ? [true] : []), ...measures.map(() => true)],
    body: rows.map((row) => [
      row.activation,
      String(row.workers),
      row.order,
      row.shuffle ?? '–',
      String(row.replicas),
      // Before the measures, whose cells are wide: the headline of the table stays in view.
      ...(baseline ? [formatRatio(row.againstBaseline)] : []),
      ...measures.map((m) => formatCell(m.pick(row))),
    ]),
  };
}

/** The activation the rows' PD ratios are taken against, if any row has one. */
export function baselineOf(rows: readonly ReportRow[]): string | undefined {
  return rows.find((row) => row.againstBaseline)?.againstBaseline!.baseline;
}

/** What the ratio column means, for the text above a table that has one. */
export function baselineNote(baseline: string): string {
  return `PD ÷ ${baseline} is the row's PD as a multiple of ${baseline}'s trained the same way, with a 95% interval from the replica jackknife (each replica left out in turn), which unlike the pairs' spread allows for pairs sharing a replica.`;
}

function formatRatio(ratio: BaselineRatio | undefined): string {
  if (!ratio) return '–';
  const [low, high] = ratio.ci95.map(formatNumber);
  return `${formatNumber(ratio.ratio)}× (95%: ${low} to ${high})`;
}
