/** Which training rows every step uses. */
export interface BatchSource {
  readonly batchSize: number;
  readonly steps: number;
  /** The row indices of step `step`'s batch, in order. */
  rowsForStep(step: number): Uint32Array;
}

/** Splits a step's batch into `microShards` contiguous parts: part j holds rows [⌊jB/M⌋, ⌊(j+1)B/M⌋). */
export function splitMicroShards(rows: Uint32Array, microShards: number): Uint32Array[] {
  if (!Number.isInteger(microShards) || microShards < 1 || microShards > rows.length) {
    throw new RangeError(`microShards: ${microShards} is not allowed; expected an integer from 1 to the batch of ${rows.length} rows`);
  }
  return Array.from({ length: microShards }, (_, j) =>
    rows.subarray(Math.floor((j * rows.length) / microShards), Math.floor(((j + 1) * rows.length) / microShards)),
  );
}
