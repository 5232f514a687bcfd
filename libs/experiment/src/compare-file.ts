import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompareResult } from './replica-sets.js';
import { compareFileSchema } from './compare-file-schema.js';
import { ConfigError, shownValue } from './config-error.js';
import { valueAt } from './json-shape.js';
import type { Config } from './config-schema.js';
import { writeJsonAtomically } from './run-directory.js';

/** The file a comparison or sweep leaves in its output directory. */
export const compareFileName = 'results.json';

/** What results.json holds: the resolved config, the command line that ran it, and every measurement. */
export interface CompareFile extends CompareResult {
  kind: 'compare' | 'sweep';
  config: Config;
  command?: string;
}

/** Writes `dir`/results.json atomically, creating `dir` when needed. */
export function writeCompareFile(dir: string, file: CompareFile): void {
  mkdirSync(dir, { recursive: true });
  writeJsonAtomically(path.join(dir, compareFileName), file);
}

/** Reads `dir`/results.json and checks it against compareFileSchema; a missing, unreadable or malformed file is a ConfigError naming it, the field, the value and what is expected. */
export function readCompareFile(dir: string): CompareFile {
  const file = path.join(dir, compareFileName);
  if (!existsSync(file)) throw new ConfigError(`${dir}: no ${compareFileName}; expected the output directory of churnlab compare or sweep`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = compareFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${file}: ${issue.path.join('.') || '(root)'}: ${shownValue(valueAt(json, issue.path))} is not allowed; ${issue.message}; expected results.json as churnlab compare and sweep write it`);
  }
  return parsed.data as CompareFile;
}
