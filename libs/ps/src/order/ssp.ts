import { applyOnArrival } from './on-arrival.js';
import { liveReads, type OrderPolicy } from './order-policy.js';

/** Stale synchronous parallel with bound `k`: asynchronous, but no worker starts a step more than k steps ahead of the slowest. */
export function sspPolicy(k: number): OrderPolicy {
  if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`order: "ssp:${k}" is not allowed; expected ssp:K with K a whole number ≥ 0`);
  return {
    name: `ssp:${k}`,
    guarantee: `no worker starts a step more than ${k} steps ahead of the slowest worker; the order within that bound follows real timing`,
    followsTiming: true,
    ...liveReads,
    run: (context) => applyOnArrival(context, k),
  };
}
