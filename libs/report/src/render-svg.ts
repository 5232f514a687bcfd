import type { TopLevelSpec } from 'vega-lite';

/**
 * Legend labels in full: vega cuts them at 160 px by default, which turned the β = 2 and β = 3 lines of one gsmelu
 * family into the same "gsmelu:alpha=1,bet…", the very part that tells them apart.
 */
const LEGEND_LABEL_LIMIT_PX = 1000;

/** A vega-lite chart rendered to an SVG document without a browser, ready to inline into HTML. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on the first chart: vega and vega-lite take about 0.4 s of CPU, which every command that draws no chart
  // (train, --help, any refused input) would pay at start otherwise.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const config = { ...spec.config, legend: { labelLimit: LEGEND_LABEL_LIMIT_PX, ...spec.config?.legend } };
  const view = new vega.View(vega.parse(compile({ ...spec, config } as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
