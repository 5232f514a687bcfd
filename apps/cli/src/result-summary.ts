import { configWithoutSecrets, writeCompareFile, type ActivationResult, type CompareFile, type CompareResult, type Config } from '@churnlab/experiment';
import { redactUrlsIn } from '@churnlab/transport';
import { betweenCountsTable, compareTable } from '@churnlab/report';
import { baselineRatios } from './baseline-ratios.js';
import { writeReportFiles } from './report-files.js';

/** The terminal summary of a comparison or sweep: the PD table, PD between worker counts when there are several, and where the results went. */
export function resultSummary(result: CompareResult, out: string, report: string): string {
  const between = result.betweenWorkerCounts.length > 0 ? `\nPD between worker counts (every pair of one replica from each):\n${betweenCountsTable(result.betweenWorkerCounts)}\n` : '';
  return `${compareTable(result.results)}\nPD: mean ± std over replica pairs (– for a single pair, as 2 replicas make); accuracy: mean ± std over replicas.\n${baselineRatios(result.results)}${singlePairAdvice(result.results)}${between}results in ${out}\nreport ${report}\n`;
}

/**
 * A warning under the table when a row's PD is not zero yet rests on one pair of replicas: with 2 replicas in `async`,
 * ReLU on the embedded data gave 0.035, 0.037, 0.043, 0.115 and 0.162 in five invocations, so one pair cannot rank activations.
 */
function singlePairAdvice(results: ActivationResult[]): string {
  const pairRows = results.filter((row) => row.replicas === 2);
  const unsure = pairRows.some((row) => Object.values(row.pd).some((pd) => pd !== undefined && pd.mean > 0));
  if (!unsure) return '';
  const which = pairRows.length === results.length ? 'One pair of replicas per row: its PD' : 'One pair of replicas in each row of 2 replicas: their PD';
  return `${which} can differ several-fold between runs of the same command, too much to rank activations by; train more replicas for a spread (--replicas 4 or more; docs/results.md used 4 and 8).\n`;
}

/** Writes a comparison's or sweep's results.json and report into `out`, then prints the JSON document or the summary. */
export async function publishResults(kind: CompareFile['kind'], config: Config, result: CompareResult, out: string, json: boolean | undefined): Promise<void> {
  const file: CompareFile = { kind, config: configWithoutSecrets(config), command: commandLine(), ...result };
  writeCompareFile(out, file);
  const report = await writeReportFiles(out, file);
  process.stdout.write(json ? JSON.stringify({ out, report, ...result }) + '\n' : resultSummary(result, out, report));
}

/** The command line as typed, for the report to show how its numbers were made; credentials in server URLs masked. */
function commandLine(): string {
  return redactUrlsIn(['churnlab', ...process.argv.slice(2)].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' '));
}
