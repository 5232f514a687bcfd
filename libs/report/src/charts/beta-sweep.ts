import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import { plottedPd } from '../measures.js';
import type { ReportRow } from '../report-input.js';
import { chartPoints } from './chart-points.js';

/** PD and log loss against β, side by side, one line per activation family with a β (smelu, gsmelu, swish, softplus); rows without β are left out. */
export function betaSweepSpec(rows: readonly ReportRow[]): TopLevelSpec {
  return {
    data: { values: chartPoints(rows).filter((point) => point.beta !== null) },
    hconcat: [panel({ prefix: 'pd', field: 'pd', title: plottedPd(rows).title }), panel({ prefix: 'loss', field: 'logLoss', title: 'log loss' })],
  };
}

function panel({ prefix, field, title }: { prefix: string; field: 'pd' | 'logLoss'; title: string }): LayerSpec<Field> {
  const x = { field: 'beta', type: 'quantitative', title: 'β', scale: { zero: false } } as const;
  const y = { field, type: 'quantitative', title, scale: { zero: false } } as const;
  const color = { field: 'betaSeries', type: 'nominal', title: 'activation' } as const;
  return {
    width: 300,
    height: 260,
    layer: [
      { name: `${prefix}_interval`, mark: { type: 'rule', opacity: 0.6 }, encoding: { x, y: { ...y, field: `${field}Low` }, y2: { field: `${field}High` }, color } },
      { name: `${prefix}_lines`, mark: 'line', encoding: { x, y, color } },
      { name: `${prefix}_points`, mark: { type: 'point', filled: true, opacity: 1 }, encoding: { x, y, color } },
    ],
  };
}
