import type { CompareFile } from '@churnlab/experiment';
import type { ReportInput } from '@churnlab/report';
import { ratiosToBaseline } from './baseline-ratios.js';

/** The report's view of a comparison or sweep: one row per setting (activation, worker count, order, shuffle), with its PD against ReLU's. */
export function reportInputFrom(file: CompareFile, title: string): ReportInput {
  const ratios = ratiosToBaseline(file.results);
  return {
    title,
    ...(file.command ? { commands: [file.command] } : {}),
    rows: file.results.map(({ activation, workers, order, shuffle, replicas, pd, metrics }, i) => ({
      activation,
      workers,
      order,
      shuffle,
      replicas,
      pd,
      metrics,
      ...(ratios[i] && { againstBaseline: ratios[i] }),
    })),
    betweenWorkerCounts: file.betweenWorkerCounts,
  };
}
