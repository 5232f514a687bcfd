import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DataFileError } from './data-file-error.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const gunzipAsync = promisify(gunzip);

/** Whether `bytes` start with the gzip magic number (1f 8b), whatever the file is called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * The decompressed bytes of the gzip-compressed data file `file`. zlib's own errors ("unexpected end of file") name
 * no file and read as a failed run, so a cut or damaged stream becomes a DataFileError that names the file and says
 * which: a stream that stops early (Z_BUF_ERROR) is truncated, one whose data or checksum is wrong (Z_DATA_ERROR) corrupt.
 */
export async function gunzipDataFile(file: string, bytes: Uint8Array): Promise<Buffer> {
  try {
    return await gunzipAsync(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'Z_BUF_ERROR' && code !== 'Z_DATA_ERROR') throw error;
    const damage = code === 'Z_BUF_ERROR' ? 'truncated' : 'corrupt';
    throw new DataFileError({ file, problem: `the gzip stream is ${damage} (zlib: ${(error as Error).message})`, expected: 'a complete gzip file (copy or download it again)' });
  }
}

/** The error for a gzip-compressed file given to a reader of plain text (CSV, Criteo). */
export function compressedTextError(file: string): DataFileError {
  return new DataFileError({ file, problem: 'gzip-compressed', expected: 'an uncompressed text file (decompress it first, e.g. with gunzip)' });
}

/**
 * Fails with compressedTextError when `file` starts with the gzip magic number. The text readers do not decompress,
 * and would otherwise report the compressed bytes as a wrong delimiter or an unknown layout, quoting binary noise.
 */
export async function refuseGzipText(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(GZIP_MAGIC.length), position: 0 });
    if (isGzip(buffer.subarray(0, bytesRead))) throw compressedTextError(file);
  } finally {
    await handle.close();
  }
}
