import { activationFamily } from './activation-family.js';
import { knownSpread, type BetweenCountsRow, type SpreadCell } from './compare-table.js';
import { reportedMeasures } from './measures.js';
import type { ReportInput } from './report-input.js';

/**
 * Every number of the report as RFC 4180 CSV (CRLF lines, quoted fields where needed), full precision, one row per
 * setting; a measure over a single pair or replica leaves its std and interval empty.
 */
export function csvReport(input: ReportInput): string {
  const measures = reportedMeasures(input.rows);
  const ratios = input.rows.some((row) => row.againstBaseline);
  const head = [
    'activation', 'family', 'beta', 'workers', 'order', 'shuffle', 'replicas',
    ...measures.flatMap((m) => ['mean', 'std', 'ci95_low', 'ci95_high'].map((part) => `${m.key}_${part}`)),
    ...(ratios ? ['pd_baseline', 'pd_ratio', 'pd_ratio_ci95_low', 'pd_ratio_ci95_high'] : []),
  ];
  const body = input.rows.map((row) => {
    const { family, beta } = activationFamily(row.activation);
    const cells = measures.flatMap((m) => spreadFields(m.pick(row)));
    const ratio = row.againstBaseline;
    const ratioCells = ratios ? (ratio ? [ratio.baseline, ratio.ratio, ...ratio.ci95] : [undefined, undefined, undefined, undefined]) : [];
    return [row.activation, family, beta, row.workers, row.order, row.shuffle, row.replicas, ...cells, ...ratioCells];
  });
  return csvLines([head, ...body]);
}

/** The PD measures a between-worker-counts row can hold, in the order the other reports show them. */
const BETWEEN_COUNTS_PD = ['relative', 'absolute', 'l1', 'top1'] as const;

/**
 * PD between the replicas of two worker counts as RFC 4180 CSV, like csvReport: one row per setting and pair of counts,
 * with every PD measure the rows hold (mean, std and 95% interval each), full precision.
 */
export function csvBetweenCounts(rows: readonly BetweenCountsRow[]): string {
  const measures = BETWEEN_COUNTS_PD.filter((key) => rows.some((row) => row.pd[key] !== undefined));
  const head = ['workers_a', 'workers_b', 'activation', 'order', 'shuffle', 'replicas', ...measures.flatMap((key) => ['mean', 'std', 'ci95_low', 'ci95_high'].map((part) => `pd_${key}_${part}`))];
  const body = rows.map((row) => [row.workers[0], row.workers[1], row.activation, row.order, row.shuffle, row.replicas, ...measures.flatMap((key) => spreadFields(row.pd[key]))]);
  return csvLines([head, ...body]);
}

/** A measure's mean, std and 95% interval; the last three empty for a single pair or replica, all four when absent. */
function spreadFields(cell: SpreadCell | undefined): Array<number | undefined> {
  const spread = cell && knownSpread(cell);
  return [cell?.mean, spread?.std, ...(spread?.ci95 ?? [undefined, undefined])];
}

function csvLines(rows: Array<Array<string | number | undefined>>): string {
  return rows.map((fields) => fields.map(csvField).join(',') + '\r\n').join('');
}

// A number is written in the shortest form that reads back to the same double; an absent or non-finite value is an empty field.
function csvField(value: string | number | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
