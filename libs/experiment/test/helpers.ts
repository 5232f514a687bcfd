export { useTempDir } from '../../../test-support/temp-dir.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { ThreadPool } from '@churnlab/transport';
import { buildDatasets, ConfigError, resolveConfig, trainRun, type Config, type RunResult } from '../src/index.js';

type Section = Record<string, unknown>;

/** Overrides of a config, section by section (merged one level deep into each section). */
export interface ConfigOverrides {
  seed?: number;
  vary?: string[];
  data?: Section;
  model?: Section;
  training?: Section;
  compare?: Section;
  sweep?: Section;
  transport?: Section;
}

/** A config input small enough that one run trains in about a second (30 steps of 32 rows, one hidden layer of 16). */
export const smallConfigInput = {
  data: { examples: 1200 },
  model: { hidden: [16] },
  training: { epochs: 1, batchSize: 32 },
} as const;

/** `smallConfigInput` with `overrides` merged into its sections, as an unvalidated object. */
export function smallConfigObject(overrides: ConfigOverrides = {}): Record<string, unknown> {
  const base: Record<string, unknown> = structuredClone(smallConfigInput) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    base[key] = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(base[key] as Section | undefined), ...value } : value;
  }
  return base;
}

/** `smallConfigObject(overrides)`, validated. */
export function smallConfig(overrides: ConfigOverrides = {}): Config {
  return resolveConfig(smallConfigObject(overrides));
}

/** A real ThreadPool (WASM worker threads) shared by the file's tests, closed afterwards. */
export function usePool(threads = ThreadPool.sizeFor(2)): () => ThreadPool {
  let pool: ThreadPool | undefined;
  beforeAll(() => {
    pool = new ThreadPool(threads);
  });
  afterAll(async () => {
    await pool?.close();
  });
  return () => {
    if (!pool) throw new Error('thread pool used outside the tests');
    return pool;
  };
}

/** Trains one run of `config` on `pool`, on the datasets the config names. */
export async function train(pool: ThreadPool, config: Config, replica = 0): Promise<RunResult> {
  return trainRun(config, { pool, data: await buildDatasets(config), replica });
}

/** Runs `action`, expecting a ConfigError whose message contains every fragment; returns the message. */
export function expectConfigError(action: () => unknown, ...fragments: (string | RegExp)[]): string {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ConfigError to be thrown').toBeInstanceOf(ConfigError);
  const message = (thrown as ConfigError).message;
  for (const fragment of fragments) {
    if (typeof fragment === 'string') expect(message).toContain(fragment);
    else expect(message).toMatch(fragment);
  }
  return message;
}

/** Time limits for tests that train: a run takes seconds, several runs in one test take longer. */
export const TRAINING_TIMEOUT = 120_000;
