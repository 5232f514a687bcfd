import type { Dataset } from './dataset.js';

/** The same data in SharedArrayBuffer-backed arrays, so worker threads read it without a copy per thread. */
export function toShared(d: Dataset): Dataset {
  const shared = { ...d, features: sharedCopy(d.features, Float32Array), labels: sharedCopy(d.labels, Float32Array) };
  return d.categories ? { ...shared, categories: sharedCopy(d.categories, Uint32Array) } : shared;
}

function sharedCopy<T extends Float32Array | Uint32Array>(source: T, Type: { new (buffer: SharedArrayBuffer): T }): T {
  const copy = new Type(new SharedArrayBuffer(source.byteLength));
  copy.set(source);
  return copy;
}
