import type { ReportRow } from './report-input.js';

/** A training setting besides the activation that can differ between the rows of one report. */
export type Setting = 'workers' | 'order' | 'shuffle' | 'replicas';

const settingText: Record<Setting, (row: ReportRow) => string> = {
  workers: (row) => `${row.workers} worker${row.workers === 1 ? '' : 's'}`,
  order: (row) => row.order,
  shuffle: (row) => `shuffle ${row.shuffle ?? '–'}`,
  replicas: (row) => `${row.replicas} replicas`,
};

/** The settings whose value differs between rows, in display order: the only ones a chart label needs to name. */
export function varyingSettings(rows: readonly ReportRow[]): Setting[] {
  return (Object.keys(settingText) as Setting[]).filter((setting) => new Set(rows.map(settingText[setting])).size > 1);
}

/** `name` followed by the row's value of each of `settings`, e.g. 'smelu:1 · 4 workers · async'. */
export function rowLabel(name: string, row: ReportRow, settings: readonly Setting[]): string {
  return [name, ...settings.map((setting) => settingText[setting](row))].join(' · ');
}
