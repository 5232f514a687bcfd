import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PairJackknife, Spread } from '@churnlab/metrics';
import type { CompareResult } from './replica-sets.js';
import { ConfigError, shownValue } from './config-error.js';
import { valueAt } from './json-shape.js';
import { configSchema, type Config } from './config-schema.js';
import { writeJsonAtomically } from './run-directory.js';

/** The file a comparison or sweep leaves in its output directory. */
export const compareFileName = 'results.json';

/** What compare.json holds: the resolved config, the command line that ran it, and every measurement. */
export interface CompareFile extends CompareResult {
  kind: 'compare' | 'sweep';
  config: Config;
  command?: string;
}

// JSON has no NaN: a metric that does not apply (AUC of a multi-class model) is written as null and read back as NaN.
const number = z.number().nullable().transform((v) => v ?? Number.NaN);
const jackknife = z.object({ se: z.number(), replicas: z.number() });
const spread = z
  .object({ mean: z.number().nullable(), std: z.number().nullable(), ci95: z.tuple([number, number]).nullable(), n: z.number(), jackknife: jackknife.optional() })
  .transform(readSpread);

/**
 * A spread as results.json holds it, as the metrics give it: a mean of null is a metric that does not apply (NaN
 * throughout); one value (n 1, the single pair of 2 replicas) has std and ci95 null, no spread, also where a file
 * written before they were null gave it std 0 and ci95 [mean, mean].
 */
function readSpread({ mean, std, ci95, n, jackknife }: { mean: number | null; std: number | null; ci95: [number, number] | null; n: number; jackknife?: PairJackknife | undefined }): Spread {
  const withJackknife = jackknife ? { jackknife } : {};
  if (mean === null) return { mean: Number.NaN, std: Number.NaN, ci95: [Number.NaN, Number.NaN], n, ...withJackknife };
  if (n === 1) return { mean, std: null, ci95: null, n, ...withJackknife };
  return { mean, std: std ?? Number.NaN, ci95: ci95 ?? [Number.NaN, Number.NaN], n, ...withJackknife };
}
const pd = z.object({ relative: spread.optional(), absolute: spread.optional(), l1: spread.optional(), top1: spread });
const fileSchema = z.object({
  kind: z.enum(['compare', 'sweep']),
  config: configSchema,
  command: z.string().optional(),
  results: z.array(
    z.object({
      activation: z.string(),
      workers: z.number(),
      order: z.string(),
      shuffle: z.string(),
      replicas: z.number(),
      pd,
      metrics: z.object({ logLoss: spread, auc: spread, accuracy: spread }),
      paramsSha256: z.array(z.string()),
      runDirs: z.array(z.string()),
      againstBaseline: z.object({ baseline: z.string(), ratio: z.number(), ci95: z.tuple([z.number(), z.number()]) }).optional(),
    }),
  ).min(1),
  betweenWorkerCounts: z.array(z.object({ activation: z.string(), order: z.string(), shuffle: z.string(), replicas: z.number(), workers: z.tuple([z.number(), z.number()]), pd })),
});

/** Writes `dir`/compare.json atomically, creating `dir` when needed. */
export function writeCompareFile(dir: string, file: CompareFile): void {
  mkdirSync(dir, { recursive: true });
  writeJsonAtomically(path.join(dir, compareFileName), file);
}

/** Reads and checks `dir`/compare.json; a missing, unreadable or malformed file is a ConfigError naming it and the field. */
export function readCompareFile(dir: string): CompareFile {
  const file = path.join(dir, compareFileName);
  if (!existsSync(file)) throw new ConfigError(`${dir}: no ${compareFileName}; expected the output directory of churnlab compare or sweep`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${file}: ${issue.path.join('.') || '(root)'}: ${shownValue(valueAt(json, issue.path))} is not allowed; ${issue.message}; expected results.json as churnlab compare and sweep write it`);
  }
  return parsed.data as CompareFile;
}
