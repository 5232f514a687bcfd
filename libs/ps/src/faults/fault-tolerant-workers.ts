import { withCompute, type GradientResult, type GradientTask, type GradientWorkers, type InjectedFault } from '../gradient-workers.js';
import type { SharedParameters } from '../shared-parameters.js';
import type { FaultSpec } from './fault-spec.js';

export interface FaultTolerance {
  /** A task not back within this time is taken for a stalled worker and given to another attempt. */
  timeoutMs: number;
  /** Attempts per task before the run fails; 3 by default. */
  maxAttempts?: number;
  /** Faults to inject into the first attempt of the tasks they name. */
  faults?: readonly FaultSpec[];
  /** Told about every failed or timed-out attempt. */
  onFault?: (message: string) => void;
}

type Outcome = { ok: true; result: GradientResult } | { ok: false; reason: string; error?: unknown };

/**
 * `workers` whose tasks survive a worker that dies (its task rejects) or stalls (no answer within timeoutMs): the task
 * is computed again, as often as maxAttempts allows. Every attempt takes a fresh lease on the task's gradient slot, so
 * an attempt given up on can no longer write it; each task resolves once, with the first attempt that wrote its slot.
 * A task's gradient is a pure function of the task, so the retried result is the one the first attempt would have given.
 * Server-shard updates on the workers' threads are passed through without retries: a shard half applied cannot be
 * applied again, so a thread lost during one fails the run.
 */
export function faultTolerant(workers: GradientWorkers, store: SharedParameters, tolerance: FaultTolerance): GradientWorkers {
  const maxAttempts = tolerance.maxAttempts ?? 3;
  // Each fault strikes once: the first attempt of its task, never the retry.
  const pending = new Map((tolerance.faults ?? []).map((f) => [`${f.step}/${f.worker}`, f]));
  const injected = (task: GradientTask): InjectedFault | undefined => {
    const key = `${task.step}/${task.worker}`;
    const fault = pending.get(key);
    if (!fault) return undefined;
    pending.delete(key);
    return fault.kind === 'kill' ? { kind: 'kill' } : { kind: 'stall', ms: fault.ms };
  };
  return withCompute(workers, async (task) => {
    const slot = task.slot ?? task.worker;
    let last = '';
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const fault = injected(task);
      const outcome = await withTimeout(workers.compute({ ...task, lease: store.leaseSlot(slot), ...(fault ? { fault } : {}) }), tolerance.timeoutMs);
      if (outcome.ok && !outcome.result.superseded) return outcome.result;
      last = outcome.ok ? 'its slot was taken by a retry' : outcome.reason;
      lastError = outcome.ok ? undefined : outcome.error;
      tolerance.onFault?.(`step ${task.step}, worker ${task.worker}: attempt ${attempt} failed (${last}); ${attempt < maxAttempts ? 'computing the task again' : 'giving up'}`);
    }
    // The last attempt's own error goes along as the cause, so that --verbose shows where it was thrown.
    throw new Error(`step ${task.step}, worker ${task.worker}: no attempt of ${maxAttempts} succeeded (last: ${last})`, lastError === undefined ? undefined : { cause: lastError });
  });
}

function withTimeout(attempt: Promise<GradientResult>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${ms} ms` }), ms);
  });
  const answer = attempt.then(
    (result): Outcome => ({ ok: true, result }),
    (error: unknown): Outcome => ({ ok: false, reason: error instanceof Error ? error.message : String(error), error }),
  );
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}
