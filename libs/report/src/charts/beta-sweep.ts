import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import { plottedPd } from '../measures.js';
import type { ReportRow } from '../report-input.js';
import { chartPoints } from './chart-points.js';
import { familyColour, seriesLines } from './family-colour.js';

/**
 * PD and log loss against β, side by side, one line per activation family with a β (smelu, gsmelu, swish, softplus)
 * and per other varying setting, coloured by family as in the report's other charts; rows without β are left out.
 */
export function betaSweepSpec(rows: readonly ReportRow[]): TopLevelSpec {
  const points = chartPoints(rows).filter((point) => point.beta !== null);
  const encoding = { color: familyColour(rows, points), lines: seriesLines(points, 'betaSeries') };
  return {
    data: { values: points },
    hconcat: [panel({ prefix: 'pd', field: 'pd', title: plottedPd(rows).title }, encoding), panel({ prefix: 'loss', field: 'logLoss', title: 'log loss' }, encoding)],
  };
}

interface PanelEncoding {
  color: ReturnType<typeof familyColour>;
  lines: ReturnType<typeof seriesLines>;
}

function panel({ prefix, field, title }: { prefix: string; field: 'pd' | 'logLoss'; title: string }, { color, lines }: PanelEncoding): LayerSpec<Field> {
  const x = { field: 'beta', type: 'quantitative', title: 'β', scale: { zero: false } } as const;
  const y = { field, type: 'quantitative', title, scale: { zero: false } } as const;
  return {
    width: 300,
    height: 260,
    layer: [
      { name: `${prefix}_interval`, mark: { type: 'rule', opacity: 0.6 }, encoding: { x, y: { ...y, field: `${field}Low` }, y2: { field: `${field}High` }, color } },
      { name: `${prefix}_lines`, mark: 'line', encoding: { x, y, color, ...lines } },
      { name: `${prefix}_points`, mark: { type: 'point', filled: true, opacity: 1 }, encoding: { x, y, color } },
    ],
  };
}
