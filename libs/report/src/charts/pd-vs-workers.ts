import type { TopLevelSpec } from 'vega-lite';
import { plottedPd } from '../measures.js';
import type { ReportRow } from '../report-input.js';
import { chartPoints, IS_RELU } from './chart-points.js';
import { familyColour, seriesLines } from './family-colour.js';

/**
 * PD against worker count: one line per activation (and per other varying setting), coloured by family and dashed
 * when a family has several lines, 95% intervals, ReLU drawn thicker.
 */
export function pdVsWorkersSpec(rows: readonly ReportRow[]): TopLevelSpec {
  const workerCounts = [...new Set(rows.map((row) => row.workers))].sort((a, b) => a - b);
  const x = { field: 'workers', type: 'quantitative', title: 'workers', scale: { zero: false }, axis: { values: workerCounts, format: 'd' } } as const;
  const y = { field: 'pd', type: 'quantitative', title: plottedPd(rows).title, scale: { zero: false } } as const;
  const points = chartPoints(rows);
  const color = familyColour(rows, points);
  return {
    width: 560,
    height: 340,
    data: { values: points },
    layer: [
      { name: 'pd_interval', mark: { type: 'rule', opacity: 0.6 }, encoding: { x, y: { ...y, field: 'pdLow' }, y2: { field: 'pdHigh' }, color } },
      { name: 'lines', mark: 'line', encoding: { x, y, color, ...seriesLines(points, 'workersSeries'), strokeWidth: { condition: { test: IS_RELU, value: 4 }, value: 2 } } },
      { name: 'points', mark: { type: 'point', filled: true, opacity: 1 }, encoding: { x, y, color, size: { condition: { test: IS_RELU, value: 120 }, value: 50 } } },
    ],
  };
}
