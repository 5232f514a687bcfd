import { describe, expect, it } from 'vitest';
import { addCoordinatorTimes, CoordinatorClock, coordinatorCpuShare, coordinatorShare } from '../src/coordinator-share.js';
import { threadCpuMs } from '../src/thread-cpu.js';

const times = { reductionMs: 10, writeMs: 20, shardsMs: 15, dispatchMs: 5, threadShardsMs: 0, tasks: 4, writes: 2 };

/**
 * Keeps this thread busy until the process has used `ms` more CPU time (process.cpuUsage, a clock apart from the one
 * under test): on a loaded machine, a spin of `ms` wall time can get far less CPU than that.
 */
function spin(ms: number): void {
  const start = process.cpuUsage();
  while (cpuMsSince(start) < ms);
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

describe('coordinator share', () => {
  it('adds sum, store write and dispatch over the wall time', () => {
    expect(coordinatorShare(times, 2)).toBeCloseTo(35 / 2000, 12);
  });

  it('adds two runs\' times field by field, the CPU time only where both tell it', () => {
    const other = { reductionMs: 1, writeMs: 2, shardsMs: 3, dispatchMs: 4, threadShardsMs: 5, tasks: 6, writes: 7 };
    expect(addCoordinatorTimes({ ...times, cpuMs: 8 }, { ...other, cpuMs: 9 })).toEqual({ reductionMs: 11, writeMs: 22, shardsMs: 18, dispatchMs: 9, threadShardsMs: 5, tasks: 10, writes: 9, cpuMs: 17 });
    expect(addCoordinatorTimes({ ...times, cpuMs: 8 }, other)).not.toHaveProperty('cpuMs');
  });

  it("gives the main thread's CPU time over the wall time, or nothing where the platform does not tell", () => {
    expect(coordinatorCpuShare({ ...times, cpuMs: 50 }, 2)).toBeCloseTo(0.025, 12);
    expect(coordinatorCpuShare(times, 2)).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')("reads the main thread's CPU time, which grows with work and not with sleep", async () => {
    const clock = new CoordinatorClock();
    clock.reset();
    spin(60);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const cpuMs = clock.read().cpuMs!;
    expect(cpuMs).toBeGreaterThan(40);
    expect(cpuMs).toBeLessThan(110);
    expect(threadCpuMs()).toBeGreaterThan(cpuMs);
  });
});
