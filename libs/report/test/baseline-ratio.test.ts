import { describe, expect, it } from 'vitest';
import { csvReport, htmlReport, markdownReport, reportTable, type ReportRow } from '../src/index.js';
import { binaryRow } from './fixtures.js';

const rows = (): ReportRow[] => [
  binaryRow('relu', 2, 0.026, 0.45),
  binaryRow('gelu', 2, 0.006, 0.455, { againstBaseline: { baseline: 'relu', ratio: 0.2345678, ci95: [0.1234567, 0.4678912] } }),
  binaryRow('smelu:1', 2, 0.018, 0.46),
];

describe("a row's PD as a multiple of the baseline's, in the report", () => {
  it('is the column after the setting, named after the baseline, with its interval; rows without a ratio show –', () => {
    const table = reportTable(rows());
    expect(table.head.slice(4, 7)).toEqual(['replicas', 'PD ÷ relu', 'relative PD']);
    expect(table.numeric[5]).toBe(true);
    expect(table.body.map((row) => row[5])).toEqual(['–', '0.2346× (95%: 0.1235 to 0.4679)', '–']);
  });

  it('is left out, column and note, when no row has one', () => {
    const plain = rows().map(({ againstBaseline: _, ...row }) => row);
    expect(reportTable(plain).head).not.toContain('PD ÷ relu');
    expect(markdownReport({ title: 't', rows: plain })).not.toContain('replica jackknife');
    expect(csvReport({ title: 't', rows: plain })).not.toContain('pd_ratio');
  });

  it('is explained above the Markdown and HTML tables, and written at full precision to the CSV', async () => {
    const input = { title: 't', rows: rows() };
    const note = "PD ÷ relu is the row's PD as a multiple of relu's trained the same way, with a 95% interval from the replica jackknife";
    expect(markdownReport(input)).toContain(note);
    expect(markdownReport(input)).toContain('| 4 | 0.2346× (95%: 0.1235 to 0.4679) | 0.006 ±');
    const html = await htmlReport(input);
    expect(html).toContain(note.replaceAll("'", '&#39;'));
    expect(html).toContain('0.2346× (95%: 0.1235 to 0.4679)');
    const [head, relu, gelu] = csvReport(input).split('\r\n').map((line) => line.split(','));
    expect(head!.slice(-4)).toEqual(['pd_baseline', 'pd_ratio', 'pd_ratio_ci95_low', 'pd_ratio_ci95_high']);
    expect(relu!.slice(-4)).toEqual(['', '', '', '']);
    expect(gelu!.slice(-4)).toEqual(['relu', '0.2345678', '0.1234567', '0.4678912']);
  });
});
