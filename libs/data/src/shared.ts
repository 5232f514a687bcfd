import type { Dataset } from './dataset.js';

/** The same data in SharedArrayBuffer-backed arrays, so worker threads read it without a copy per thread. */
export function toShared(d: Dataset): Dataset {
  return { ...d, features: sharedCopy(d.features), labels: sharedCopy(d.labels) };
}

function sharedCopy(source: Float32Array): Float32Array {
  const copy = new Float32Array(new SharedArrayBuffer(source.byteLength));
  copy.set(source);
  return copy;
}
