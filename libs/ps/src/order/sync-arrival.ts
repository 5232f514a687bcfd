import { liveReads, type OrderPolicy } from './order-policy.js';
import { barrierSteps, sumInOrder } from './barrier.js';

/** A barrier per step, with the workers' gradients summed in the order they really arrived: only float32 rounding differs between runs. */
export const syncArrivalPolicy: OrderPolicy = {
  name: 'sync-arrival',
  guarantee: 'the same updates as sync up to float32 rounding: the reduction follows real arrival order, which events.jsonl records',
  followsTiming: true,
  ...liveReads,
  run: (context) => barrierSteps(context, (slots, arrivalOrder, _step, add) => ({ gradient: sumInOrder(slots, arrivalOrder, add), order: arrivalOrder })),
};
