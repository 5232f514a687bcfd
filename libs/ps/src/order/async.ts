import { applyOnArrival } from './on-arrival.js';
import { liveReads, type OrderPolicy } from './order-policy.js';

/** Each worker's gradient is applied the moment it arrives, against whatever version that worker read: real thread timing decides the order. */
export const asyncPolicy: OrderPolicy = {
  name: 'async',
  guarantee: 'none: the apply order follows real thread timing, so replicas differ; events.jsonl records it for --replay-from',
  followsTiming: true,
  ...liveReads,
  run: (context) => applyOnArrival(context, Number.POSITIVE_INFINITY),
};
