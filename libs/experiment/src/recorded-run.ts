import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RecordedEventError, recordedPolicy, type OrderPolicy, type RunShape, type UpdateEvent } from '@churnlab/ps';
import { ConfigError } from './config-error.js';
import { checkWholeNumbers, isMapping } from './json-shape.js';
import type { Config } from './config-schema.js';
import { readConfigFile, resolveConfig } from './load-config.js';
import { runFiles } from './run-directory.js';

/** What `--replay-from` needs of a run directory: the resolved config it ran with, and its update log. */
export interface RecordedRun {
  config: Config;
  events: UpdateEvent[];
  eventsFile: string;
}

const integerFields = ['step', 'worker', 'versionRead', 'version', 'staleness', 'orderKey'] as const;

/** Reads a run directory's config.json and events.jsonl; a missing or malformed file is a ConfigError naming file and line. */
export function readRecordedRun(dir: string): RecordedRun {
  const configFile = path.join(dir, runFiles.config);
  const eventsFile = path.join(dir, runFiles.events);
  for (const file of [configFile, eventsFile]) if (!existsSync(file)) throw new ConfigError(`--replay-from: ${file} is missing; expected a run directory written by churnlab train`);
  const config = resolveConfig(readConfigFile(configFile), configFile);
  const lines = readFileSync(eventsFile, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { config, events: lines.map((line, i) => parseEvent(line, `${eventsFile}:${i + 1}`)), eventsFile };
}

function parseEvent(line: string, where: string): UpdateEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ConfigError(`${where}: ${JSON.stringify(line.slice(0, 80))} is not JSON; expected one update event per line`);
  }
  if (!isMapping(value)) throw new ConfigError(`${where}: ${line.slice(0, 80)} is not an object; expected an update event`);
  checkWholeNumbers(value, [...integerFields, ...('shard' in value ? ['shard'] : [])], 0, where);
  return value as unknown as UpdateEvent;
}

/** The policy that replays `recorded` on a run of `shape`; a log that cannot be replayed is a ConfigError naming the file (and line). */
export function recordedRunPolicy(recorded: RecordedRun, shape: RunShape): OrderPolicy {
  try {
    return recordedPolicy(recorded.config.training.order, recorded.events, shape);
  } catch (error) {
    if (error instanceof RecordedEventError) throw new ConfigError(`${recorded.eventsFile}:${error.line}: ${error.reason}`);
    if (error instanceof RangeError) throw new ConfigError(`${recorded.eventsFile}: ${error.message}`);
    throw error;
  }
}
