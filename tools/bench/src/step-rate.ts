/** When a timed run started and when each of its steps ended, in milliseconds on one clock. */
export interface StepTimes {
  startMs: number;
  stepEndsMs: number[];
}

/** How a run went: its steps, its seconds and its rate. */
export interface StepRate {
  steps: number;
  seconds: number;
  /** Median over `windows` equal runs of consecutive steps: robust against another process taking the cores for a moment. */
  stepsPerSec: number;
}

/** Steps, seconds and the median-of-windows step rate of `times`; fewer windows when there are fewer steps. */
export function stepRate(times: StepTimes, windows = 5): StepRate {
  return stepRateOfRounds([times], windows);
}

/**
 * The step rate of a configuration timed in several rounds (interleaved with other configurations, so that a drift of
 * the machine's speed reaches them all alike): the median over every round's windows, with the rounds' steps and
 * seconds added up.
 */
export function stepRateOfRounds(rounds: StepTimes[], windows = 5): StepRate {
  if (rounds.length === 0) throw new RangeError('stepRateOfRounds: no rounds');
  const rates = rounds.flatMap((times) => windowRates(times, windows));
  const steps = rounds.reduce((n, times) => n + times.stepEndsMs.length, 0);
  const seconds = rounds.reduce((s, times) => s + timedSeconds(times), 0);
  return { steps, seconds, stepsPerSec: median(rates) };
}

/** Seconds from the start of a timed run to the end of its last step. */
export function timedSeconds(times: StepTimes): number {
  return (times.stepEndsMs.at(-1)! - times.startMs) / 1000;
}

/** The step rates of `windows` equal runs of consecutive steps of `times` (fewer when there are fewer steps). */
function windowRates(times: StepTimes, windows: number): number[] {
  const ends = times.stepEndsMs;
  const steps = ends.length;
  if (steps === 0) throw new RangeError('stepRate: the run has no steps');
  const count = Math.max(1, Math.min(windows, steps));
  const rates: number[] = [];
  for (let w = 0; w < count; w++) {
    const lo = Math.floor((w * steps) / count);
    const hi = Math.floor(((w + 1) * steps) / count);
    const from = lo === 0 ? times.startMs : ends[lo - 1]!;
    rates.push(((hi - lo) * 1000) / (ends[hi - 1]! - from));
  }
  return rates;
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How long a timed loop runs: at least `minSteps` steps and `minSeconds` seconds, after untimed ones for at least
 * `warmupSteps` steps and `warmupSeconds` seconds.
 */
export interface LoopBudget {
  warmupSteps: number;
  warmupSeconds: number;
  minSteps: number;
  minSeconds: number;
}

/** Runs `step` under `budget` and returns when each timed step ended. */
export async function timeLoop(step: () => void | Promise<void>, budget: LoopBudget): Promise<StepTimes> {
  const warmupEndMs = performance.now() + budget.warmupSeconds * 1000;
  for (let i = 0; i < budget.warmupSteps || performance.now() < warmupEndMs; i++) await step();
  const startMs = performance.now();
  const stepEndsMs: number[] = [];
  while (stepEndsMs.length < budget.minSteps || stepEndsMs[stepEndsMs.length - 1]! - startMs < budget.minSeconds * 1000) {
    await step();
    stepEndsMs.push(performance.now());
  }
  return { startMs, stepEndsMs };
}

/** Steps to time for `minSeconds` at `stepsPerSec` (a warm-up's rate), at least `minSteps`. */
export function stepsFor(stepsPerSec: number, budget: LoopBudget): number {
  return Math.max(budget.minSteps, Math.ceil(stepsPerSec * budget.minSeconds));
}
