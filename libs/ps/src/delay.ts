import type { SeedStream } from '@churnlab/random';

/**
 * An injected delay between a worker finishing its gradient and the server receiving it, to widen real asynchrony:
 * none, a fixed lag per worker, or a seeded jitter drawn uniformly from [0, maxMs) per (step, worker).
 */
export type DelaySpec = { kind: 'none' } | { kind: 'lag'; ms: Record<number, number> } | { kind: 'jitter'; maxMs: number };

/** The text forms `parseDelay` accepts, for messages and --help. */
export const delayForms = 'none, lag:WORKER=MS[,WORKER=MS…] or jitter:MAX_MS';

const MAX_DELAY_MS = 60_000;

/** Parses `none`, `lag:1=20,3=5` or `jitter:10`; throws a RangeError naming the value and the accepted forms. */
export function parseDelay(text: string): DelaySpec {
  const fail = (): never => {
    throw new RangeError(`delay: "${text}" is not allowed; expected ${delayForms}, with milliseconds from 0 to ${MAX_DELAY_MS}`);
  };
  const milliseconds = (value: string | undefined) => {
    const ms = Number(value);
    return value !== undefined && /^\d+(\.\d+)?$/.test(value) && ms <= MAX_DELAY_MS ? ms : fail();
  };
  const [kind, rest] = text.trim().split(/:(.*)/s, 2) as [string, string | undefined];
  if (kind === 'none' && rest === undefined) return { kind: 'none' };
  if (kind === 'jitter') return { kind: 'jitter', maxMs: milliseconds(rest) };
  if (kind !== 'lag' || !rest) return fail();
  const ms: Record<number, number> = {};
  for (const pair of rest.split(',')) {
    const [worker, value] = pair.split('=');
    if (worker === undefined || !/^\d+$/.test(worker.trim()) || Object.hasOwn(ms, Number(worker))) fail();
    ms[Number(worker)] = milliseconds(value?.trim());
  }
  return { kind: 'lag', ms };
}

/** The text form of a delay, as parseDelay reads it back. */
export function formatDelay(spec: DelaySpec): string {
  if (spec.kind === 'none') return 'none';
  if (spec.kind === 'jitter') return `jitter:${spec.maxMs}`;
  return `lag:${Object.entries(spec.ms).map(([w, ms]) => `${w}=${ms}`).join(',')}`;
}

/** The delay in milliseconds of worker `worker`'s gradient of step `step`; jitter draws from `stream` at (step, worker). */
export function delayMs(spec: DelaySpec, stream: SeedStream, step: number, worker: number): number {
  if (spec.kind === 'lag') return spec.ms[worker] ?? 0;
  if (spec.kind === 'jitter') return spec.maxMs * stream.uniform(step, worker, 0);
  return 0;
}
