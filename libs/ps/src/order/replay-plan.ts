import type { GradientResult } from '../gradient-workers.js';
import type { TrainingContext } from '../training-context.js';
import type { UpdateEvent } from '../update-event.js';
import { taskFor } from './tasks.js';

/** One gradient of a plan: worker `worker`'s gradient of step `step`, computed at parameter version `readVersion`. */
export interface PlannedGradient {
  step: number;
  worker: number;
  readVersion: number;
}

/**
 * A fully determined asynchronous run. Version v + 1 is made at tick v, when every server shard k applies gradient
 * `applyOrder[k][v]` to its range (a single order is followed by every shard); a gradient reads one version for every
 * shard, as a worker reading all shards at once.
 */
export interface ReplayPlan {
  gradients: PlannedGradient[];
  applyOrder: number[][];
}

/** The tick at which each gradient is first needed by some shard. */
function firstTicks(plan: ReplayPlan): Int32Array {
  const first = new Int32Array(plan.gradients.length).fill(-1);
  for (let tick = plan.gradients.length - 1; tick >= 0; tick--) for (const order of plan.applyOrder) first[order[tick]!] = tick;
  return first;
}

/** Past versions the store must keep for `plan`: a gradient may read as far back as its staleness at its first apply. */
export function planHistoryDepth(plan: ReplayPlan): number {
  const first = firstTicks(plan);
  return 1 + plan.gradients.reduce((depth, g, i) => Math.max(depth, first[i]! - g.readVersion), 0);
}

/** Checks that every shard applies every gradient exactly once and that no gradient reads a version made after it is needed. */
export function checkPlan(plan: ReplayPlan, shards: number): void {
  const n = plan.gradients.length;
  if (plan.applyOrder.length !== 1 && plan.applyOrder.length !== shards) {
    throw new RangeError(`the replay plan orders ${plan.applyOrder.length} server shards; this run has ${shards}`);
  }
  plan.applyOrder.forEach((order, k) => {
    const seen = new Uint8Array(n);
    if (order.length !== n || order.some((g) => !(g >= 0 && g < n) || seen[g]!++ > 0)) {
      throw new RangeError(`shard ${k} of the replay plan does not apply each of the ${n} gradients exactly once`);
    }
  });
  const first = firstTicks(plan);
  plan.gradients.forEach((g, i) => {
    if (!(g.readVersion >= 0 && g.readVersion <= first[i]!)) {
      throw new RangeError(`step ${g.step}, worker ${g.worker}: reads version ${g.readVersion} but is first applied at version ${first[i]! + 1}; expected a version from 0 to ${first[i]}`);
    }
  });
}

/** Where a plan's run starts, and the ticks at which it may be checkpointed. */
export interface PlanProgress {
  /** Resume at this tick: gradients applied before it are done; none may be applied both before and after it. */
  startTick?: number;
  /** The completed steps a checkpoint at `tick` stands for, or undefined where no checkpoint may be taken. */
  checkpointStep?: (tick: number) => number | undefined;
}

/**
 * Runs `plan` on real workers: gradients are launched ahead, in the order they are first needed, as soon as the version
 * they read exists and a gradient slot is free, so workers compute in parallel while the result stays fixed by the plan.
 */
export async function executePlan(context: TrainingContext, plan: ReplayPlan, progress: PlanProgress = {}): Promise<void> {
  checkPlan(plan, context.shards.count);
  const { store, shards } = context;
  const n = plan.gradients.length;
  const first = firstTicks(plan);
  const startTick = progress.startTick ?? 0;
  const done = doneBefore(plan, startTick);
  const launchOrder = Array.from({ length: n }, (_, g) => g)
    .filter((g) => !done[g])
    .sort((a, b) => first[a]! - first[b]! || a - b);
  const slotCount = store.handle.slots;
  const freeSlots = Array.from({ length: slotCount }, (_, s) => slotCount - 1 - s);
  const slotOf = new Int32Array(n).fill(-1);
  const appliesLeft = new Uint32Array(n).fill(shards.count);
  const pending = new Map<number, Promise<GradientResult>>();
  const stepLoss = new Map<number, { loss: number; left: number }>();
  plan.gradients.forEach((g, i) => {
    if (done[i]) return;
    const entry = stepLoss.get(g.step) ?? { loss: 0, left: 0 };
    stepLoss.set(g.step, { ...entry, left: entry.left + 1 });
  });
  let launched = 0;
  const launchReady = (tick: number) => {
    while (launched < launchOrder.length && freeSlots.length > 0 && plan.gradients[launchOrder[launched]!]!.readVersion <= tick) {
      const g = launchOrder[launched++]!;
      const { step, worker, readVersion } = plan.gradients[g]!;
      slotOf[g] = freeSlots.pop()!;
      const result = context.workers.compute({ ...taskFor(context, step, worker), readVersion, slot: slotOf[g] });
      // Launched ahead, it may fail before the loop awaits it: the loop still gets the error then, not the process.
      result.catch(() => undefined);
      pending.set(g, result);
    }
  };
  for (let tick = startTick; tick < n; tick++) {
    const checkpoint = progress.checkpointStep?.(tick);
    if (checkpoint !== undefined && tick > startTick) context.onCheckpoint?.(checkpoint);
    launchReady(tick);
    const applying = Array.from({ length: shards.count }, (_, k) => (plan.applyOrder[k] ?? plan.applyOrder[0]!)[tick]!);
    for (const g of new Set(applying)) {
      if (slotOf[g] === -1) throw new RangeError(`the replay plan needs more than ${slotCount} gradients in flight at version ${tick}`);
      const result = pending.get(g);
      if (!result) continue;
      const { lossSum } = await result;
      pending.delete(g);
      stepLoss.get(plan.gradients[g]!.step)!.loss += lossSum;
    }
    const version = store.write((params) => applying.forEach((g, k) => shards.applyShard(k, params, store.gradientSlot(slotOf[g]!), store.touchedRows(slotOf[g]!))));
    emitTick(context, plan, applying, version);
    for (const g of applying) if (--appliesLeft[g]! === 0) finish(context, plan.gradients[g]!, stepLoss, () => freeSlots.push(slotOf[g]!));
  }
}

/** Which gradients every shard applied before `tick`; throws if a gradient is applied on both sides of it. */
function doneBefore(plan: ReplayPlan, tick: number): Uint8Array {
  const before = new Uint32Array(plan.gradients.length);
  const orders = plan.applyOrder;
  for (const order of orders) for (let t = 0; t < tick; t++) before[order[t]!]!++;
  const shards = orders.length;
  return Uint8Array.from(before, (count, g) => {
    if (count !== 0 && count !== shards) throw new RangeError(`the plan cannot resume at version ${tick}: step ${plan.gradients[g]!.step}, worker ${plan.gradients[g]!.worker} is applied both before and after it`);
    return count === shards ? 1 : 0;
  });
}

/** One event for the tick when every shard applied the same gradient, else one per shard. */
function emitTick(context: TrainingContext, plan: ReplayPlan, applying: number[], version: number): void {
  const event = (g: number): UpdateEvent => {
    const { step, worker, readVersion } = plan.gradients[g]!;
    return { step, worker, versionRead: readVersion, version, staleness: version - 1 - readVersion, orderKey: version - 1 };
  };
  if (applying.every((g) => g === applying[0])) context.onUpdate(event(applying[0]!));
  else applying.forEach((g, shard) => context.onUpdate({ ...event(g), shard }));
}

function finish(context: TrainingContext, gradient: PlannedGradient, stepLoss: Map<number, { loss: number; left: number }>, freeSlot: () => void): void {
  freeSlot();
  const entry = stepLoss.get(gradient.step)!;
  if (--entry.left === 0) context.onStep(gradient.step, entry.loss / context.batches.batchSize);
}
