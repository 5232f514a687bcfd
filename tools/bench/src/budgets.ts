import type { RooflineBudget } from './roofline-rounds.js';
import type { LoopBudget } from './step-rate.js';

/** How long each kind of run is timed. */
export interface Budgets {
  /** Each churnlab run's budget in each round. */
  churnlab: LoopBudget;
  /** Rounds in which churnlab's runs of a model are timed one after another (1, 2 sync, 2 async, 1, 2 sync, …). */
  churnlabRounds: number;
  tfjsCpu: LoopBudget;
  torch: LoopBudget;
  roofline: RooflineBudget;
  /** Steps of the memory run: memory settles after the first few, so a bounded count suffices. */
  memory: { steps: number };
}

/** The full run (a few minutes per model) or the quick one (under 3 minutes in all on 2 cores). */
export function budgets(quick: boolean): Budgets {
  return quick
    ? {
        churnlab: { warmupSteps: 2, warmupSeconds: 0, minSteps: 5, minSeconds: 2 },
        churnlabRounds: 1,
        tfjsCpu: { warmupSteps: 1, warmupSeconds: 0, minSteps: 1, minSeconds: 1 },
        torch: { warmupSteps: 3, warmupSeconds: 0, minSteps: 5, minSeconds: 2 },
        roofline: { size: 1024, repeats: 5, rounds: 1 },
        memory: { steps: 20 },
      }
    : {
        churnlab: { warmupSteps: 5, warmupSeconds: 6, minSteps: 20, minSeconds: 5 },
        churnlabRounds: 3,
        tfjsCpu: { warmupSteps: 1, warmupSeconds: 6, minSteps: 5, minSeconds: 15 },
        torch: { warmupSteps: 5, warmupSeconds: 6, minSteps: 20, minSeconds: 15 },
        roofline: { size: 1024, repeats: 15, rounds: 3 },
        memory: { steps: 50 },
      };
}

/** A loop's warm-up in words: its steps, and its seconds when it has some. */
function warmup(l: LoopBudget): string {
  const steps = `${l.warmupSteps} step${l.warmupSteps === 1 ? '' : 's'}`;
  return l.warmupSeconds > 0 ? `≥ ${steps} and ≥ ${l.warmupSeconds} s` : steps;
}

/** One sentence on how long the runs were timed. */
export function describeTiming(b: Budgets): string {
  const one = (l: LoopBudget) => `≥ ${l.minSeconds} s and ≥ ${l.minSteps} steps after a warm-up of ${warmup(l)}`;
  const rounds = b.churnlabRounds === 1 ? '' : ` in each of ${b.churnlabRounds} rounds (1 worker, 2 sync, 2 async, then again), so that a drift of the shared machine's speed reaches every run alike`;
  return `churnlab ${one(b.churnlab)} and a calibration run of ≥ 1 s${rounds}; tfjs CPU ${one(b.tfjsCpu)}; PyTorch ${one(b.torch)}`;
}
