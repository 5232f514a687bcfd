import type { CompareFile } from '@churnlab/experiment';
import type { ReportInput } from '@churnlab/report';

/** The report's view of a comparison: one row per activation and worker count, labelled with the run's order and shuffle. */
export function reportInputFrom(file: CompareFile, title = 'churnlab compare'): ReportInput {
  const { order, shuffle } = file.config.training;
  return {
    title,
    ...(file.command ? { commands: [file.command] } : {}),
    rows: file.results.map((r) => ({ activation: r.activation, workers: r.workers, order, shuffle, replicas: r.replicas, pd: r.pd, metrics: r.metrics })),
  };
}
