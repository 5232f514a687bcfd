import { activationFamily } from './activation-family.js';
import { knownSpread } from './compare-table.js';
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
    const cells = measures.flatMap((m) => {
      const cell = m.pick(row);
      const spread = cell && knownSpread(cell);
      return [cell?.mean, spread?.std, ...(spread?.ci95 ?? [undefined, undefined])];
    });
    const ratio = row.againstBaseline;
    const ratioCells = ratios ? (ratio ? [ratio.baseline, ratio.ratio, ...ratio.ci95] : [undefined, undefined, undefined, undefined]) : [];
    return [row.activation, family, beta, row.workers, row.order, row.shuffle, row.replicas, ...cells, ...ratioCells];
  });
  return [head, ...body].map((fields) => fields.map(csvField).join(',') + '\r\n').join('');
}

// A number is written in the shortest form that reads back to the same double; an absent or non-finite value is an empty field.
function csvField(value: string | number | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
