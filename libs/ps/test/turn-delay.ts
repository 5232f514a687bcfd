import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How many turns of the event loop worker `worker` waits, beyond the one every worker yields, before it delivers step
 * `step`. Counted in turns, not milliseconds, so that the order in which the in-thread workers finish is the same on
 * any machine however loaded: a pause of the process makes timers that were due at different times fire together.
 */
export type TurnDelay = (worker: number, step: number) => number;

/** Yields to the event loop once, and then `extra` more times. */
export async function waitTurns(extra: number): Promise<void> {
  for (let turn = 0; turn <= extra; turn++) await nextTurn();
}
