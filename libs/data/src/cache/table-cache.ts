import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { decodeTableFile, tableName, type RawTable, type TableOptions } from '../readers/csv-table.js';
import type { ResolvedCsvSource } from '../readers/csv-source.js';
import { checkDataFile } from '../readers/data-file.js';
import { CacheWriter, loadCacheFile } from './cache-file.js';
import { fileSha256 } from './content-hash.js';

/** A raw table read through the cache, and whether the cache already held it. */
export interface CachedTable extends RawTable {
  cacheFile: string;
  hit: boolean;
}

/**
 * One file of `source` as a raw table, through a binary cache in `cacheDir`: the first read streams the text into
 * a cache file keyed by the file's content and every setting that shapes the decoded rows; later reads load it.
 */
export async function cachedTableFile(file: string, skipLines: number, source: ResolvedCsvSource, options: TableOptions, cacheDir: string): Promise<CachedTable> {
  const { cacheFile, converted } = await ensureCacheFile(file, skipLines, source, options, cacheDir);
  return { ...loadCacheFile(cacheFile), cacheFile, hit: !converted };
}

/** Makes sure the cache file of `file` exists, converting the text in one streaming pass (memory: one chunk of rows) if not. */
export async function ensureCacheFile(file: string, skipLines: number, source: ResolvedCsvSource, options: TableOptions, cacheDir: string): Promise<{ cacheFile: string; converted: boolean }> {
  await checkDataFile(file);
  const cacheFile = path.join(cacheDir, `${tableName(file)}-${await cacheKey(file, skipLines, source, options)}.cache`);
  if (existsSync(cacheFile)) return { cacheFile, converted: false };
  mkdirSync(cacheDir, { recursive: true });
  let writer: CacheWriter | undefined;
  try {
    const { sink, skippedRows, skipped } = await decodeTableFile(file, skipLines, source, options, (shape) => (writer = new CacheWriter(cacheFile, shape)));
    sink.finish(tableName(file), skippedRows, skipped);
  } catch (error) {
    writer?.abandon();
    throw error;
  }
  return { cacheFile, converted: true };
}

/**
 * The version of the rules that turn a file's text into rows, part of every cache key: raise it whenever the same text
 * and settings decode differently, so a cache written under the old rules is not reused. 2: a number beyond float32's
 * range is refused (under 1 it was cached as ±Infinity, and training on it failed).
 */
const DECODING_RULES = 2;

/** The cache key: a hash of the file's bytes, of the decoding rules and settings (columns, label, missing tokens, hashing, bad rows). */
export async function cacheKey(file: string, skipLines: number, source: ResolvedCsvSource, options: TableOptions): Promise<string> {
  const { delimiter, header, columns, label, numeric, categorical, missing } = source;
  const settings = { format: DECODING_RULES, content: await fileSha256(file), skipLines, delimiter, header, columns, label, numeric, categorical, missing, hash: options.hash, skipBadRows: options.skipBadRows ?? false };
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 24);
}
