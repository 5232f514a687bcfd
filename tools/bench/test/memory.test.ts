import { describe, expect, it } from 'vitest';
import { workerTotalMb } from '../src/churnlab-memory.js';
import { issueGoals, MEMORY_BUDGET_MB, withinMemoryBudget } from '../src/goals.js';
import { renderSection } from '../src/markdown.js';
import { memoryModel, parameterCount } from '../src/models.js';
import { jsonDocument } from '../src/results.js';
import { benchResult, memoryMeasurement } from './fixture.js';

describe('the memory run', () => {
  it('trains a model of 10 million parameters, give or take 1%', () => {
    // 26 tables of 23,000 × 16, then (13 + 26 × 16 + 1) × 400, (400 + 1) × 400 twice and (400 + 1) × 1.
    const count = parameterCount(memoryModel);
    expect(count).toBe(26 * 23_000 * 16 + 430 * 400 + 401 * 400 + 401 * 400 + 401);
    expect(Math.abs(count - 10_000_000)).toBeLessThan(100_000);
  });

  it('meets the goal at 1 GB of peak RSS or less', () => {
    expect(MEMORY_BUDGET_MB).toBe(1024);
    expect(withinMemoryBudget(1024)).toBe(true);
    expect(withinMemoryBudget(1024.5)).toBe(false);
  });

  it('counts a worker thread as its heap plus its external memory, which holds its WASM memory', () => {
    expect(workerTotalMb({ heapMb: 58, externalMb: 143, wasmMb: 16 })).toBe(201);
  });
});

describe('the memory report', () => {
  it('is a top-level "memory" object of the --json document', () => {
    expect(jsonDocument(benchResult([]))['memory']).toEqual({
      parameters: 10_061_201,
      workers: 2,
      peakRssMb: 650,
      coordinatorRssMb: 200,
      perWorkerMb: [201, 200],
      withinBudget: true,
      budgetMb: 1024,
    });
    expect(jsonDocument(benchResult([], [], memoryMeasurement(1100)))['memory']).toMatchObject({ peakRssMb: 1100, withinBudget: false });
  });

  it('is a table in the Markdown section and a goal of the issue', () => {
    const text = renderSection(benchResult([]));
    expect(text).toContain('### Memory: 10,061,201 parameters, 2 workers');
    expect(text).toContain('| process peak RSS: coordinator and 2 worker threads | 650 |');
    expect(text).toContain('| coordinator alone: peak RSS before the worker threads start | 200 |');
    expect(text).toContain('| worker thread 2 at the end: V8 heap + external (of which WASM) | 200 (58 + 142, WASM 16) |');
    expect(text).toContain('| 10.1 M parameters, 2 workers: peak RSS in total | ≤ 1 GB (1024 MB) | 650 MB | yes |');
    expect(issueGoals(benchResult([], [], memoryMeasurement(1100))).find((g) => g.goal.includes('peak RSS'))).toMatchObject({ measured: '1100 MB', met: false });
  });
});
