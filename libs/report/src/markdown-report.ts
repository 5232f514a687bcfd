import type { ReportInput } from './report-input.js';
import { betweenCountsTextTable } from './between-counts-table.js';
import { SPREAD_NOTE } from './measures.js';
import { baselineNote, baselineOf, reportTable, type TextTable } from './report-table.js';

/** The report as Markdown: title, date, the table of every number (GitHub pipe table) and the commands that produced it. */
export function markdownReport(input: ReportInput): string {
  const table = reportTable(input.rows);
  const baseline = baselineOf(input.rows);
  const lines = [`# ${markdownText(input.title)}`, ''];
  if (input.generatedAt) lines.push(`Generated ${markdownText(input.generatedAt)}.`, '');
  lines.push(
    '## Every number',
    '',
    markdownText(SPREAD_NOTE),
    '',
    ...(baseline ? [markdownText(baselineNote(baseline)), ''] : []),
    ...pipeTable(table),
  );
  if (input.betweenWorkerCounts?.length) {
    const between = betweenCountsTextTable(input.betweenWorkerCounts);
    lines.push('', '## PD between worker counts', '', 'Every pair of one replica trained with each of two worker counts, otherwise the same setting.', '', ...pipeTable(between));
  }
  if (input.commands?.length) lines.push('', '## Commands', '', ...codeBlock(input.commands));
  return lines.join('\n') + '\n';
}

function pipeTable(table: TextTable): string[] {
  return [tableRow(table.head), tableRow(table.numeric.map((numeric) => (numeric ? '---:' : '---'))), ...table.body.map(tableRow)];
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(markdownText).join(' | ')} |`;
}

// Escapes what Markdown would read as syntax or inline HTML, and keeps a value on one line so it cannot break the table.
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}

// A fence longer than any run of backticks inside, so that no command can close the block early.
function codeBlock(lines: readonly string[]): string[] {
  const longest = Math.max(2, ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}sh`, ...lines, fence];
}
