import type { Command } from 'commander';
import { readCompareFile } from '@churnlab/experiment';
import { writeReportFiles } from '../report-files.js';

interface ReportFlags {
  json?: boolean;
  verbose?: boolean;
}

/** `churnlab report DIR`: the HTML, Markdown and CSV report of a comparison's output directory. */
export function reportCommand(program: Command): void {
  program
    .command('report')
    .description('write report.html (self-contained, with charts), report.md, report.csv and, with several worker counts, report-between-workers.csv for the output directory of compare or sweep')
    .argument('<dir>', 'output directory of churnlab compare or sweep (holds results.json)')
    .option('--json', 'print one JSON document on stdout and nothing else there')
    .option('--verbose', 'show stack traces on errors')
    .action(async (dir: string, flags: ReportFlags) => {
      const html = await writeReportFiles(dir, readCompareFile(dir));
      process.stdout.write(flags.json ? JSON.stringify({ report: html }) + '\n' : `report ${html}\n`);
    });
}
