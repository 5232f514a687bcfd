import type { CompareFile } from '@churnlab/experiment';
import type { ReportInput } from '@churnlab/report';

/** The report's view of a comparison or sweep: one row per setting (activation, worker count, order, shuffle). */
export function reportInputFrom(file: CompareFile, title: string): ReportInput {
  return {
    title,
    ...(file.command ? { commands: [file.command] } : {}),
    rows: file.results.map(({ activation, workers, order, shuffle, replicas, pd, metrics }) => ({ activation, workers, order, shuffle, replicas, pd, metrics })),
    betweenWorkerCounts: file.betweenWorkerCounts,
  };
}
