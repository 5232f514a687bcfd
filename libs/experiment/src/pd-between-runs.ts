import { pdReport, type PdReport } from '@churnlab/metrics';
import { ConfigError } from './config-error.js';
import { readRunDirectory } from './run-directory.js';

/** PD metrics between two run directories evaluated on the same examples. */
export function pdBetweenRuns(dirA: string, dirB: string): PdReport {
  const [a, b] = [readRunDirectory(dirA), readRunDirectory(dirB)];
  if (a.metrics.evalExamples !== b.metrics.evalExamples || a.metrics.outputs !== b.metrics.outputs) {
    throw new ConfigError(
      `${dirB}: evaluated ${b.metrics.evalExamples} examples × ${b.metrics.outputs} outputs, but ${dirA} evaluated ${a.metrics.evalExamples} × ${a.metrics.outputs}; PD needs the same evaluation set`,
    );
  }
  const [hashA, hashB] = [a.metrics.evalSha256, b.metrics.evalSha256];
  if (hashA !== undefined && hashB !== undefined && hashA !== hashB) {
    throw new ConfigError(`${dirB}: evaluated other examples than ${dirA} (evalSha256 ${hashB.slice(0, 12)}… against ${hashA.slice(0, 12)}…); PD needs the same evaluation set`);
  }
  return pdReport([a.predictions, b.predictions], a.metrics.outputs);
}
