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
  return pdReport([a.predictions, b.predictions], a.metrics.outputs);
}
