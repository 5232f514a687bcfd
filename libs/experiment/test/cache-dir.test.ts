import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDatasets, ConfigError, resolveConfig } from '../src/index.js';
import { cacheDirOf, checkCacheDir } from '../src/cache-dir.js';
import { expectConfigError, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-cache-dir-');

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A file named `name` in the temporary directory, returned as an absolute path. */
function plainFile(name: string): string {
  const file = path.join(tmp(), name);
  writeFileSync(file, 'not a folder\n');
  return file;
}

/** A config reading a small CSV file (which goes through the cache) with `cache` as its cache section. */
function csvConfig(cache: object = {}) {
  const file = path.join(tmp(), 'clicks.csv');
  writeFileSync(file, ['age,city,clicked', ...Array.from({ length: 40 }, (_, i) => `${i},${['paris', 'lyon'][i % 2]},${i % 4 ? 'no' : 'yes'}`)].join('\n') + '\n');
  const data = { format: 'csv', path: file, header: true, label: { column: 'clicked', positive: ['yes'] }, numeric: ['age'], categorical: ['city'] };
  return resolveConfig({ data, cache, training: { batchSize: 8 } });
}

describe('cacheDirOf', () => {
  it('takes cache.dir, else $CHURNLAB_CACHE_DIR, else ~/.cache/churnlab, and names the setting it took', () => {
    vi.stubEnv('CHURNLAB_CACHE_DIR', '/from/environment');
    expect(cacheDirOf(resolveConfig({ cache: { dir: 'mine' } }))).toEqual({ dir: 'mine', setting: 'cache.dir' });
    expect(cacheDirOf(resolveConfig({}))).toEqual({ dir: '/from/environment', setting: '$CHURNLAB_CACHE_DIR' });
    vi.stubEnv('CHURNLAB_CACHE_DIR', undefined);
    expect(cacheDirOf(resolveConfig({}))).toEqual({ dir: path.join(homedir(), '.cache', 'churnlab'), setting: 'the default cache folder' });
  });

  it('takes an empty $CHURNLAB_CACHE_DIR for an unset one', () => {
    vi.stubEnv('CHURNLAB_CACHE_DIR', '');
    expect(cacheDirOf(resolveConfig({}))?.dir).toBe(path.join(homedir(), '.cache', 'churnlab'));
  });

  it('is undefined when the config turns the cache off', () => {
    expect(cacheDirOf(resolveConfig({ cache: { enabled: false, dir: 'mine' } }))).toBeUndefined();
  });
});

describe('checkCacheDir', () => {
  it('accepts an existing directory, and a path not made yet under one', () => {
    expect(() => checkCacheDir({ dir: tmp(), setting: 'cache.dir' })).not.toThrow();
    expect(() => checkCacheDir({ dir: path.join(tmp(), 'not', 'made', 'yet'), setting: 'cache.dir' })).not.toThrow();
  });

  it('refuses a file, naming the setting, the value and that a directory is expected', () => {
    const file = plainFile('a-file');
    expectConfigError(() => checkCacheDir({ dir: file, setting: 'cache.dir' }), `cache.dir: ${JSON.stringify(file)} is not allowed; it is not a directory`, 'expected a directory');
  });

  it('refuses a path under a file, naming the file', () => {
    const file = plainFile('under-me');
    expectConfigError(() => checkCacheDir({ dir: path.join(file, 'sub'), setting: '$CHURNLAB_CACHE_DIR' }), '$CHURNLAB_CACHE_DIR:', `${file} is not a directory`, 'expected a directory');
  });
});

describe('buildDatasets with a cache folder that is a file', () => {
  it('refuses cache.dir before reading, with a ConfigError naming it (the reader’s mkdir failed with EEXIST, exit 1)', async () => {
    const file = plainFile('cache-file');
    const error: unknown = await buildDatasets(csvConfig({ dir: file })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`cache.dir: ${JSON.stringify(file)} is not allowed; it is not a directory, expected a directory for the data cache (or a path where one can be made)`);
  });

  it('refuses $CHURNLAB_CACHE_DIR under a file, naming the variable (the mkdir failed with ENOTDIR)', async () => {
    vi.stubEnv('CHURNLAB_CACHE_DIR', path.join(plainFile('env-file'), 'cache'));
    await expect(buildDatasets(csvConfig())).rejects.toThrow(/^\$CHURNLAB_CACHE_DIR: ".*env-file\/cache" is not allowed; .*env-file is not a directory/);
  });

  it('leaves the synthetic data alone, which uses no cache', async () => {
    vi.stubEnv('CHURNLAB_CACHE_DIR', plainFile('unused'));
    await expect(buildDatasets(resolveConfig({ data: { examples: 200 }, training: { batchSize: 8 } }))).resolves.toBeDefined();
  });
});
