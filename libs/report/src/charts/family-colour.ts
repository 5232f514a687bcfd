import { activationFamily } from '../activation-family.js';
import type { ReportRow } from '../report-input.js';
import type { ChartPoint } from './chart-points.js';

/** vega's default categorical scheme (tableau10), given out here by hand so that a family keeps its colour across charts. */
const PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

/**
 * The colour encoding of a chart of `points`: one colour per activation family, numbered over all of the report's
 * `rows` (ReLU, the baseline, first; the others in the order the rows first name them), so that a family has the same
 * colour in every chart, also in one that plots only some of the rows. The legend lists the families `points` has.
 */
export function familyColour(rows: readonly ReportRow[], points: readonly ChartPoint[]) {
  const colours = familyColours(rows);
  const plotted = [...colours.keys()].filter((family) => points.some((point) => point.family === family));
  return { field: 'family', type: 'nominal', title: 'activation', scale: { domain: plotted, range: plotted.map((family) => colours.get(family)!) } } as const;
}

/** Each family of `rows` with its colour: ReLU first, then in the order of first appearance. */
export function familyColours(rows: readonly ReportRow[]): Map<string, string> {
  const families = [...new Set(rows.map((row) => activationFamily(row.activation).family))];
  const ordered = [...families.filter((family) => family === 'relu'), ...families.filter((family) => family !== 'relu')];
  return new Map(ordered.map((family, i) => [family, PALETTE[i % PALETTE.length]!]));
}

/**
 * The dash encoding of a chart's lines, one line per value of `series`: a dash pattern per series when some family
 * has several lines (which its colour alone cannot tell apart), else none. Either way, the lines are drawn per series.
 */
export function seriesLines(points: readonly ChartPoint[], series: 'workersSeries' | 'betaSeries') {
  const perFamily = new Map<string, Set<string>>();
  for (const point of points) (perFamily.get(point.family) ?? perFamily.set(point.family, new Set()).get(point.family)!).add(point[series]);
  const shared = [...perFamily.values()].some((lines) => lines.size > 1);
  return shared ? { strokeDash: { field: series, type: 'nominal', title: 'line' } as const } : { detail: { field: series, type: 'nominal', title: 'line' } as const };
}
