import type { TopLevelSpec } from 'vega-lite';
import { activationFamily } from './activation-family.js';
import { betaSweepSpec } from './charts/beta-sweep.js';
import { pdVsLossSpec } from './charts/pd-vs-loss.js';
import { pdVsWorkersSpec } from './charts/pd-vs-workers.js';
import { renderSvg } from './render-svg.js';
import type { ReportInput, ReportRow } from './report-input.js';
import { baselineNote, baselineOf, reportTable, type TextTable } from './report-table.js';
import { betweenCountsTextTable } from './between-counts-table.js';
import { SPREAD_NOTE } from './measures.js';

interface Chart {
  id: string;
  heading: string;
  caption: string;
  spec: TopLevelSpec;
}

// No script, no external resource: the policy makes the browser refuse (and report) anything that would need the network.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
figure { margin: 1.5rem 0; overflow-x: auto; }
figcaption { color: #555; max-width: 48rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; white-space: nowrap; }
td.num { text-align: right; }
pre { background: #f5f5f5; padding: 0.6rem; overflow-x: auto; }
`;

/** The self-contained HTML report: the charts as inline SVG, the table of every number and the commands; it opens offline, without script. */
export async function htmlReport(input: ReportInput): Promise<string> {
  if (input.rows.length === 0) throw new Error('a report needs at least one row');
  const figures = await Promise.all(charts(input.rows).map(async (chart) => figure(chart, await renderSvg(chart.spec))));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(input.title)}</h1>`,
    input.generatedAt ? `<p>Generated ${escapeHtml(input.generatedAt)}.</p>` : '',
    `<p>PD (prediction difference) measures how much replicas trained the same way disagree on held-out examples. ${escapeHtml(SPREAD_NOTE)}</p>`,
    ...figures,
    '<h2>Every number</h2>',
    ...baselineHtml(baselineOf(input.rows)),
    tableHtml(reportTable(input.rows), 'numbers'),
    ...betweenCountsHtml(input),
    ...commandsHtml(input.commands ?? []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function baselineHtml(baseline: string | undefined): string[] {
  return baseline ? [`<p>${escapeHtml(baselineNote(baseline))}</p>`] : [];
}

function charts(rows: readonly ReportRow[]): Chart[] {
  const list: Chart[] = [
    { id: 'pd-vs-loss', heading: 'PD against log loss', caption: 'One point per setting; lower is more reproducible, left is more accurate. ReLU, the baseline, is the large diamond.', spec: pdVsLossSpec(rows) },
  ];
  // A line against the worker count needs more than one count.
  if (new Set(rows.map((row) => row.workers)).size > 1) {
    list.push({ id: 'pd-vs-workers', heading: 'PD against worker count', caption: 'One line per activation; ReLU is the thick line.', spec: pdVsWorkersSpec(rows) });
  }
  if (sweepsBeta(rows)) {
    list.push({ id: 'beta-sweep', heading: 'PD and log loss against β', caption: 'One line per activation family that has a β; larger β is smoother for SmeLU and closer to ReLU for Swish and Softplus. Activations without β are left out.', spec: betaSweepSpec(rows) });
  }
  return list;
}

/** Whether some activation family was trained at two or more β: a chart against β has nothing to draw a line through otherwise. */
function sweepsBeta(rows: readonly ReportRow[]): boolean {
  const betas = new Map<string, Set<number>>();
  for (const { family, beta } of rows.map((row) => activationFamily(row.activation))) {
    if (beta !== undefined) betas.set(family, (betas.get(family) ?? new Set()).add(beta));
  }
  return [...betas.values()].some((values) => values.size > 1);
}

function figure(chart: Chart, svg: string): string {
  return [
    `<h2>${escapeHtml(chart.heading)}</h2>`,
    `<figure data-chart="${escapeHtml(chart.id)}">`,
    svg,
    `<figcaption>${escapeHtml(chart.caption)}</figcaption>`,
    '</figure>',
  ].join('\n');
}

function betweenCountsHtml(input: ReportInput): string[] {
  if (!input.betweenWorkerCounts?.length) return [];
  return [
    '<h2>PD between worker counts</h2>',
    '<p>Every pair of one replica trained with each of two worker counts, otherwise the same setting.</p>',
    tableHtml(betweenCountsTextTable(input.betweenWorkerCounts), 'between-worker-counts'),
  ];
}

function tableHtml(table: TextTable, name: string): string {
  const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${tag === 'td' && table.numeric[i] ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<thead><tr>${table.head.map((text, i) => cell('th', text, i)).join('')}</tr></thead>`;
  const body = table.body.map((cells) => `<tr>${cells.map((text, i) => cell('td', text, i)).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table data-table="${name}">\n${head}\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function commandsHtml(commands: readonly string[]): string[] {
  return commands.length > 0 ? ['<h2>Commands</h2>', `<pre>${commands.map(escapeHtml).join('\n')}</pre>`] : [];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
