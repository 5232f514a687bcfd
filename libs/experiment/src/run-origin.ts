import { redactUrlsIn } from '@churnlab/transport';
import { ConfigError, shownValue } from './config-error.js';
import type { DataConfig } from './config-schema.js';
import type { RunData } from './datasets.js';
import { jsonChanges } from './json-changes.js';
import { examplesSha256 } from './sha256.js';

/** Which examples a run trains and evaluates on: the SHA-256 of its training and of its evaluation examples. */
export interface DataIdentity {
  trainSha256: string;
  evalSha256: string;
}

/** What a run was started from, kept in its checkpoints: its config.json text and its data's identity. */
export interface RunOrigin extends DataIdentity {
  config: string;
}

/** The identity of a run's data: the hashes of its examples as read, whatever file or generator they came from. */
export function dataIdentity(data: RunData): DataIdentity {
  return { trainSha256: examplesSha256(data.train), evalSha256: examplesSha256(data.eval) };
}

/** How many changed fields a message lists before it says how many more there are. */
const CHANGES_SHOWN = 3;

/**
 * Refuses to go on with results made from the config text `before` under the config text `now`, naming the fields
 * that changed: continuing would mix two configs' runs in one result. `where` says what is being continued, `expected`
 * what would be accepted.
 */
export function checkSameConfig(before: string, now: string, where: string, expected: string): void {
  let saved: unknown;
  try {
    saved = JSON.parse(before);
  } catch (error) {
    throw new ConfigError(`${where}: the config it started with is not readable JSON (${(error as Error).message}); ${expected}`);
  }
  const changes = jsonChanges(saved, JSON.parse(now));
  if (changes.length === 0) return;
  // Masked: a config pinned by an earlier version may still hold credentials written into a server URL.
  const listed = changes.slice(0, CHANGES_SHOWN).map(({ path, before, after }) => redactUrlsIn(`${path} is ${shownValue(after)}, was ${shownValue(before)}`));
  const more = changes.length > CHANGES_SHOWN ? ` (and ${changes.length - CHANGES_SHOWN} more)` : '';
  throw new ConfigError(`${where}: the config changed since it started: ${listed.join('; ')}${more}; ${expected}`);
}

/**
 * Refuses to go on with results made from the data `before` on the data `now` (a data file rewritten since, say):
 * PD between runs is only meaningful over the same examples. `data` is the config's data section, to name the source.
 */
export function checkSameData(before: DataIdentity, now: DataIdentity, data: DataConfig, where: string): void {
  const sets = [
    ['training', before.trainSha256, now.trainSha256],
    ['evaluation', before.evalSha256, now.evalSha256],
  ] as const;
  for (const [role, then, current] of sets) {
    if (then === current) continue;
    throw new ConfigError(
      `${where}: the ${role} examples of ${dataSource(data, role)} changed since it started: SHA-256 ${current.slice(0, 12)}… now, ${then.slice(0, 12)}… then; expected the same data, or a new run`,
    );
  }
}

/** Where a data section's training or evaluation examples come from, as its fields say. */
function dataSource(data: DataConfig, role: 'training' | 'evaluation'): string {
  if (data.format === 'csv' && data.eval && role === 'evaluation') return `data.eval.path (${data.eval.path})`;
  if (data.format === 'csv' || data.format === 'criteo') return `data.path (${data.path})`;
  if (data.format === 'mnist') return data.dir === undefined ? 'MNIST' : `data.dir (${data.dir})`;
  return 'the synthetic data';
}
