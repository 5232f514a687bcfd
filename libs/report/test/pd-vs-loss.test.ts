import { describe, expect, it } from 'vitest';
import { pdVsLossSpec, renderSvg } from '../src/index.js';
import { binaryRow, multiClassRow, sweepRows } from './fixtures.js';
import { countMarks } from './svg-marks.js';

describe('pdVsLossSpec', () => {
  it('draws one point, one label and an interval in PD and in log loss per row', async () => {
    expect(countMarks(await renderSvg(pdVsLossSpec(sweepRows())))).toEqual({ pd_interval: 18, loss_interval: 18, points: 18, labels: 18 });
  });

  it('draws no interval for a measure over a single pair or replica, which has no spread', async () => {
    const single = binaryRow('relu', 1, 0.15, 0.45, { replicas: 2 });
    single.pd.relative = { mean: 0.15, std: null, ci95: null, n: 1 };
    // As older results.json files have it: a std of 0 and a zero-width interval with n 1.
    single.metrics.logLoss = { mean: 0.45, std: 0, ci95: [0.45, 0.45], n: 1 };
    const marks = countMarks(await renderSvg(pdVsLossSpec([single, binaryRow('smelu:1', 1, 0.1, 0.44)])));
    expect(marks).toEqual({ pd_interval: 1, loss_interval: 1, points: 2, labels: 2 });
  });

  it('labels each point with its activation and the settings that vary', async () => {
    const svg = await renderSvg(pdVsLossSpec([binaryRow('relu', 1, 0.15, 0.45), binaryRow('smelu:1', 4, 0.1, 0.44)]));
    expect(svg).toContain('>relu · 1 worker</text>');
    expect(svg).toContain('>smelu:1 · 4 workers</text>');
  });

  it('highlights ReLU as the one large diamond among circles', async () => {
    const svg = await renderSvg(pdVsLossSpec([binaryRow('relu', 1, 0.15, 0.45), binaryRow('smelu:1', 1, 0.1, 0.44), binaryRow('gelu', 1, 0.09, 0.44)]));
    const group = svg.match(/<g class="mark-symbol role-mark points_marks"[^>]*>(.*?)<\/g>/s)![1]!;
    const points = [...group.matchAll(/activation: ([^"]+)"[^>]* d="M(-?[\d.]+),0([LA])/g)].map(([, family, start, segment]) => ({ family, size: Math.abs(Number(start)), diamond: segment === 'L' }));
    expect(points.map((p) => [p.family, p.diamond])).toEqual([['relu', true], ['smelu', false], ['gelu', false]]);
    expect(points[0]!.size).toBeGreaterThan(1.5 * points[1]!.size);
  });

  it('names the plotted PD on the axis: relative for binary, L1 for multi-class', async () => {
    expect(await renderSvg(pdVsLossSpec([binaryRow('relu', 1, 0.15, 0.45)]))).toContain('relative PD (lower is more reproducible)');
    expect(await renderSvg(pdVsLossSpec([multiClassRow('relu', 1, 0.2, 0.3)]))).toContain('L1 PD (lower is more reproducible)');
  });
});
