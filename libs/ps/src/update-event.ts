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
}
