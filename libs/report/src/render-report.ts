import { csvReport } from './csv-report.js';
import { htmlReport } from './html-report.js';
import { markdownReport } from './markdown-report.js';
import type { ReportInput } from './report-input.js';

/** The report's files by name: the HTML page, its Markdown twin and the CSV of every number. */
export interface RenderedReport {
  'report.html': string;
  'report.md': string;
  'report.csv': string;
}

/** Renders the three report files; writing them (atomically) is the caller's job. */
export async function renderReport(input: ReportInput): Promise<RenderedReport> {
  return { 'report.html': await htmlReport(input), 'report.md': markdownReport(input), 'report.csv': csvReport(input) };
}
