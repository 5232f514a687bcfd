/** The runs measured for every model, in table order. */
export const entryKeys = ['churnlab1', 'churnlab2Sync', 'churnlab2Async', 'tfjsCpu', 'torch1', 'torch2'] as const;

export type EntryKey = (typeof entryKeys)[number];

/** How each run is named in the tables. */
export const entryLabels: Record<EntryKey, string> = {
  churnlab1: 'churnlab, 1 worker',
  churnlab2Sync: 'churnlab, 2 workers, sync',
  churnlab2Async: 'churnlab, 2 workers, async',
  tfjsCpu: 'tfjs CPU backend, 1 thread',
  torch1: 'PyTorch CPU, 1 thread',
  torch2: 'PyTorch CPU, 2 threads',
};

/** The run each run is compared with (its ratio is its steps/s over the baseline's); none for the tfjs CPU baseline. */
export const baselineOf: Record<EntryKey, EntryKey | undefined> = {
  churnlab1: 'tfjsCpu',
  churnlab2Sync: 'churnlab1',
  churnlab2Async: 'churnlab1',
  tfjsCpu: undefined,
  torch1: 'churnlab1',
  torch2: 'churnlab2Sync',
};
