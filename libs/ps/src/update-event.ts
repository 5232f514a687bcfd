/** One applied update, as written to events.jsonl. */
export interface UpdateEvent {
  step: number;
  worker: number;
  /** Parameter version the worker computed its gradient at. */
  versionRead: number;
  /** Version this update produced. */
  version: number;
  /** Updates applied between the worker's read and this one. */
  staleness: number;
  /**
   * The update's place in the order the server used: its apply position (version − 1) in `async`, `ssp` and `replay`;
   * its arrival rank within the step in `sync-arrival`; its worker's place in the fixed reduction tree in `sync`.
   */
  orderKey: number;
  /** The server shard that applied it, when shards apply updates in different orders; absent means every shard at once. */
  shard?: number;
}
