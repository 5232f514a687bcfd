import { adoptKernelMemory, alignedLength, kernelMemoryOf, sharedFloat32Array, type WebAssemblyMemory } from '@churnlab/kernels';
import type { EmbeddingTable, TouchedRows } from '@churnlab/model/vectors';

/** The SharedArrayBuffers behind a SharedParameters, as they cross to worker threads. */
export interface SharedParametersHandle {
  size: number;
  slots: number;
  /**
   * The parameters (`size` float32) and after them the gradient slots, in one kernel memory. Each vector starts on a
   * cache line (at a multiple of alignedLength(size)), so copies between it and other memory go word by word.
   */
  vectors: SharedArrayBuffer;
  /** The kernel memory whose buffer `vectors` is, so that a thread attaching the store updates it in place too; absent beyond 4 GiB. */
  memory?: WebAssemblyMemory;
  control: SharedArrayBuffer;
  /** How many recent versions are kept for reads of older parameters (0: none). */
  historyDepth: number;
  /** The kept versions, each starting on a cache line as the vectors do. */
  history: SharedArrayBuffer;
  historyVersions: SharedArrayBuffer;
  /** The embedding tables inside the parameter vector, whose gradients are sparse (none: every gradient is dense). */
  tables: EmbeddingTable[];
  /** Per slot and table, room for every row id of the table: slots × Σ table rows uint32. */
  touched: SharedArrayBuffer;
  /** Per slot and table, how many touched ids are set: slots × tables uint32. */
  touchedCounts: SharedArrayBuffer;
  /** Per slot, a lock and the current lease (int32 pairs): see leaseSlot. */
  leases: SharedArrayBuffer;
}

/** A store's restorable state, as a checkpoint keeps it. */
export interface StoreState {
  version: number;
  params: Float32Array;
  history: Float32Array;
  historyVersions: Int32Array;
}

/** Longer than filling any slot takes: a slot lock held this long belongs to a thread that stopped while it held it. */
export const SLOT_LOCK_TIMEOUT_MS = 5_000;

/**
 * The float32 lengths of the two big arrays a store of `size` parameters makes: `vectors`, the parameters and the
 * `slots` gradient slots in one kernel memory, and `history`, the `historyDepth` kept versions, each vector starting on
 * a cache line. Every other array of the store is shorter than `vectors` (the touched row ids are at most slots × size).
 */
export function storeArrayLengths(size: number, slots: number, historyDepth: number): { vectors: number; history: number } {
  const stride = alignedLength(size);
  return { vectors: stride * (1 + slots), history: stride * historyDepth };
}

const SEQUENCE = 0;
const VERSION = 1;

/**
 * The parameter vector in shared memory, written by the server only and read by workers under a sequence lock
 * (the sequence is odd while a write is under way), plus one gradient slot per worker. With embedding tables, each
 * slot also holds the table rows its gradient touched: the gradient is zero in every other table row, so whoever
 * writes the slot next zeroes just those rows, and the server applies just those rows.
 */
export class SharedParameters {
  readonly params: Float32Array;
  private readonly control: Int32Array;
  private readonly gradients: Float32Array;
  private readonly history: Float32Array;
  private readonly historyVersions: Int32Array;
  private readonly touchedBySlot: TouchedRows[];
  private readonly leases: Int32Array;
  /** Elements from the start of one vector (parameters, slot, kept version) to the next. */
  private readonly stride: number;

  private constructor(readonly handle: SharedParametersHandle) {
    // A thread that received the memory sees its buffer anew: views on that buffer are the ones its kernels know.
    const vectors = handle.memory ? adoptKernelMemory(handle.memory) : handle.vectors;
    this.stride = alignedLength(handle.size);
    this.params = new Float32Array(vectors, 0, handle.size);
    this.control = new Int32Array(handle.control);
    this.gradients = new Float32Array(vectors, this.stride * 4, handle.slots * this.stride);
    this.history = new Float32Array(handle.history);
    this.historyVersions = new Int32Array(handle.historyVersions);
    this.leases = new Int32Array(handle.leases);
    this.touchedBySlot = Array.from({ length: handle.tables.length === 0 ? 0 : handle.slots }, (_, slot) => touchedView(handle, slot));
  }

  /**
   * A new store holding `initial`, with `slots` gradient slots and the last `historyDepth` versions kept readable.
   * `tables` are the embedding tables in the vector (see embeddingTables in @churnlab/model), ascending and disjoint.
   */
  static create(initial: Float32Array, slots: number, historyDepth = 0, tables: readonly EmbeddingTable[] = []): SharedParameters {
    const size = initial.length;
    checkTables(tables, size);
    const tableRows = tables.reduce((n, t) => n + t.rows, 0);
    const lengths = storeArrayLengths(size, slots, historyDepth);
    // One kernel memory, so the server sums slots and applies SGD in place rather than through copies.
    const vectors = sharedFloat32Array(lengths.vectors);
    const memory = kernelMemoryOf(vectors);
    const store = new SharedParameters({
      size,
      slots,
      vectors: vectors.buffer as SharedArrayBuffer,
      ...(memory && { memory }),
      control: new SharedArrayBuffer(8),
      historyDepth,
      history: new SharedArrayBuffer(lengths.history * 4),
      historyVersions: new SharedArrayBuffer(Math.max(1, historyDepth) * 4),
      tables: tables.map(({ offset, rows, dimension }) => ({ offset, rows, dimension })),
      touched: new SharedArrayBuffer(slots * tableRows * 4),
      touchedCounts: new SharedArrayBuffer(slots * tables.length * 4),
      leases: new SharedArrayBuffer(slots * 2 * 4),
    });
    store.params.set(initial);
    store.historyVersions.fill(-1);
    store.remember(0);
    return store;
  }

  /** The same store seen from another thread. */
  static attach(handle: SharedParametersHandle): SharedParameters {
    return new SharedParameters(handle);
  }

  /** How many updates have been applied. */
  version(): number {
    return Atomics.load(this.control, VERSION);
  }

  /** Copies a consistent snapshot of the parameters into `into` and returns the version it holds. */
  read(into: Float32Array): number {
    for (;;) {
      const version = this.readOnceThrough((params) => into.set(params));
      if (version !== undefined) return version;
    }
  }

  /**
   * Runs `use` on the live parameters (a view: nothing is copied) once, after any write under way, and returns the
   * version they held, or undefined when a write overlapped it: then whatever `use` made of the view may be torn.
   * read retries its copy until one is whole; a reader whose `use` is slower can fall back to such a copy.
   */
  readOnceThrough(use: (params: Float32Array) => void): number | undefined {
    let before = Atomics.load(this.control, SEQUENCE);
    // A bit test, not % 2: the sequence wraps to negative numbers after 2³¹ increments, where an odd one has remainder −1.
    while ((before & 1) === 1) before = Atomics.load(this.control, SEQUENCE);
    use(this.params);
    const version = Atomics.load(this.control, VERSION);
    return Atomics.load(this.control, SEQUENCE) === before ? version : undefined;
  }

  /** Copies version `version` from the history into `into`; it must be among the last `historyDepth` versions. */
  readVersion(version: number, into: Float32Array): number {
    return this.readVersionThrough(version, (kept) => into.set(kept));
  }

  /** Runs `use` on version `version` where the history keeps it (a view), as readVersion copies it; returns the version. */
  readVersionThrough(version: number, use: (params: Float32Array) => void): number {
    const depth = this.handle.historyDepth;
    const ring = depth > 0 ? version % depth : 0;
    if (depth === 0 || Atomics.load(this.historyVersions, ring) !== version) {
      throw new RangeError(`parameter version ${version} is not in the history (depth ${depth}, current version ${this.version()})`);
    }
    use(this.keptVersion(ring));
    // The ring slot may have been reused while reading; a reader must never compute on a torn mix of two versions.
    if (Atomics.load(this.historyVersions, ring) !== version) throw new RangeError(`parameter version ${version} was overwritten while it was being read`);
    return version;
  }

  /** Applies `update` to the parameters as one new version and returns that version. */
  write(update: (params: Float32Array) => void): number {
    Atomics.add(this.control, SEQUENCE, 1);
    try {
      update(this.params);
    } catch (error) {
      this.endWrite(false);
      throw error;
    }
    return this.endWrite(true)!;
  }

  /** write, for an update that other threads make: the parameters count as being written until `update` settles. */
  async writeAsync(update: (params: Float32Array) => Promise<void>): Promise<number> {
    Atomics.add(this.control, SEQUENCE, 1);
    try {
      await update(this.params);
    } catch (error) {
      this.endWrite(false);
      throw error;
    }
    return this.endWrite(true)!;
  }

  /** Ends a write: a new version when it was `applied`, which the history then keeps; returns that version. */
  private endWrite(applied: boolean): number | undefined {
    const version = applied ? Atomics.add(this.control, VERSION, 1) + 1 : undefined;
    Atomics.add(this.control, SEQUENCE, 1);
    if (version !== undefined) this.remember(version);
    return version;
  }

  private remember(version: number): void {
    const depth = this.handle.historyDepth;
    if (depth === 0) return;
    const ring = version % depth;
    this.keptVersion(ring).set(this.params);
    Atomics.store(this.historyVersions, ring, version);
  }

  /** The history's ring entry `ring`. */
  private keptVersion(ring: number): Float32Array {
    return this.history.subarray(ring * this.stride, ring * this.stride + this.handle.size);
  }

  /** The kept versions one after another, without the lines' padding: the history as a checkpoint keeps it. */
  private packedHistory(): Float32Array {
    const packed = new Float32Array(this.handle.historyDepth * this.handle.size);
    for (let ring = 0; ring < this.handle.historyDepth; ring++) packed.set(this.keptVersion(ring), ring * this.handle.size);
    return packed;
  }

  /** Copies of what a checkpoint needs to restore this store: the version, the parameters and the kept history. */
  exportState(): StoreState {
    return { version: this.version(), params: new Float32Array(this.params), history: this.packedHistory(), historyVersions: new Int32Array(this.historyVersions) };
  }

  /** Puts back a state exported from a store of the same size and history depth (before any worker reads this one). */
  restoreState(state: StoreState): void {
    const sizes: Array<[string, number, number]> = [
      ['parameters', state.params.length, this.params.length],
      ['values of kept versions', state.history.length, this.handle.historyDepth * this.handle.size],
      ['kept version numbers', state.historyVersions.length, this.historyVersions.length],
    ];
    const differing = sizes.filter(([, saved, here]) => saved !== here).map(([what, saved, here]) => `${saved} ${what} where this store has ${here}`);
    if (differing.length > 0) throw new RangeError(`the saved parameter state holds ${differing.join(', and ')}`);
    this.params.set(state.params);
    const size = this.handle.size;
    for (let ring = 0; ring < this.handle.historyDepth; ring++) this.keptVersion(ring).set(state.history.subarray(ring * size, (ring + 1) * size));
    this.historyVersions.set(state.historyVersions);
    Atomics.store(this.control, VERSION, state.version);
  }

  /**
   * Starts a new lease on gradient slot `slot` and returns it. From then on only a writer holding this lease fills the
   * slot (writeSlotLeased): a task given up on (a stalled worker) can no longer overwrite the slot its retry fills.
   */
  leaseSlot(slot: number): number {
    return this.underSlotLock(slot, () => ++this.leases[2 * slot + 1]!);
  }

  /** Runs `write`, which fills slot `slot`, only while `lease` is still the slot's lease; returns whether it ran. */
  writeSlotLeased(slot: number, lease: number, write: () => void): boolean {
    return this.underSlotLock(slot, () => {
      if (this.leases[2 * slot + 1] !== lease) return false;
      write();
      return true;
    });
  }

  private underSlotLock<T>(slot: number, body: () => T): T {
    const lock = 2 * slot;
    // Held only while a slot is filled or a lease is bumped, so waiting is brief, unless the holder was stopped while it
    // held the lock (a thread terminated as its pool closes): then no one will ever release it.
    const deadline = performance.now() + SLOT_LOCK_TIMEOUT_MS;
    while (Atomics.compareExchange(this.leases, lock, 0, 1) !== 0) {
      if (performance.now() > deadline) throw new Error(`gradient slot ${slot}: its lock has been held for ${SLOT_LOCK_TIMEOUT_MS} ms; the thread holding it stopped while it filled the slot`);
      Atomics.wait(this.leases, lock, 1, 1);
    }
    try {
      return body();
    } finally {
      Atomics.store(this.leases, lock, 0);
      Atomics.notify(this.leases, lock, 1);
    }
  }

  /** Worker `slot`'s gradient buffer. */
  gradientSlot(slot: number): Float32Array {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.handle.slots) throw new RangeError(`gradient slot ${slot} does not exist (0..${this.handle.slots - 1})`);
    return this.gradients.subarray(slot * this.stride, slot * this.stride + this.handle.size);
  }

  /** The table rows slot `slot`'s gradient touched, in shared memory; undefined when the store has no tables. */
  touchedRows(slot: number): TouchedRows | undefined {
    this.gradientSlot(slot);
    return this.touchedBySlot[slot];
  }
}

/** Slot `slot`'s touched rows: per table a view with room for every row id, and the slot's counts. */
function touchedView(handle: SharedParametersHandle, slot: number): TouchedRows {
  const tableRows = handle.tables.reduce((n, t) => n + t.rows, 0);
  let start = slot * tableRows;
  const ids = handle.tables.map((t) => {
    const view = new Uint32Array(handle.touched, start * 4, t.rows);
    start += t.rows;
    return view;
  });
  return { tables: handle.tables, ids, counts: new Uint32Array(handle.touchedCounts, slot * handle.tables.length * 4, handle.tables.length) };
}

function checkTables(tables: readonly EmbeddingTable[], size: number): void {
  let end = 0;
  tables.forEach(({ offset, rows, dimension }, k) => {
    const whole = [offset, rows, dimension].every((v) => Number.isSafeInteger(v) && v >= 0) && rows > 0 && dimension > 0;
    if (!whole || offset < end || offset + rows * dimension > size) {
      throw new RangeError(`embedding table ${k} (offset ${offset}, ${rows} rows × ${dimension}) does not fit: tables must be ascending, disjoint and inside the ${size} parameters`);
    }
    end = offset + rows * dimension;
  });
}
