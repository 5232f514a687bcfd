import { decodeWire, encodeWire } from './codec.js';
import { PROTOCOL_VERSION } from './frames.js';
import { SUBJECT_TOKEN } from './subjects.js';
import { integer, oneOf, record, text } from './wire-checks.js';
import { WireError } from './wire-error.js';

/** A worker process announcing itself (kind hello, at start and every heartbeat) or leaving (kind bye). */
export interface PresenceMessage {
  kind: 'hello' | 'bye';
  /** Unique per process and connection: the last token of the subject it takes work on. */
  id: string;
  /** For people: host name and process id unless the operator chose one. */
  name: string;
  /** How often it says hello. */
  heartbeatMs: number;
}

/** Longest presence message accepted; a real one is under 200 bytes. */
const MAX_PRESENCE_BYTES = 1024;
/** A worker name: printable ASCII without spaces, so log lines stay one readable line. */
export const WORKER_NAME = /^[\x21-\x7e]{1,64}$/;

/** The encoded presence message. */
export function encodePresence(message: PresenceMessage): Uint8Array {
  return encodeWire({ v: PROTOCOL_VERSION, ...message });
}

/** Decodes and checks a presence message. */
export function readPresence(data: Uint8Array): PresenceMessage {
  const p = record(decodeWire(data, MAX_PRESENCE_BYTES, 'presence message'), 'presence', ['v', 'kind', 'id', 'name', 'heartbeatMs']);
  if (p['v'] !== PROTOCOL_VERSION) throw new WireError(`presence: protocol version ${JSON.stringify(p['v'])?.slice(0, 16)} is not supported; this side speaks ${PROTOCOL_VERSION}`);
  return {
    kind: oneOf(p['kind'], 'presence.kind', ['hello', 'bye'] as const),
    id: text(p['id'], 'presence.id', 64, SUBJECT_TOKEN),
    name: text(p['name'], 'presence.name', 64, WORKER_NAME),
    heartbeatMs: integer(p['heartbeatMs'], 'presence.heartbeatMs', 1, 3_600_000),
  };
}
