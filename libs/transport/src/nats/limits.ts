/** Size limits that every incoming NATS message is checked against before it is decoded. */
export interface WireLimits {
  /** Largest body slice one frame carries; kept well below the server's max_payload (1 MiB by default). */
  chunkBytes: number;
  /** Largest frame accepted; anything larger is dropped unread. */
  maxFrameBytes: number;
  /** Largest run setup (model, training data, precision) a worker accepts. */
  maxSetupBytes: number;
  /** Largest task, gradient, prediction request or predictions body accepted. */
  maxMessageBytes: number;
  /** Most messages being reassembled from chunks at once; more are dropped until some complete or expire. */
  maxPendingTransfers: number;
  /** A message whose chunks stop arriving for this long is discarded. */
  transferTimeoutMs: number;
}

/** A sender never cuts a body into chunks smaller than this (except the last), so a receiver can bound the chunk count. */
export const MIN_CHUNK_BYTES = 4096;

/** Room a frame needs besides its body slice (field names, ids, numbers), with a wide margin. */
export const FRAME_OVERHEAD_BYTES = 4096;

/** The limits used unless the caller narrows or widens them. */
export const defaultWireLimits: Readonly<WireLimits> = Object.freeze({
  chunkBytes: 512 * 1024,
  maxFrameBytes: 512 * 1024 + FRAME_OVERHEAD_BYTES,
  maxSetupBytes: 1024 * 1024 * 1024,
  maxMessageBytes: 256 * 1024 * 1024,
  maxPendingTransfers: 64,
  transferTimeoutMs: 60_000,
});

/** The default limits with `overrides` applied, checked to be whole, positive and consistent. */
export function wireLimits(overrides: Partial<WireLimits> = {}): WireLimits {
  const limits = { ...defaultWireLimits, ...overrides };
  for (const [field, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`wire limit ${field}: ${value} is not allowed; expected a positive integer`);
  }
  if (limits.chunkBytes < MIN_CHUNK_BYTES) throw new RangeError(`wire limit chunkBytes: ${limits.chunkBytes} is not allowed; expected at least ${MIN_CHUNK_BYTES}`);
  if (limits.maxFrameBytes < limits.chunkBytes + FRAME_OVERHEAD_BYTES) {
    throw new RangeError(`wire limit maxFrameBytes: ${limits.maxFrameBytes} is not allowed; expected at least chunkBytes + ${FRAME_OVERHEAD_BYTES} (${limits.chunkBytes + FRAME_OVERHEAD_BYTES})`);
  }
  return limits;
}

/** The chunk size to send with on a server whose max_payload is `maxPayload`: the configured one, or less to fit. */
export function chunkBytesFor(limits: WireLimits, maxPayload: number | undefined): number {
  const fits = maxPayload === undefined ? limits.chunkBytes : maxPayload - FRAME_OVERHEAD_BYTES;
  if (fits < MIN_CHUNK_BYTES) throw new RangeError(`the NATS server's max_payload (${maxPayload} bytes) is too small; churnlab needs at least ${MIN_CHUNK_BYTES + FRAME_OVERHEAD_BYTES}`);
  return Math.min(limits.chunkBytes, fits);
}
