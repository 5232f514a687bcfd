import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatasets, readRecordedRun, trainRun, writeRunDirectory } from '../src/index.js';
import { expectConfigError, smallConfig, TRAINING_TIMEOUT, usePool, useTempDir, type ConfigOverrides } from './helpers.js';

const pool = usePool();
const tmp = useTempDir('churnlab-replay-from-');

/** Trains `overrides`, writes its run directory, and trains again from that directory's config and event log. */
async function recordAndReplay(name: string, overrides: ConfigOverrides) {
  const config = smallConfig({ seed: 8, ...overrides });
  const recorded = await trainRun(config, { pool: pool(), data: await buildDatasets(config) });
  const dir = path.join(tmp(), name);
  writeRunDirectory(dir, recorded);
  const source = readRecordedRun(dir);
  const replayed = await trainRun(source.config, { pool: pool(), data: await buildDatasets(source.config), recorded: source });
  return { recorded, replayed, dir };
}

describe('--replay-from: a recorded run re-applied from its run directory', () => {
  it.each<[string, ConfigOverrides]>([
    ['async', { training: { order: 'async', workers: 2, delay: 'jitter:2' } }],
    ['async over 3 server shards', { training: { order: 'async', workers: 3, psShards: 3 } }],
    ['ssp:1', { training: { order: 'ssp:1', workers: 3, delay: 'lag:0=2' } }],
    ['sync-arrival', { training: { order: 'sync-arrival', workers: 4 } }],
    ['replay over 2 server shards', { training: { order: 'replay', workers: 4, psShards: 2 } }],
  ])(
    'reproduces a %s run bit for bit',
    async (name, overrides) => {
      const { recorded, replayed } = await recordAndReplay(name.replace(/\W+/g, '-'), overrides);
      expect(replayed.metrics.paramsSha256).toBe(recorded.metrics.paramsSha256);
      expect(replayed.events).toEqual(recorded.events);
      expect(replayed.config).toEqual({ ...recorded.config, replica: 0 });
    },
    TRAINING_TIMEOUT,
  );

  it(
    'names file and line of a malformed event, and of one that breaks the order',
    async () => {
      const { dir } = await recordAndReplay('broken', { training: { order: 'async', workers: 2 } });
      const events = path.join(dir, 'events.jsonl');
      const lines = readFileSync(events, 'utf8').split('\n');
      writeFileSync(events, [...lines.slice(0, 4), '{"step": 1, "worker": "a"}', ...lines.slice(5)].join('\n'));
      expectConfigError(() => readRecordedRun(dir), `${events}:5: worker: "a" is not allowed; expected a whole number ≥ 0`);
      writeFileSync(events, [...lines.slice(0, 2), lines[3], lines[2], ...lines.slice(4)].join('\n'));
      const source = readRecordedRun(dir);
      await expect(trainRun(source.config, { pool: pool(), data: await buildDatasets(source.config), recorded: source })).rejects.toThrow(`${events}:3: version 4 does not follow version 2 of shard 0`);
    },
    TRAINING_TIMEOUT,
  );

  it('refuses a directory without events.jsonl, naming the file', () => {
    expectConfigError(() => readRecordedRun(tmp()), `--replay-from: ${path.join(tmp(), 'config.json')} is missing`);
  });
});
