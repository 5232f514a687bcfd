import type { UpdateEvent } from '../update-event.js';
import { barrierSteps, sumInOrder } from './barrier.js';
import { liveReads, type OrderPolicy } from './order-policy.js';
import { orderPolicy } from './registry.js';
import { checkPlan, executePlan, planHistoryDepth, type ReplayPlan } from './replay-plan.js';

/** A recorded event log that cannot be replayed; `line` counts events.jsonl lines from 1. */
export class RecordedEventError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * The plan of a run whose events.jsonl lists every applied update in apply order (async, ssp:K, replay). An event with
 * a shard belongs to that shard's order; one without belongs to every shard's.
 */
export function planFromEvents(events: UpdateEvent[]): ReplayPlan {
  const index = new Map<string, number>();
  const shards = 1 + Math.max(0, ...events.map((e) => e.shard ?? 0));
  const plan: ReplayPlan = { gradients: [], applyOrder: Array.from({ length: shards }, () => []) };
  events.forEach((e, i) => {
    const key = `${e.step}/${e.worker}`;
    let g = index.get(key);
    if (g === undefined) index.set(key, (g = plan.gradients.push({ step: e.step, worker: e.worker, readVersion: e.versionRead }) - 1));
    else if (plan.gradients[g]!.readVersion !== e.versionRead) {
      throw new RecordedEventError(i + 1, `step ${e.step}, worker ${e.worker} read version ${e.versionRead} here but ${plan.gradients[g]!.readVersion} on an earlier line; a gradient reads one version`);
    }
    for (const shard of e.shard === undefined ? plan.applyOrder.keys() : [e.shard]) {
      const order = plan.applyOrder[shard]!;
      if (e.version !== order.length + 1) throw new RecordedEventError(i + 1, `version ${e.version} does not follow version ${order.length} of shard ${shard}`);
      order.push(g);
    }
  });
  return plan;
}

/** Per step, the order in which a sync-arrival run reduced its workers' gradients (events sorted by orderKey). */
export function reductionOrders(events: UpdateEvent[]): Map<number, number[]> {
  const orders = new Map<number, UpdateEvent[]>();
  for (const e of events) orders.set(e.step, [...(orders.get(e.step) ?? []), e]);
  return new Map([...orders].map(([step, es]) => [step, es.sort((a, b) => a.orderKey - b.orderKey).map((e) => e.worker)]));
}

/** The shape of the run that replays a recording: it must match the recorded run's. */
export interface RunShape {
  steps: number;
  workers: number;
  shards: number;
}

/** A policy that re-applies the order and staleness recorded in `events` by a run of policy `order`, bit for bit. */
export function recordedPolicy(order: string, events: UpdateEvent[], shape: RunShape): OrderPolicy {
  const recorded = orderPolicy(order);
  const guarantee = `bit-identical to the recorded ${order} run`;
  if (recorded.name === 'sync') return { ...recorded, name: 'replay-from:sync', guarantee };
  if (recorded.name === 'sync-arrival') {
    const orders = reductionOrders(events);
    for (let step = 0; step < shape.steps; step++) {
      const order = orders.get(step) ?? [];
      if (order.length !== shape.workers || new Set(order).size !== shape.workers || order.some((w) => w >= shape.workers)) {
        throw new RangeError(`step ${step} is reduced over workers [${order.join(', ')}]; expected each of the ${shape.workers} workers once`);
      }
    }
    return {
      name: 'replay-from:sync-arrival',
      guarantee,
      followsTiming: false,
      ...liveReads,
      run: (context) => barrierSteps(context, (slots, _arrival, step, add) => ({ gradient: sumInOrder(slots, orders.get(step)!, add), order: orders.get(step)! })),
    };
  }
  const plan = planFromEvents(events);
  checkCoverage(plan, shape);
  checkPlan(plan, shape.shards);
  return {
    name: `replay-from:${order}`,
    guarantee,
    followsTiming: false,
    gradientSlots: (workers) => 2 * workers,
    historyDepth: () => planHistoryDepth(plan),
    run: (context) => {
      if (context.startStep) throw new RangeError('resume: a replayed recording is not checkpointed; run --replay-from again from the start');
      return executePlan(context, plan);
    },
  };
}

function checkCoverage(plan: ReplayPlan, { steps, workers }: RunShape): void {
  const outside = plan.gradients.find((g) => g.step >= steps || g.worker >= workers);
  if (outside) {
    throw new RangeError(`the log applies a gradient of step ${outside.step}, worker ${outside.worker}; the recorded config has steps 0 to ${steps - 1} and workers 0 to ${workers - 1}`);
  }
  if (plan.gradients.length !== steps * workers) {
    throw new RangeError(`the log applies ${plan.gradients.length} gradients; the recorded config has ${steps} steps × ${workers} workers = ${steps * workers}`);
  }
}
