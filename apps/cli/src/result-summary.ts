import type { CompareResult } from '@churnlab/experiment';
import { betweenCountsTable, compareTable } from '@churnlab/report';

/** The terminal summary of a comparison or sweep: the PD table, PD between worker counts when there are several, and where the results went. */
export function resultSummary(result: CompareResult, out: string, report: string): string {
  const between = result.betweenWorkerCounts.length > 0 ? `\nPD between worker counts (every pair of one replica from each):\n${betweenCountsTable(result.betweenWorkerCounts)}\n` : '';
  return `${compareTable(result.results)}\nPD: mean ± std over replica pairs; accuracy: mean ± std over replicas.\n${between}results in ${out}\nreport ${report}\n`;
}

/** The command line as typed, for the report to show how its numbers were made. */
export function commandLine(): string {
  return ['churnlab', ...process.argv.slice(2)].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}
