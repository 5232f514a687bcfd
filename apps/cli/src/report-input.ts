import type { CompareFile } from '@churnlab/experiment';
import type { ReportInput } from '@churnlab/report';

/** The report's view of a comparison or sweep: one row per setting (activation, worker count, order, shuffle), with its PD against ReLU's. */
export function reportInputFrom(file: CompareFile, title: string): ReportInput {
  return {
    title,
    ...(file.command ? { commands: [file.command] } : {}),
    rows: file.results.map(({ activation, workers, order, shuffle, replicas, pd, metrics, againstBaseline }) => ({
      activation,
      workers,
      order,
      shuffle,
      replicas,
      pd,
      metrics,
      ...(againstBaseline && { againstBaseline }),
    })),
    betweenWorkerCounts: file.betweenWorkerCounts,
  };
}
