import { asyncPolicy } from './async.js';
import type { OrderPolicy } from './order-policy.js';
import { replayPolicy } from './replay.js';
import { sspPolicy } from './ssp.js';
import { syncArrivalPolicy } from './sync-arrival.js';
import { syncPolicy } from './sync.js';

const policies = new Map<string, OrderPolicy>([syncPolicy, syncArrivalPolicy, asyncPolicy, replayPolicy].map((p) => [p.name, p]));

/** The names `orderPolicy` accepts; `ssp:K` takes any whole K ≥ 0. */
export const orderPolicyNames = [...policies.keys(), 'ssp:K'];

/** The order policy called `name`. */
export function orderPolicy(name: string): OrderPolicy {
  const ssp = /^ssp:(\d+)$/.exec(name);
  if (ssp) return sspPolicy(Number(ssp[1]));
  const policy = policies.get(name);
  if (!policy) throw new RangeError(`order: "${name}" is unknown; expected one of ${orderPolicyNames.join(', ')}`);
  return policy;
}
