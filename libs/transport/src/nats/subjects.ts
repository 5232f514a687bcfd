import { WireError } from './wire-error.js';

/** A run id or worker id, used as one token of a NATS subject: no dots, wildcards or spaces. */
export const SUBJECT_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/** Where each kind of message travels. Every subject starts with `churnlab.`, so NATS permissions can fence them. */
export const subjects = {
  /** Worker processes announce themselves here, at start and then every heartbeat. */
  hello: 'churnlab.hello',
  /** A worker process leaving cleanly says so here. */
  bye: 'churnlab.bye',
  /** A coordinator asks every worker process to announce itself now. */
  discover: 'churnlab.discover',
  /** Setups, tasks, prediction requests and releases for one worker process. */
  worker: (workerId: string) => `churnlab.worker.${checkToken(workerId, 'worker id')}`,
  /** Every reply of every worker process about one run. */
  run: (runId: string) => `churnlab.run.${checkToken(runId, 'run id')}`,
};

/** `value` when it can be a subject token; throws naming `what` otherwise. */
export function checkToken(value: string, what: string): string {
  if (!SUBJECT_TOKEN.test(value)) throw new WireError(`${what} ${JSON.stringify(value.slice(0, 80))} is not allowed; expected 1 to 64 letters, digits, _ or -`);
  return value;
}
