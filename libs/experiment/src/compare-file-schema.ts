// What results.json may hold, checked when `churnlab report` reads it back: types, ranges, and that the counts agree
// with each other (a spread's n with its row's replicas), so that a report is never written from nonsense.
import { z } from 'zod';
import type { PairJackknife, Spread } from '@churnlab/metrics';
import { configSchema, MAX_WORKERS } from './config-schema.js';
import { knobProblem, type Knob } from './knobs.js';

const wholeNumber = (min: number, max: number, what: string) => {
  const expected = `expected ${what}: a whole number ${max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`}`;
  return z.number({ error: expected }).refine((v) => Number.isSafeInteger(v) && v >= min && v <= max, { error: expected });
};
const numberIn = (min: number, max: number, what: string) => {
  const expected = `expected ${what}: a number ${max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`}`;
  return z.number({ error: expected }).refine((v) => v >= min && v <= max, { error: expected });
};
const workers = wholeNumber(1, MAX_WORKERS, 'the worker threads of the runs');
const replicas = wholeNumber(2, Infinity, 'the replicas of the setting');

/** A text knob (activation, order, shuffle) that its own parser accepts. */
const knob = (name: Knob) =>
  z.string().superRefine((text, ctx) => {
    const problem = knobProblem(name, text);
    // The parser's message repeats the value, which the reader's message shows already.
    if (problem) ctx.addIssue({ code: 'custom', input: text, message: problem.replace(/^"[^"]*" is (?:unknown|not allowed); /, '') });
  });

type RawSpread = { mean: number | null; std: number | null; ci95: [number | null, number | null] | null; n: number; jackknife?: PairJackknife | undefined };

/**
 * A mean with its spread, the mean in [min, max] (or null, for a metric that does not apply, when `mayNotApply`): n ≥ 2
 * values have a std ≥ 0 and an interval around the mean; one value has neither (null; std 0 and [mean, mean] in files
 * written before).
 */
function spread(min: number, max: number, what: string, mayNotApply = false) {
  const mean = numberIn(min, max, what);
  return z
    .object({
      mean: mayNotApply ? mean.nullable() : mean,
      std: z.number().min(0).nullable(),
      ci95: z.tuple([z.number().nullable(), z.number().nullable()]).nullable(),
      n: wholeNumber(1, Infinity, 'the values (pairs or replicas) summarized'),
      jackknife: z.object({ se: z.number().min(0), replicas: wholeNumber(3, Infinity, 'the replicas of the jackknife') }).optional(),
    })
    .superRefine((s, ctx) => {
      const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], input: s[field as keyof RawSpread], message });
      if (s.mean === null) return; // does not apply: JSON wrote the NaNs as null, whatever else it holds
      const [low, high] = s.ci95 ?? [null, null];
      if (s.n === 1) {
        if (s.std !== null && s.std !== 0) issue('std', 'expected null: one value (n 1) has no spread');
        if (s.ci95 !== null && (low !== s.mean || high !== s.mean)) issue('ci95', 'expected null: one value (n 1) has no interval');
        return;
      }
      if (s.std === null) issue('std', `expected a number ≥ 0: null (no spread) is for one value, and n is ${s.n}`);
      else if (low === null || high === null || !(low <= s.mean && s.mean <= high)) issue('ci95', `expected [low, high] around the mean ${s.mean}`);
    })
    .transform(readSpread);
}

/**
 * A spread as the metrics give it: a mean of null is a metric that does not apply (NaN throughout); one value (n 1, the
 * single pair of 2 replicas) has std and ci95 null, no spread, also where a file written before gave it std 0 and
 * ci95 [mean, mean].
 */
function readSpread({ mean, std, ci95, n, jackknife }: RawSpread): Spread {
  const withJackknife = jackknife ? { jackknife } : {};
  if (mean === null) return { mean: Number.NaN, std: Number.NaN, ci95: [Number.NaN, Number.NaN], n, ...withJackknife };
  if (n === 1) return { mean, std: null, ci95: null, n, ...withJackknife };
  return { mean, std: std!, ci95: ci95 as [number, number], n, ...withJackknife };
}

// Relative PD is at most 2 (|a − b| / ((a + b)/2)); the other PDs are shares of examples or halves of L1 distances.
const pd = z.object({
  relative: spread(0, 2, 'a relative PD').optional(),
  absolute: spread(0, 1, 'an absolute PD').optional(),
  l1: spread(0, 1, 'an L1 PD').optional(),
  top1: spread(0, 1, 'a top-1 PD'),
});
type Pd = z.output<typeof pd>;

const metrics = z.object({
  logLoss: spread(0, Infinity, 'a log loss', true),
  auc: spread(0, 1, 'an AUC', true),
  accuracy: spread(0, 1, 'an accuracy', true),
});

/** Binary (relative and absolute PD) or multi-class (L1 PD); undefined for a mix or neither. */
function pdKind(value: Pd): 'binary' | 'multi-class' | undefined {
  if (value.relative && value.absolute && !value.l1) return 'binary';
  if (value.l1 && !value.relative && !value.absolute) return 'multi-class';
  return undefined;
}

/** Checks that every PD of `value` summarizes `pairs` pairs and has a jackknife of `replicas` replicas, if any. */
function checkPairs(value: Pd, pairs: number, replicas: number, what: string, ctx: z.RefinementCtx, at: PropertyKey[]): void {
  if (!pdKind(value)) ctx.addIssue({ code: 'custom', path: at, input: value, message: 'expected relative and absolute PD (a binary model) or L1 PD (a multi-class model), not both or neither' });
  for (const [key, s] of Object.entries(value) as [string, Spread | undefined][]) {
    if (!s) continue;
    if (s.n !== pairs) ctx.addIssue({ code: 'custom', path: [...at, key, 'n'], input: s.n, message: `expected ${pairs}, ${what}` });
    if (s.jackknife && s.jackknife.replicas !== replicas) ctx.addIssue({ code: 'custom', path: [...at, key, 'jackknife', 'replicas'], input: s.jackknife.replicas, message: `expected ${replicas}, the row's replicas` });
  }
}

const resultRow = z
  .object({
    activation: knob('activation'),
    workers,
    order: knob('order'),
    shuffle: knob('shuffle'),
    replicas,
    pd,
    metrics,
    paramsSha256: z.array(z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a SHA-256 as 64 lowercase hex digits' })),
    runDirs: z.array(z.string().min(1)),
    againstBaseline: z
      .object({ baseline: knob('activation'), ratio: z.number().gt(0), ci95: z.tuple([z.number().gt(0), z.number().gt(0)]) })
      .refine(({ ratio, ci95: [low, high] }) => low <= ratio && ratio <= high, { path: ['ci95'], error: 'expected [low, high] around the ratio' })
      .optional(),
  })
  .superRefine((row, ctx) => {
    const r = row.replicas;
    checkPairs(row.pd, (r * (r - 1)) / 2, r, `the pairs of the row's ${r} replicas`, ctx, ['pd']);
    for (const [key, s] of Object.entries(row.metrics)) {
      if (s.n !== r) ctx.addIssue({ code: 'custom', path: ['metrics', key, 'n'], input: s.n, message: `expected ${r}, the row's replicas` });
    }
    if (row.paramsSha256.length !== r) ctx.addIssue({ code: 'custom', path: ['paramsSha256'], input: row.paramsSha256, message: `expected ${r} hashes, one per replica` });
    if (row.runDirs.length !== 0 && row.runDirs.length !== r) ctx.addIssue({ code: 'custom', path: ['runDirs'], input: row.runDirs, message: `expected ${r} run directories, one per replica, or none` });
  });

const betweenRow = z
  .object({ activation: knob('activation'), order: knob('order'), shuffle: knob('shuffle'), replicas, workers: z.tuple([workers, workers]), pd })
  .superRefine((row, ctx) => {
    const r = row.replicas;
    if (row.workers[0] === row.workers[1]) ctx.addIssue({ code: 'custom', path: ['workers'], input: row.workers, message: 'expected two different worker counts' });
    checkPairs(row.pd, r * r, r, `the pairs of one replica of each count (${r} × ${r})`, ctx, ['pd']);
  });

/** results.json as churnlab compare and sweep write it; every PD of one kind (binary or multi-class), as the report's charts need. */
export const compareFileSchema = z
  .object({
    kind: z.enum(['compare', 'sweep']),
    config: configSchema,
    command: z.string().optional(),
    results: z.array(resultRow).min(1),
    betweenWorkerCounts: z.array(betweenRow),
  })
  .superRefine((file, ctx) => {
    // Run after a failed check of a field too (only a wrong type stops zod's refinements), so results may be empty.
    if (file.results.length === 0) return;
    const first = pdKind(file.results[0]!.pd);
    const rows: Array<[PropertyKey[], Pd]> = [
      ...file.results.map((row, i): [PropertyKey[], Pd] => [['results', i, 'pd'], row.pd]),
      ...file.betweenWorkerCounts.map((row, i): [PropertyKey[], Pd] => [['betweenWorkerCounts', i, 'pd'], row.pd]),
    ];
    const other = rows.find(([, value]) => pdKind(value) !== first);
    if (other) ctx.addIssue({ code: 'custom', path: other[0], input: other[1], message: `expected ${first} PD as results.0.pd has: one file holds one kind of model` });
  });
