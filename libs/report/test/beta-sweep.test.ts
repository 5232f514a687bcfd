import { describe, expect, it } from 'vitest';
import { betaSweepSpec, renderSvg } from '../src/index.js';
import { binaryRow, sweepRows } from './fixtures.js';
import { countMarks } from './svg-marks.js';

describe('betaSweepSpec', () => {
  it('plots PD and log loss against β for the rows with a β, one line per family and worker count', async () => {
    // 12 of the 18 sweep rows have a β (smelu:0.5, smelu:1, smelu:2, gsmelu beta=2 at 3 worker counts); 2 families × 3 worker counts = 6 lines.
    const counts = countMarks(await renderSvg(betaSweepSpec(sweepRows())));
    expect(counts).toEqual({ pd_interval: 12, pd_lines: 6, pd_points: 12, loss_interval: 12, loss_lines: 6, loss_points: 12 });
  });

  it('places the points at their β and leaves out activations without one', async () => {
    const rows = [binaryRow('relu', 1, 0.15, 0.45), binaryRow('smelu:0.5', 1, 0.13, 0.45), binaryRow('smelu:2', 1, 0.1, 0.46), binaryRow('gelu', 1, 0.09, 0.44)];
    const svg = await renderSvg(betaSweepSpec(rows));
    expect(countMarks(svg)).toEqual({ pd_interval: 2, pd_lines: 1, pd_points: 2, loss_interval: 2, loss_lines: 1, loss_points: 2 });
    expect(svg).toContain('β: 0.5; relative PD: 0.13; activation: smelu');
    expect(svg).toContain('β: 2; log loss: 0.46; activation: smelu');
    expect(svg).not.toMatch(/activation: (relu|gelu)/);
  });

  it('draws gsmelu variants that differ in more than β as lines of their own', async () => {
    const rows = ['gsmelu:alpha=1,beta=1', 'gsmelu:alpha=1,beta=2', 'gsmelu:alpha=3,beta=1,gneg=0.2', 'gsmelu:alpha=3,beta=2,gneg=0.2'].map((spec, i) => binaryRow(spec, 1, 0.1 + 0.01 * i, 0.45));
    const counts = countMarks(await renderSvg(betaSweepSpec(rows)));
    expect([counts['pd_lines'], counts['loss_lines']]).toEqual([2, 2]);
  });
});
