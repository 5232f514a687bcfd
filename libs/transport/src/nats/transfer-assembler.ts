import type { Frame } from './frames.js';
import { WireError } from './wire-error.js';

interface PartialTransfer {
  chunks: number;
  total: number;
  received: (Uint8Array | undefined)[];
  count: number;
  bytes: number;
  touched: number;
}

/**
 * Puts bodies back together from their frames, in chunk order whatever the arrival order. Bounded: a body may not
 * exceed the size its reader allows, at most `maxPending` bodies are incomplete at once, and one whose chunks stop
 * coming for `timeoutMs` is forgotten. A frame that does not fit its transfer is refused with a WireError.
 */
export class TransferAssembler {
  private readonly pending = new Map<string, PartialTransfer>();

  constructor(
    private readonly maxPending: number,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds one frame of transfer `key`; returns the whole body once its last chunk is in, else undefined. */
  add(key: string, frame: Frame, maxTotal: number): Uint8Array | undefined {
    if (frame.total > maxTotal) throw new WireError(`${frame.kind} of ${frame.total} bytes is above the limit of ${maxTotal} bytes`);
    // Most bodies fit one frame: nothing to keep.
    if (frame.chunks === 1) {
      if (frame.bytes.length !== frame.total) throw new WireError(`${frame.kind}: a one-chunk body of ${frame.total} bytes came with ${frame.bytes.length}`);
      return frame.bytes;
    }
    this.expire();
    let transfer = this.pending.get(key);
    if (!transfer) {
      if (this.pending.size >= this.maxPending) throw new WireError(`${frame.kind}: ${this.pending.size} messages are already being reassembled (the limit)`);
      transfer = { chunks: frame.chunks, total: frame.total, received: new Array<Uint8Array | undefined>(frame.chunks), count: 0, bytes: 0, touched: this.now() };
      this.pending.set(key, transfer);
    }
    if (frame.chunks !== transfer.chunks || frame.total !== transfer.total) {
      throw new WireError(`${frame.kind}: chunk ${frame.chunk} says ${frame.chunks} chunks of ${frame.total} bytes; its transfer has ${transfer.chunks} of ${transfer.total}`);
    }
    if (transfer.received[frame.chunk]) throw new WireError(`${frame.kind}: chunk ${frame.chunk} of ${frame.chunks} arrived twice`);
    if (transfer.bytes + frame.bytes.length > transfer.total) throw new WireError(`${frame.kind}: the chunks add up to more than the ${transfer.total} bytes announced`);
    transfer.received[frame.chunk] = frame.bytes;
    transfer.count++;
    transfer.bytes += frame.bytes.length;
    transfer.touched = this.now();
    if (transfer.count < transfer.chunks) return undefined;
    this.pending.delete(key);
    if (transfer.bytes !== transfer.total) throw new WireError(`${frame.kind}: the chunks add up to ${transfer.bytes} bytes, not the ${transfer.total} announced`);
    const body = new Uint8Array(transfer.total);
    let at = 0;
    for (const part of transfer.received as Uint8Array[]) {
      body.set(part, at);
      at += part.length;
    }
    return body;
  }

  /** Forgets transfer `key`'s chunks, if any. */
  forget(key: string): void {
    this.pending.delete(key);
  }

  /** Bodies still incomplete. */
  get size(): number {
    return this.pending.size;
  }

  private expire(): void {
    const oldest = this.now() - this.timeoutMs;
    for (const [key, transfer] of this.pending) if (transfer.touched < oldest) this.pending.delete(key);
  }
}
