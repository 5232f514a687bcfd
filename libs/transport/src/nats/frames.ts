import { decodeWire, encodeWire } from './codec.js';
import { MIN_CHUNK_BYTES } from './limits.js';
import { SUBJECT_TOKEN } from './subjects.js';
import { integer, oneOf, record, text, typedArray } from './wire-checks.js';
import { WireError } from './wire-error.js';

/** The protocol version every frame carries; a frame of another version is dropped. */
export const PROTOCOL_VERSION = 1;

/** What a frame's body is: coordinator → worker (setup, task, predict, release) or worker → coordinator (the rest). */
export const frameKinds = ['setup', 'ready', 'task', 'gradient', 'predict', 'predictions', 'failed', 'release'] as const;
/** One of frameKinds. */
export type FrameKind = (typeof frameKinds)[number];

/** The largest version, step, worker or slot number a frame may carry. */
const MAX_INDEX = 2 ** 31 - 1;
/** The largest transfer id: ids are counted by the coordinator and stay exact doubles. */
const MAX_TRANSFER = Number.MAX_SAFE_INTEGER;

/**
 * What every frame says about itself besides its slice of the body. `version`, `step`, `worker` and `slot` name the
 * parameter version and the gradient task the frame belongs to, −1 where they do not apply (a setup has neither;
 * a prediction request has a version and its part in `worker`).
 */
export interface FrameHeader {
  kind: FrameKind;
  run: string;
  /** The coordinator's id for one exchange (a setup, a task, a prediction request); replies repeat it. */
  transfer: number;
  /** The worker process that sent a reply; '' on frames from the coordinator. */
  from: string;
  version: number;
  step: number;
  worker: number;
  slot: number;
}

/** One NATS message: a header and chunk `chunk` of `chunks` of a body of `total` bytes. */
export interface Frame extends FrameHeader {
  chunk: number;
  chunks: number;
  total: number;
  bytes: Uint8Array;
}

/** A header with every task field set to −1, for frames that are not about a task. */
export function headerFor(kind: FrameKind, run: string, transfer: number, from = ''): FrameHeader {
  return { kind, run, transfer, from, version: -1, step: -1, worker: -1, slot: -1 };
}

/** The encoded frames carrying `body` under `header`, each with at most `chunkBytes` of the body. */
export function toFrames(header: FrameHeader, body: Uint8Array, chunkBytes: number): Uint8Array[] {
  const chunks = Math.max(1, Math.ceil(body.length / chunkBytes));
  return Array.from({ length: chunks }, (_, chunk) =>
    encodeWire({ v: PROTOCOL_VERSION, ...header, chunk, chunks, total: body.length, bytes: body.subarray(chunk * chunkBytes, (chunk + 1) * chunkBytes) }),
  );
}

/** The most chunks a body of `total` bytes can honestly be cut into (senders never cut below MIN_CHUNK_BYTES). */
export function maxChunksFor(total: number): number {
  return Math.max(1, Math.ceil(total / MIN_CHUNK_BYTES));
}

/** Decodes and checks one frame, refusing it unread when it is larger than `maxFrameBytes`. */
export function readFrame(data: Uint8Array, maxFrameBytes: number): Frame {
  const value = decodeWire(data, maxFrameBytes, 'frame');
  const f = record(value, 'frame', ['v', 'kind', 'run', 'transfer', 'from', 'version', 'step', 'worker', 'slot', 'chunk', 'chunks', 'total', 'bytes']);
  if (f['v'] !== PROTOCOL_VERSION) throw new WireError(`frame: protocol version ${JSON.stringify(f['v'])?.slice(0, 16)} is not supported; this side speaks ${PROTOCOL_VERSION}`);
  const total = integer(f['total'], 'frame.total', 0, Number.MAX_SAFE_INTEGER);
  const chunks = integer(f['chunks'], 'frame.chunks', 1, maxChunksFor(total));
  const from = text(f['from'], 'frame.from', 64);
  if (from !== '' && !SUBJECT_TOKEN.test(from)) throw new WireError('frame.from: not a worker id');
  return {
    kind: oneOf(f['kind'], 'frame.kind', frameKinds),
    run: text(f['run'], 'frame.run', 64, SUBJECT_TOKEN),
    transfer: integer(f['transfer'], 'frame.transfer', 0, MAX_TRANSFER),
    from,
    version: integer(f['version'], 'frame.version', -1, MAX_INDEX),
    step: integer(f['step'], 'frame.step', -1, MAX_INDEX),
    worker: integer(f['worker'], 'frame.worker', -1, MAX_INDEX),
    slot: integer(f['slot'], 'frame.slot', -1, MAX_INDEX),
    chunk: integer(f['chunk'], 'frame.chunk', 0, chunks - 1),
    chunks,
    total,
    bytes: typedArray(f['bytes'], 'frame.bytes', Uint8Array, { atMost: total }),
  };
}
