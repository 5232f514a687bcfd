import { readFile } from 'node:fs/promises';
import { DataFileError } from './data-file-error.js';
import { checkDataFile } from './data-file.js';
import { gunzipDataFile, isGzip } from './gzip.js';

/** An IDX array of unsigned bytes: its dimensions (outermost first) and its values in row-major order. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;

/** Reads an IDX file of unsigned bytes, gzip-compressed or not (told apart by the gzip magic bytes). */
export async function readIdx(file: string): Promise<IdxArray> {
  await checkDataFile(file);
  let buffer: Buffer = await readFile(file);
  if (isGzip(buffer)) buffer = await gunzipDataFile(file, buffer);
  return parseIdx(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), file);
}

/**
 * Parses IDX bytes: magic number 0x00 0x00 <type> <number of dims>, one big-endian uint32 size per dimension, then
 * the values. Only type 0x08 (unsigned byte) is supported; the byte count must match the dimensions exactly.
 */
export function parseIdx(bytes: Uint8Array, file: string): IdxArray {
  const fail = (problem: string, expected: string): never => {
    throw new DataFileError({ file, problem, expected });
  };
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) fail(`magic number ${hex(bytes.subarray(0, 4))}`, 'an IDX file starting with 0x00 0x00');
  if (bytes[2] !== UNSIGNED_BYTE) fail(`IDX data type 0x${bytes[2]!.toString(16).padStart(2, '0')}`, 'type 0x08 (unsigned byte)');
  const rank = bytes[3]!;
  if (rank === 0) fail('an IDX array of 0 dimensions', 'at least one dimension');
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) fail(`${bytes.length} bytes`, `a header of ${headerBytes} bytes for ${rank} dimensions`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const values = dims.reduce((n, d) => n * d, 1);
  if (bytes.length !== headerBytes + values) fail(`${bytes.length - headerBytes} data bytes`, `${values} for dimensions ${dims.join('×')}`);
  return { dims, data: bytes.subarray(headerBytes) };
}

function hex(bytes: Uint8Array): string {
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
