import { describe, expect, it } from 'vitest';
import { pdVsWorkersSpec, renderSvg } from '../src/index.js';
import { binaryRow, sweepRows } from './fixtures.js';
import { countMarks } from './svg-marks.js';

describe('pdVsWorkersSpec', () => {
  it('draws one line per activation and a point with its interval per row', async () => {
    expect(countMarks(await renderSvg(pdVsWorkersSpec(sweepRows())))).toEqual({ pd_interval: 18, lines: 6, points: 18 });
  });

  it('draws a separate line for each update order when the order varies', async () => {
    const rows = [1, 2].flatMap((workers) => ['sync', 'async'].flatMap((order) => ['relu', 'smelu:1'].map((a) => binaryRow(a, workers, 0.1 * workers, 0.45, { order }))));
    const svg = await renderSvg(pdVsWorkersSpec(rows));
    expect(countMarks(svg)).toEqual({ pd_interval: 8, lines: 4, points: 8 });
    for (const series of ['relu · sync', 'relu · async', 'smelu:1 · sync', 'smelu:1 · async']) expect(svg).toContain(`>${series}</text>`);
  });

  it('draws a separate line for each replica count, so that means of 2 and 3 replicas are not joined', async () => {
    const rows = [1, 2].flatMap((workers) => [2, 3].flatMap((replicas) => ['relu', 'smelu:1'].map((a) => binaryRow(a, workers, 0.1 * workers + 0.01 * replicas, 0.45, { replicas }))));
    const svg = await renderSvg(pdVsWorkersSpec(rows));
    expect(countMarks(svg)).toEqual({ pd_interval: 8, lines: 4, points: 8 });
    for (const series of ['relu · 2 replicas', 'relu · 3 replicas', 'smelu:1 · 2 replicas', 'smelu:1 · 3 replicas']) expect(svg).toContain(`>${series}</text>`);
  });

  it('names every line in full in its legend, however long the spec', async () => {
    const long = ['gsmelu:alpha=1,beta=2,gneg=0,gpos=1,t=0', 'gsmelu:alpha=1,beta=3,gneg=0,gpos=1,t=0'];
    const rows = [1, 2].flatMap((workers) => long.flatMap((a) => [binaryRow(a, workers, 0.1, 0.45, { order: 'sync' }), binaryRow(a, workers, 0.2, 0.45)]));
    const svg = await renderSvg(pdVsWorkersSpec(rows));
    for (const spec of long) expect(svg).toContain(`>${spec} · async</text>`);
    expect(svg).not.toContain('…</text>');
  });

  it('draws ReLU with the thicker line', async () => {
    const svg = await renderSvg(pdVsWorkersSpec([1, 2].flatMap((w) => [binaryRow('relu', w, 0.15, 0.45), binaryRow('smelu:1', w, 0.1, 0.44)])));
    const widths = [...svg.matchAll(/aria-roledescription="line mark" d="[^"]*" stroke="[^"]*" stroke-width="([\d.]+)"/g)].map(([, w]) => Number(w));
    expect(widths).toHaveLength(2);
    const reluLine = svg.match(/activation: relu;[^"]*" role="graphics-symbol" aria-roledescription="line mark" d="[^"]*" stroke="[^"]*" stroke-width="([\d.]+)"/)!;
    expect(Number(reluLine[1])).toBe(Math.max(...widths));
    expect(Math.min(...widths)).toBeLessThan(Math.max(...widths));
  });
});
