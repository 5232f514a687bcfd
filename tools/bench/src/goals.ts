import type { EntryKey } from './entries.js';
import { equalThreadRuns, pytorchGap, type GapDecomposition } from './pytorch-gap.js';
import type { BenchResult, Entry } from './results.js';

/** One goal of issue 6 and where this run stands; `met` is absent for a ratio that is reported, not targeted. */
export interface Goal {
  goal: string;
  target: string;
  measured: string;
  met?: boolean;
}

/** The memory goal's budget: the whole process (coordinator and 2 worker threads) within 1 GB of peak RSS, in MiB. */
export const MEMORY_BUDGET_MB = 1024;

/** Whether a peak RSS meets the memory goal. */
export function withinMemoryBudget(peakRssMb: number): boolean {
  return peakRssMb <= MEMORY_BUDGET_MB;
}

/** The goals of issue 6, evaluated on `result`; a goal whose runs are missing says so. */
export function issueGoals(result: BenchResult): Goal[] {
  const entry = (model: string, key: EntryKey): Entry | undefined => result.models.find((m) => m.model.id === model)?.entries[key];
  const goals: Goal[] = [];
  const a1 = entry('a', 'churnlab1');
  const a2 = entry('a', 'churnlab2Sync');
  const roofline = a1 && a1.gflops / result.roofline.gflops;
  goals.push(target('model a, 1 worker, against the WASM roofline', '≥ 70%', roofline, (r) => `${percent(r)} (${a1!.gflops.toFixed(1)} of ${result.roofline.gflops.toFixed(1)} GFLOP/s)`, (r) => r >= 0.7));
  const scaling = a1 && a2 && a2.stepsPerSec / a1.stepsPerSec;
  const ceiling = result.parallelRoofline ? ` (2 threads of matMul at once: ${times(result.parallelRoofline.gflops / result.roofline.gflops)})` : '';
  goals.push(target('model a, sync: 2 workers against 1', '≥ 1.8×', scaling, (r) => times(r) + ceiling, (r) => r >= 1.8));
  for (const { model, coordinator } of result.models) {
    goals.push(target(`coordinator share of step time (model ${model.id}, 2 workers, sync)`, '≤ 5%', coordinator.churnlab2Sync?.share, percent, (r) => r <= 0.05));
  }
  for (const { model } of result.models) {
    const [c1, cpu] = [entry(model.id, 'churnlab1'), entry(model.id, 'tfjsCpu')];
    goals.push(target(`model ${model.id}, 1 worker, against the tfjs CPU backend`, '≥ 20×', c1 && cpu && c1.stepsPerSec / cpu.stepsPerSec, times, (r) => r >= 20));
  }
  const memory = result.memory;
  const millions = (memory.parameters / 1e6).toFixed(1);
  goals.push(
    target(`${millions} M parameters, ${memory.workers} workers: peak RSS in total`, `≤ 1 GB (${MEMORY_BUDGET_MB} MB)`, memory.peakRssMb, (mb) => `${mb.toFixed(0)} MB`, withinMemoryBudget),
  );
  for (const { model } of result.models) {
    for (const { threads, churnlab, pytorch, label } of equalThreadRuns) {
      const [c, t] = [entry(model.id, churnlab), entry(model.id, pytorch)];
      const gap = pytorchGap(result, model.id, threads);
      if (c && t) goals.push({ goal: `model ${model.id}, ${label}`, target: 'report', measured: gap ? describeGap(gap) : times(c.stepsPerSec / t.stepsPerSec) });
    }
  }
  return goals;
}

function target(goal: string, wanted: string, value: number | undefined, show: (v: number) => string, ok: (v: number) => boolean): Goal {
  return value === undefined ? { goal, target: wanted, measured: 'not measured' } : { goal, target: wanted, measured: show(value), met: ok(value) };
}

/** "0.24× = 0.31× arithmetic width × 0.77× efficiency". */
function describeGap(gap: GapDecomposition): string {
  return `${times(gap.ratio)} = ${times(gap.arithmeticWidth)} arithmetic width × ${times(gap.efficiency)} efficiency`;
}

/** 0.537 → "54%". */
export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`;
}

/** 1.234 → "1.23×". */
export function times(ratio: number): string {
  return `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
}
