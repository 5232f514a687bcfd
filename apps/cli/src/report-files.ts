import path from 'node:path';
import { writeFileAtomically, type CompareFile } from '@churnlab/experiment';
import { renderReport } from '@churnlab/report';
import { reportInputFrom } from './report-input.js';

/** Renders the report of a comparison or sweep into `dir` (each file written atomically) and returns the HTML page's path. */
export async function writeReportFiles(dir: string, file: CompareFile): Promise<string> {
  const rendered = await renderReport(reportInputFrom(file, `churnlab ${file.kind}`));
  for (const [name, text] of Object.entries(rendered)) writeFileAtomically(path.join(dir, name), text);
  return path.join(dir, 'report.html');
}
