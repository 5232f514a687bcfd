import { csvBetweenCounts, csvReport } from './csv-report.js';
import { htmlReport } from './html-report.js';
import { markdownReport } from './markdown-report.js';
import type { ReportInput } from './report-input.js';

/**
 * The report's files by name: the HTML page, its Markdown twin, the CSV of every setting's numbers and, when there are
 * several worker counts, the CSV of the PD between them.
 */
export interface RenderedReport {
  'report.html': string;
  'report.md': string;
  'report.csv': string;
  'report-between-workers.csv'?: string;
}

/** Renders the report files; writing them (atomically) is the caller's job. */
export async function renderReport(input: ReportInput): Promise<RenderedReport> {
  const between = input.betweenWorkerCounts ?? [];
  return {
    'report.html': await htmlReport(input),
    'report.md': markdownReport(input),
    'report.csv': csvReport(input),
    ...(between.length > 0 ? { 'report-between-workers.csv': csvBetweenCounts(between) } : {}),
  };
}
