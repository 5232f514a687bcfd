import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { csvReport } from './csv-report.js';
import { htmlReport } from './html-report.js';
import { markdownReport } from './markdown-report.js';
import type { ReportInput } from './report-input.js';

/** The paths of the three files writeReport writes. */
export interface ReportFiles {
  html: string;
  markdown: string;
  csv: string;
}

/** Writes report.html, report.md and report.csv into `dir` (created when missing) and returns their paths. */
export async function writeReport(dir: string, input: ReportInput): Promise<ReportFiles> {
  const files = { html: path.join(dir, 'report.html'), markdown: path.join(dir, 'report.md'), csv: path.join(dir, 'report.csv') };
  const html = await htmlReport(input);
  await mkdir(dir, { recursive: true });
  await Promise.all([writeFile(files.html, html), writeFile(files.markdown, markdownReport(input)), writeFile(files.csv, csvReport(input))]);
  return files;
}
