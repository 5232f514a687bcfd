import Table from 'cli-table3';

/** A mean with its spread over replica pairs or replicas. */
export interface SpreadCell {
  mean: number;
  /** Null for a single value, which has no spread. */
  std: number | null;
  /** Null for a single value, which has no interval. */
  ci95: [number, number] | null;
  /** How many values (pairs or replicas) it summarizes, when known: one value has no spread, whatever std says. */
  n?: number;
}

/** The cell's standard deviation and interval, or undefined when it summarizes a single value (n 1, or std or interval null), which has no spread. */
export function knownSpread(cell: SpreadCell): { std: number; ci95: [number, number] } | undefined {
  const { std, ci95 } = cell;
  return cell.n === 1 || std === null || ci95 === null ? undefined : { std, ci95 };
}

/** One activation's line of a comparison. */
export interface CompareRow {
  activation: string;
  /** Worker count, order policy and shuffle the replicas trained with; each gets a column when the rows differ in it. */
  workers?: number;
  order?: string;
  shuffle?: string;
  replicas: number;
  pd: { relative?: SpreadCell; absolute?: SpreadCell; l1?: SpreadCell; top1: SpreadCell };
  metrics: { logLoss: SpreadCell; auc: SpreadCell; accuracy: SpreadCell };
}

/** The terminal table of a comparison: PD (mean ± std over pairs) beside accuracy, one row per activation. */
export function compareTable(rows: CompareRow[]): string {
  const binary = rows.every((r) => r.pd.relative !== undefined);
  const pdColumns: Array<[string, (r: CompareRow) => SpreadCell | undefined]> = binary
    ? [['relative PD', (r) => r.pd.relative], ['absolute PD', (r) => r.pd.absolute], ['top-1 PD', (r) => r.pd.top1]]
    : [['L1 PD', (r) => r.pd.l1], ['top-1 PD', (r) => r.pd.top1]];
  const metricColumns: Array<[string, (r: CompareRow) => SpreadCell]> = [
    ['log loss', (r) => r.metrics.logLoss],
    ...(binary ? [['AUC', (r: CompareRow) => r.metrics.auc] as [string, (r: CompareRow) => SpreadCell]] : []),
    ['accuracy', (r) => r.metrics.accuracy],
  ];
  const settingColumns = (['workers', 'order', 'shuffle'] as const).filter((key) => new Set(rows.map((r) => r[key])).size > 1);
  const table = new Table({
    head: [...settingColumns, 'activation', 'replicas', ...pdColumns.map(([h]) => h), ...metricColumns.map(([h]) => h)],
    style: { head: [], border: [] },
  });
  for (const row of rows) {
    table.push([
      ...settingColumns.map((key) => String(row[key])),
      row.activation,
      String(row.replicas),
      ...pdColumns.map(([, pick]) => formatSpread(pick(row))),
      ...metricColumns.map(([, pick]) => formatSpread(pick(row))),
    ]);
  }
  return table.toString();
}

/** PD between the replicas of two worker counts, for one activation. */
export interface BetweenCountsRow {
  activation: string;
  workers: [number, number];
  order?: string;
  shuffle?: string;
  replicas?: number;
  pd: CompareRow['pd'];
}

/** The terminal table of PD between worker counts: one row per setting and pair of counts. */
export function betweenCountsTable(rows: BetweenCountsRow[]): string {
  const binary = rows.every((r) => r.pd.relative !== undefined);
  const settingColumns = (['order', 'shuffle', 'replicas'] as const).filter((key) => new Set(rows.map((r) => r[key])).size > 1);
  const table = new Table({ head: ['workers', ...settingColumns, 'activation', binary ? 'relative PD' : 'L1 PD', 'top-1 PD'], style: { head: [], border: [] } });
  for (const row of rows) {
    const settings = settingColumns.map((key) => String(row[key]));
    table.push([`${row.workers[0]} vs ${row.workers[1]}`, ...settings, row.activation, formatSpread(binary ? row.pd.relative : row.pd.l1), formatSpread(row.pd.top1)]);
  }
  return table.toString();
}

/**
 * `mean ± std` with four decimals (a std too small for them in two significant digits, so it does not read as none),
 * `mean ± –` when the cell summarizes one value, or `–` when absent.
 */
export function formatSpread(cell: SpreadCell | undefined): string {
  if (!cell || Number.isNaN(cell.mean)) return '–';
  const spread = knownSpread(cell);
  if (!spread) return `${cell.mean.toFixed(4)} ± –`;
  const { std } = spread;
  return `${cell.mean.toFixed(4)} ± ${std > 0 && std < 0.00005 ? std.toExponential(1) : std.toFixed(4)}`;
}
