import { Packr } from 'msgpackr';
import { WireError } from './wire-error.js';

// moreTypes round-trips typed arrays (a Float32Array arrives as a Float32Array, copied out of the frame); without
// records every object is a plain MessagePack map, so a decoded message carries no state over to the next one.
// copyBuffers: a decoded byte string is a copy, never a view into the NATS client's read buffer, which it reuses.
const packr = new Packr({ moreTypes: true, useRecords: false, copyBuffers: true });

/** The MessagePack bytes of `value`. */
export function encodeWire(value: unknown): Uint8Array {
  return packr.pack(value);
}

/** Decodes MessagePack bytes, refusing any input above `maxBytes` before reading a single byte of it. */
export function decodeWire(bytes: Uint8Array, maxBytes: number, what: string): unknown {
  if (bytes.length > maxBytes) throw new WireError(`${what} of ${bytes.length} bytes is above the limit of ${maxBytes} bytes`);
  try {
    return packr.unpack(bytes);
  } catch (error) {
    throw new WireError(`${what} is not valid MessagePack (${error instanceof Error ? error.message.slice(0, 80) : 'undecodable'})`);
  }
}
