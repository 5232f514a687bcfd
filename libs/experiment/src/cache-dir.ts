import { homedir } from 'node:os';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import { nearestExisting } from './nearest-existing.js';

/** The folder of the binary data cache, and the setting that named it, for messages. */
export interface CacheDir {
  dir: string;
  setting: string;
}

/** The folder of the binary data cache: cache.dir, else $CHURNLAB_CACHE_DIR, else ~/.cache/churnlab; undefined when the config turns the cache off. */
export function cacheDirOf(config: Config): CacheDir | undefined {
  if (!config.cache.enabled) return undefined;
  if (config.cache.dir !== undefined) return { dir: config.cache.dir, setting: 'cache.dir' };
  // An empty variable (as `CHURNLAB_CACHE_DIR= churnlab …` sets it) names no folder: the default is meant.
  const fromEnvironment = process.env['CHURNLAB_CACHE_DIR'];
  if (fromEnvironment) return { dir: fromEnvironment, setting: '$CHURNLAB_CACHE_DIR' };
  return { dir: path.join(homedir(), '.cache', 'churnlab'), setting: 'the default cache folder' };
}

/**
 * Refuses a cache folder that is a file, or lies under one, before any data is read: the reader makes the folder as it
 * writes the cache, and its mkdir then failed with EEXIST or ENOTDIR, a run failure that named neither the setting nor
 * what it expects. The nearest part of the path that exists must be a directory; the rest can be made.
 */
export function checkCacheDir({ dir, setting }: CacheDir): void {
  const nearest = nearestExisting(dir);
  if (nearest.stats.isDirectory()) return;
  const which = nearest.firstMissing === undefined ? 'it' : path.isAbsolute(dir) ? nearest.path : path.relative(process.cwd(), nearest.path);
  throw new ConfigError(`${setting}: ${JSON.stringify(dir)} is not allowed; ${which} is not a directory, expected a directory for the data cache (or a path where one can be made)`);
}
