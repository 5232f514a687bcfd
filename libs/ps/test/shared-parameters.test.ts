import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SharedParameters, storeArrayLengths, type SharedParametersHandle } from '../src/index.js';

describe('SharedParameters in one thread', () => {
  it('create() copies the initial vector instead of keeping it', () => {
    const initial = Float32Array.of(1.5, -2, 0.25);
    const store = SharedParameters.create(initial, 2);
    initial.fill(9);
    expect(Array.from(store.params)).toEqual([1.5, -2, 0.25]);
    expect(store.params.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(store.handle).toMatchObject({ size: 3, slots: 2 });
    expect(store.version()).toBe(0);
  });

  it('storeArrayLengths() gives the lengths of the arrays create() makes: vectors on cache lines, slots after the parameters', () => {
    // 20 parameters take two cache lines of 16 floats: a stride of 32.
    expect(storeArrayLengths(20, 3, 2)).toEqual({ vectors: 32 * 4, history: 32 * 2 });
    const store = SharedParameters.create(new Float32Array(20), 3, 2);
    const lastSlot = store.gradientSlot(2);
    expect(lastSlot.byteOffset / 4 + 32).toBe(storeArrayLengths(20, 3, 2).vectors);
    expect(store.handle.history.byteLength).toBe(storeArrayLengths(20, 3, 2).history * 4);
  });

  it('write() applies the update as one new version and returns that version', () => {
    const store = SharedParameters.create(Float32Array.of(1, 2, 3), 1);
    expect(store.write((p) => (p[0] = 10))).toBe(1);
    expect(store.write((p) => (p[2] = p[2]! * 2))).toBe(2);
    expect(store.version()).toBe(2);
    expect(Array.from(store.params)).toEqual([10, 2, 6]);
  });

  it('write() hands the update the live parameter vector', () => {
    const store = SharedParameters.create(Float32Array.of(1, 2), 1);
    let seen: Float32Array | undefined;
    store.write((p) => (seen = p));
    expect(seen).toBe(store.params);
  });

  it('read() copies the snapshot and returns the version it holds', () => {
    const store = SharedParameters.create(Float32Array.of(1, 2, 3), 1);
    const into = new Float32Array(3);
    expect(store.read(into)).toBe(0);
    expect(Array.from(into)).toEqual([1, 2, 3]);
    store.write((p) => p.set([4, 5, 6]));
    expect(store.read(into)).toBe(1);
    expect(Array.from(into)).toEqual([4, 5, 6]);
    into[0] = -1;
    expect(store.params[0]).toBe(4);
  });

  it('readOnceThrough() reads once: undefined when a write overlapped the read, the version when none did', () => {
    const store = SharedParameters.create(Float32Array.of(1, 2), 1);
    let reads = 0;
    expect(
      store.readOnceThrough(() => {
        reads++;
        store.write((p) => p.set([3, 4]));
      }),
    ).toBeUndefined();
    expect(reads).toBe(1);
    let seen: Float32Array | undefined;
    expect(store.readOnceThrough((params) => (seen = params))).toBe(1);
    // A view on the live vector, not a copy.
    expect(seen).toBe(store.params);
    expect(Array.from(seen!)).toEqual([3, 4]);
  });

  it('readVersionThrough() hands its reader the kept version in place, and refuses one the history lost', () => {
    const store = SharedParameters.create(Float32Array.of(1, 2), 1, 2);
    store.write((p) => p.set([3, 4]));
    store.write((p) => p.set([5, 6]));
    let seen: number[] = [];
    expect(store.readVersionThrough(1, (kept) => (seen = Array.from(kept)))).toBe(1);
    expect(seen).toEqual([3, 4]);
    expect(() => store.readVersionThrough(1, () => store.write((p) => p.fill(0)))).toThrow('parameter version 1 was overwritten while it was being read');
  });

  it('a write whose update throws rethrows, makes no version, and leaves the store usable', () => {
    const store = SharedParameters.create(Float32Array.of(1, 2), 1);
    expect(() =>
      store.write(() => {
        throw new Error('update failed');
      }),
    ).toThrow('update failed');
    expect(store.version()).toBe(0);
    expect(store.write((p) => (p[1] = 7))).toBe(1);
    const into = new Float32Array(2);
    expect(store.read(into)).toBe(1);
    expect(Array.from(into)).toEqual([1, 7]);
  });

  it('writeAsync() keeps the parameters marked as being written until the update settles, then makes one version', async () => {
    const store = SharedParameters.create(Float32Array.of(1, 2), 1, 2);
    const reader = SharedParameters.attach(store.handle);
    let release!: () => void;
    const written = store.writeAsync(async (p) => {
      p[0] = 5;
      await new Promise<void>((resolve) => (release = resolve));
      p[1] = 6;
    });
    await nextTurn();
    // Mid-update, the sequence is odd: a reader would spin rather than copy a half-written vector.
    expect(Atomics.load(new Int32Array(store.handle.control), 0) % 2).toBe(1);
    expect(reader.version()).toBe(0);
    release();
    expect(await written).toBe(1);
    const into = new Float32Array(2);
    expect(reader.read(into)).toBe(1);
    expect(Array.from(into)).toEqual([5, 6]);
    expect(Array.from((reader.readVersion(1, into), into))).toEqual([5, 6]);
  });

  it('a writeAsync whose update rejects rethrows, makes no version, and leaves the store usable', async () => {
    const store = SharedParameters.create(Float32Array.of(1, 2), 1);
    await expect(store.writeAsync(() => Promise.reject(new Error('threads failed')))).rejects.toThrow('threads failed');
    expect(store.version()).toBe(0);
    expect(store.write((p) => (p[0] = 3))).toBe(1);
    expect(store.read(new Float32Array(2))).toBe(1);
  });

  it('attach(handle) sees the same parameters, version and gradient slots', () => {
    const store = SharedParameters.create(Float32Array.of(1, 2, 3), 2);
    const other = SharedParameters.attach(store.handle);
    store.write((p) => (p[1] = 20));
    const into = new Float32Array(3);
    expect(other.read(into)).toBe(1);
    expect(Array.from(into)).toEqual([1, 20, 3]);
    other.gradientSlot(1).set([7, 8, 9]);
    expect(Array.from(store.gradientSlot(1))).toEqual([7, 8, 9]);
    expect(Array.from(store.gradientSlot(0))).toEqual([0, 0, 0]);
  });

  it.each([3, -1, 1.5, Number.NaN])('gradientSlot(%s) of 3 slots throws a RangeError naming the slot and the range', (slot) => {
    const store = SharedParameters.create(new Float32Array(4), 3);
    expect(() => store.gradientSlot(slot)).toThrow(RangeError);
    expect(() => store.gradientSlot(slot)).toThrow(`gradient slot ${slot} does not exist (0..2)`);
  });

  it('gradient slots are disjoint windows of the parameter size after the parameters, each starting on a cache line', () => {
    const store = SharedParameters.create(new Float32Array(5), 4);
    const slots = [0, 1, 2, 3].map((s) => store.gradientSlot(s));
    slots.forEach((slot, s) => slot.fill(s + 1));
    slots.forEach((slot, s) => {
      expect(slot.length).toBe(5);
      expect(Array.from(slot)).toEqual([s + 1, s + 1, s + 1, s + 1, s + 1]);
      expect(slot.buffer).toBe(store.params.buffer);
      expect(slot.byteOffset).toBe((s + 1) * 64);
    });
    expect(Array.from(store.params)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('SharedParameters history of recent versions', () => {
  it('keeps the last historyDepth versions readable, from the initial one on, also through attach', () => {
    const store = SharedParameters.create(Float32Array.of(0, 0), 1, 3);
    const into = new Float32Array(2);
    expect(store.readVersion(0, into)).toBe(0);
    expect(Array.from(into)).toEqual([0, 0]);
    for (let v = 1; v <= 4; v++) store.write((p) => p.set([v, -v]));
    const other = SharedParameters.attach(store.handle);
    for (const v of [2, 3, 4]) {
      expect(other.readVersion(v, into)).toBe(v);
      expect(Array.from(into)).toEqual([v, -v]);
    }
  });

  it.each([
    [1, 'parameter version 1 is not in the history (depth 3, current version 4)'],
    [5, 'parameter version 5 is not in the history (depth 3, current version 4)'],
  ])('refuses version %i once it has left the ring or before it exists', (version, message) => {
    const store = SharedParameters.create(Float32Array.of(0, 0), 1, 3);
    for (let v = 1; v <= 4; v++) store.write((p) => p.fill(v));
    expect(() => store.readVersion(version, new Float32Array(2))).toThrow(RangeError);
    expect(() => store.readVersion(version, new Float32Array(2))).toThrow(message);
  });

  it('exports the kept versions one after another, and a store of the same shape restores them', () => {
    const store = SharedParameters.create(Float32Array.of(0, 0, 0), 1, 2);
    for (let v = 1; v <= 3; v++) store.write((p) => p.set([v, -v, 10 * v]));
    const state = store.exportState();
    expect(Array.from(state.history)).toEqual([2, -2, 20, 3, -3, 30]);
    expect(Array.from(state.historyVersions)).toEqual([2, 3]);
    const restored = SharedParameters.create(new Float32Array(3), 1, 2);
    restored.restoreState(state);
    const into = new Float32Array(3);
    for (const v of [2, 3]) {
      expect(restored.readVersion(v, into)).toBe(v);
      expect(Array.from(into)).toEqual([v, -v, 10 * v]);
    }
    expect(restored.version()).toBe(3);
  });

  it('keeps no history by default', () => {
    const store = SharedParameters.create(Float32Array.of(1), 1);
    expect(() => store.readVersion(0, new Float32Array(1))).toThrow('parameter version 0 is not in the history (depth 0, current version 0)');
  });
});

/** What the reader thread reports after its loop. */
interface ReaderReport {
  reads: number;
  torn: number;
  backwards: number;
  versions: number;
  last: number;
}

/**
 * A worker thread that attaches the handle with the real SharedParameters (src/shared-parameters.ts, transpiled here,
 * so the thread runs the code under test and not a stale build) and reads snapshots until it has `minReads` reads and
 * `minVersions` distinct versions, or flag[0] is set. Every snapshot must hold the value `version` in every element,
 * since the writers below keep that invariant. Then it fills gradient slot `slot` with `fill` and sets flag[1].
 */
function startReader(handle: SharedParametersHandle, options: { minReads: number; minVersions: number; slot: number; fill: number }) {
  const source = readFileSync(new URL('../src/shared-parameters.ts', import.meta.url), 'utf8');
  const transpiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  // A data: URL resolves no package names: its imports name the built files.
  const module = transpiled.replace(/from '(@churnlab\/[a-z-]+)'/g, (_, name: string) => `from '${pathToFileURL(createRequire(import.meta.url).resolve(name)).href}'`);
  const reader = `
    import { parentPort, workerData } from 'node:worker_threads';
    ${module}
    const { handle, flags, minReads, minVersions, slot, fill } = workerData;
    const store = SharedParameters.attach(handle);
    const flag = new Int32Array(flags);
    const snapshot = new Float32Array(handle.size);
    const seen = new Set();
    let reads = 0, torn = 0, backwards = 0, last = 0;
    parentPort.postMessage('ready');
    while (Atomics.load(flag, 0) === 0 && (reads < minReads || seen.size < minVersions)) {
      const version = store.read(snapshot);
      for (let i = 0; i < snapshot.length; i++) if (snapshot[i] !== version) { torn++; break; }
      if (version < last) backwards++;
      last = version;
      seen.add(version);
      reads++;
    }
    store.gradientSlot(slot).fill(fill);
    Atomics.store(flag, 1, 1);
    parentPort.postMessage({ reads, torn, backwards, versions: seen.size, last });
  `;
  const flags = new SharedArrayBuffer(8);
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(reader)}`), { workerData: { handle, flags, ...options } });
  // Messages are queued as they arrive, so none is lost between two awaits; a thread error fails the next wait.
  const queue: unknown[] = [];
  let failure: Error | undefined;
  let wake = () => {};
  worker.on('message', (m: unknown) => (queue.push(m), wake()));
  worker.on('error', (e: Error) => ((failure = e), wake()));
  const next = async (ms: number): Promise<unknown> => {
    const deadline = Date.now() + ms;
    while (queue.length === 0) {
      if (failure) throw failure;
      if (Date.now() >= deadline) throw new Error(`reader thread silent for ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        wake = () => (clearTimeout(timer), resolve());
      });
    }
    return queue.shift();
  };
  return { worker, flag: new Int32Array(flags), next };
}

describe('SharedParameters across worker threads', () => {
  it('a reader thread that attaches the handle never sees a torn snapshot while the server writes', async () => {
    const size = 4096;
    const store = SharedParameters.create(new Float32Array(size), 2);
    const { worker, flag, next } = startReader(store.handle, { minReads: 5_000, minVersions: 500, slot: 1, fill: 7 });
    try {
      expect(await next(20_000)).toBe('ready');
      const deadline = Date.now() + 20_000;
      // Each write keeps the invariant "every element equals the version", so a torn read shows up as a mixed snapshot.
      while (Atomics.load(flag, 1) === 0 && Date.now() < deadline) {
        store.write((p) => p.fill(store.version() + 1));
        await nextTurn();
      }
      Atomics.store(flag, 0, 1);
      const report = (await next(20_000)) as ReaderReport;
      expect(report.torn).toBe(0);
      expect(report.backwards).toBe(0);
      expect(report.reads).toBeGreaterThanOrEqual(5_000);
      expect(report.versions).toBeGreaterThanOrEqual(500);
      expect(report.last).toBeLessThanOrEqual(store.version());
      // The reader's gradient slot is the server's gradient slot 1; slot 0 is untouched.
      expect(store.gradientSlot(1).every((g) => g === 7)).toBe(true);
      expect(store.gradientSlot(0).every((g) => g === 0)).toBe(true);
    } finally {
      await worker.terminate();
    }
  });

  it('a reader waits out a write under way after the sequence has wrapped to negative numbers', async () => {
    const store = SharedParameters.create(new Float32Array(4), 1);
    const control = new Int32Array(store.handle.control);
    // An odd negative sequence: a write is under way 2³¹ + 1 writes after the start. Another thread ends it in 50 ms.
    Atomics.store(control, 0, -3);
    const writer = new Worker('const { workerData } = require("node:worker_threads"); setTimeout(() => Atomics.store(new Int32Array(workerData), 0, -2), 50);', { eval: true, workerData: store.handle.control });
    try {
      const start = performance.now();
      expect(store.readOnceThrough(() => undefined)).toBe(0);
      expect(performance.now() - start).toBeGreaterThanOrEqual(40);
    } finally {
      await writer.terminate();
    }
  });

  it('after a write whose update threw, a reader thread still gets a snapshot (the sequence lock was released)', async () => {
    const store = SharedParameters.create(new Float32Array(64), 1);
    expect(() =>
      store.write(() => {
        throw new Error('update failed');
      }),
    ).toThrow('update failed');
    const { worker, next } = startReader(store.handle, { minReads: 1, minVersions: 1, slot: 0, fill: 3 });
    try {
      expect(await next(20_000)).toBe('ready');
      // A reader stuck behind an odd sequence would spin forever: the timeout turns that into a failure.
      expect(await next(5_000)).toEqual({ reads: 1, torn: 0, backwards: 0, versions: 1, last: 0 });
      expect(store.gradientSlot(0).every((g) => g === 3)).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});
