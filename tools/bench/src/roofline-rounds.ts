import { isolated } from './isolate.js';
import { withOtherCores } from './machine.js';
import { parallelRoofline, type ParallelRoofline } from './parallel-roofline.js';
import type { Roofline } from './roofline.js';

/** How the WASM rooflines are timed: the product's size, the products per timing and the rounds. */
export interface RooflineBudget {
  size: number;
  repeats: number;
  /** Rounds, each timing one thread and then `threads` threads at once, so that both meet the same drift of the machine. */
  rounds: number;
}

/**
 * The WASM roofline on one thread and, when `threads` is given, on that many threads at once, timed in alternating
 * rounds; each is the round with the median GFLOP/s (the lower middle one for an even count).
 */
export async function wasmRooflines(budget: RooflineBudget, threads: number | undefined): Promise<{ single: Roofline; parallel?: ParallelRoofline }> {
  const single: Roofline[] = [];
  const parallel: ParallelRoofline[] = [];
  for (let round = 0; round < budget.rounds; round++) {
    single.push({ ...withOtherCores(() => isolated({ kind: 'roofline', size: budget.size, repeats: budget.repeats })), rounds: budget.rounds });
    if (threads !== undefined) parallel.push(await parallelRoofline(threads, budget.size, budget.repeats));
  }
  return { single: middleBy(single, (r) => r.gflops), ...(parallel.length > 0 && { parallel: middleBy(parallel, (r) => r.gflops) }) };
}

/** The item whose `value` is the median of `items` (the lower middle one for an even count). */
export function middleBy<T>(items: T[], value: (item: T) => number): T {
  if (items.length === 0) throw new RangeError('middleBy: no items');
  return [...items].sort((a, b) => value(a) - value(b))[(items.length - 1) >> 1]!;
}
