import { createHash } from 'node:crypto';
import type { Dataset } from '@churnlab/data';

/** SHA-256 (hex) of a float32 vector's little-endian bytes. */
export function float32Sha256(values: Float32Array): string {
  const copy = new Float32Array(values); // detaches from any SharedArrayBuffer so hashing sees one consistent snapshot
  return createHash('sha256').update(new Uint8Array(copy.buffer)).digest('hex');
}

/** Data sets hashed so far: compare and sweep hash the same shared sets for every run. */
const hashed = new WeakMap<Dataset, string>();

/** SHA-256 (hex) of a data set's examples: its features, labels and category ids, so that two runs can tell whether they saw the same ones. */
export function examplesSha256(data: Dataset): string {
  const known = hashed.get(data);
  if (known !== undefined) return known;
  const hash = createHash('sha256').update(`${data.rows}×${data.width}×${data.outputs}\n`);
  for (const values of [data.features, data.labels, data.categories ?? new Uint32Array(0)]) hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  const digest = hash.digest('hex');
  hashed.set(data, digest);
  return digest;
}
