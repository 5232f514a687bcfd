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

  it('draws ReLU with the thicker line', async () => {
    const svg = await renderSvg(pdVsWorkersSpec([1, 2].flatMap((w) => [binaryRow('relu', w, 0.15, 0.45), binaryRow('smelu:1', w, 0.1, 0.44)])));
    const widths = [...svg.matchAll(/aria-roledescription="line mark" d="[^"]*" stroke="[^"]*" stroke-width="([\d.]+)"/g)].map(([, w]) => Number(w));
    expect(widths).toHaveLength(2);
    const reluLine = svg.match(/activation: relu;[^"]*" role="graphics-symbol" aria-roledescription="line mark" d="[^"]*" stroke="[^"]*" stroke-width="([\d.]+)"/)!;
    expect(Number(reluLine[1])).toBe(Math.max(...widths));
    expect(Math.min(...widths)).toBeLessThan(Math.max(...widths));
  });
});
