import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a float32 vector's little-endian bytes. */
export function float32Sha256(values: Float32Array): string {
  const copy = new Float32Array(values); // detaches from any SharedArrayBuffer so hashing sees one consistent snapshot
  return createHash('sha256').update(new Uint8Array(copy.buffer)).digest('hex');
}
