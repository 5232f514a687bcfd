import { describe, expect, it } from 'vitest';
import { csvBetweenCounts, csvReport, markdownReport, renderReport } from '../src/index.js';
import { sweepRows } from './fixtures.js';

describe('renderReport', () => {
  it('renders report.html, report.md and report.csv', async () => {
    const input = { title: 'sweep', rows: sweepRows() };
    const files = await renderReport(input);
    expect(Object.keys(files).sort()).toEqual(['report.csv', 'report.html', 'report.md']);
    expect(files['report.html']).toMatch(/^<!doctype html>/);
    expect(files['report.md']).toBe(markdownReport(input));
    expect(files['report.csv']).toBe(csvReport(input));
  });

  it('adds report-between-workers.csv when the report has PD between worker counts', async () => {
    const betweenWorkerCounts = [{ activation: 'relu', workers: [1, 2] as [number, number], pd: { relative: { mean: 0.1, std: 0.01, ci95: [0.08, 0.12] as [number, number] }, top1: { mean: 0.02, std: 0.01, ci95: [0, 0.04] as [number, number] } } }];
    const files = await renderReport({ title: 'sweep', rows: sweepRows(), betweenWorkerCounts });
    expect(files['report-between-workers.csv']).toBe(csvBetweenCounts(betweenWorkerCounts));
  });
});
