import { asyncPolicy } from './async.js';
import type { OrderPolicy } from './order-policy.js';
import { replayPolicy } from './replay.js';
import { syncPolicy } from './sync.js';

const policies = new Map<string, OrderPolicy>([syncPolicy, asyncPolicy, replayPolicy].map((p) => [p.name, p]));

/** The names `orderPolicy` accepts. */
export const orderPolicyNames = [...policies.keys()];

/** The order policy called `name`. */
export function orderPolicy(name: string): OrderPolicy {
  const policy = policies.get(name);
  if (!policy) throw new RangeError(`order: "${name}" is unknown; expected one of ${orderPolicyNames.join(', ')}`);
  return policy;
}
