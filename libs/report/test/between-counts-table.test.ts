import { describe, expect, it } from 'vitest';
import { betweenCountsTextTable, htmlReport, markdownReport, type BetweenCountsRow } from '../src/index.js';
import { sweepRows } from './fixtures.js';

const spread = (mean: number) => ({ mean, std: mean / 10, ci95: [mean * 0.8, mean * 1.2] as [number, number] });
const between: BetweenCountsRow[] = [
  { activation: 'relu', order: 'replay', shuffle: 'full', replicas: 4, workers: [1, 2], pd: { relative: spread(0.04), absolute: spread(0.01), top1: spread(0.02) } },
  { activation: 'smelu:1', order: 'replay', shuffle: 'full', replicas: 4, workers: [2, 4], pd: { relative: spread(0.03), absolute: spread(0.01), top1: spread(0.01) } },
];

describe('PD between worker counts in the report', () => {
  it('lays out one row per setting and pair of counts, relative PD for binary models', () => {
    const table = betweenCountsTextTable(between);
    expect(table.head).toEqual(['workers', 'activation', 'order', 'shuffle', 'replicas', 'relative PD', 'top-1 PD']);
    expect(table.body.map((r) => r.slice(0, 5))).toEqual([
      ['1 vs 2', 'relu', 'replay', 'full', '4'],
      ['2 vs 4', 'smelu:1', 'replay', 'full', '4'],
    ]);
    expect(table.body[0]![5]).toMatch(/^0\.04/);
  });

  it('shows L1 PD for multi-class rows', () => {
    const multi: BetweenCountsRow[] = [{ activation: 'relu', workers: [1, 2], pd: { l1: spread(0.02), top1: spread(0.01) } }];
    expect(betweenCountsTextTable(multi).head).toContain('L1 PD');
  });

  it('adds a section to the HTML and Markdown reports only when there are such rows', async () => {
    const input = { title: 'sweep', rows: sweepRows() };
    expect(await htmlReport(input)).not.toContain('between-worker-counts');
    expect(markdownReport(input)).not.toContain('PD between worker counts');
    const html = await htmlReport({ ...input, betweenWorkerCounts: between });
    expect(html.match(/<table data-table="between-worker-counts">/g)).toHaveLength(1);
    expect(html).toContain('<td>2 vs 4</td>');
    expect(markdownReport({ ...input, betweenWorkerCounts: between })).toContain('| 1 vs 2 | relu | replay | full | 4 |');
  });

  it('leaves out the chart against the worker count when every row has the same count', async () => {
    const oneCount = sweepRows().filter((r) => r.workers === 2);
    expect(await htmlReport({ title: 'one count', rows: oneCount })).not.toContain('data-chart="pd-vs-workers"');
    expect(await htmlReport({ title: 'counts', rows: sweepRows() })).toContain('data-chart="pd-vs-workers"');
  });
});
