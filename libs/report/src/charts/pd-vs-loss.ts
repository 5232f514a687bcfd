import type { TopLevelSpec } from 'vega-lite';
import { plottedPd } from '../measures.js';
import type { ReportRow } from '../report-input.js';
import { chartPoints, IS_RELU } from './chart-points.js';
import { familyColour } from './family-colour.js';

/** The PD-versus-log-loss plane: one point per row with 95% intervals in both directions, labelled, ReLU as a large diamond. */
export function pdVsLossSpec(rows: readonly ReportRow[]): TopLevelSpec {
  const x = { field: 'logLoss', type: 'quantitative', title: 'log loss (left is more accurate)', scale: { zero: false } } as const;
  const y = { field: 'pd', type: 'quantitative', title: `${plottedPd(rows).title} (lower is more reproducible)`, scale: { zero: false } } as const;
  const points = chartPoints(rows);
  const color = familyColour(rows, points);
  return {
    width: 560,
    height: 380,
    data: { values: points },
    layer: [
      { name: 'pd_interval', mark: { type: 'rule', opacity: 0.6 }, encoding: { x, y: { ...y, field: 'pdLow' }, y2: { field: 'pdHigh' }, color } },
      { name: 'loss_interval', mark: { type: 'rule', opacity: 0.6 }, encoding: { x: { ...x, field: 'logLossLow' }, x2: { field: 'logLossHigh' }, y, color } },
      {
        name: 'points',
        mark: { type: 'point', filled: true, opacity: 1 },
        encoding: {
          x,
          y,
          color,
          shape: { condition: { test: IS_RELU, value: 'diamond' }, value: 'circle' },
          size: { condition: { test: IS_RELU, value: 220 }, value: 70 },
        },
      },
      {
        name: 'labels',
        mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 11 },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  };
}
