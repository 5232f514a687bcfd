import { describe, expect, it } from 'vitest';
import { otherCores, vectorFlags, withOtherCores } from '../src/machine.js';

describe('otherCores', () => {
  it('is the machine busy time minus ours, over the wall time, in cores', () => {
    // 10 s of wall time; the machine was busy 1500 ticks (15 core-seconds), of which 500 ticks (5 s) were ours.
    const start = { machineTicks: 10_000, ownTicks: 200, wallMs: 1_000 };
    const end = { machineTicks: 11_500, ownTicks: 700, wallMs: 11_000 };
    expect(otherCores(start, end)).toBeCloseTo(1, 12);
  });

  it('is never negative, whatever the tick rounding', () => {
    expect(otherCores({ machineTicks: 0, ownTicks: 0, wallMs: 0 }, { machineTicks: 99, ownTicks: 100, wallMs: 1000 })).toBe(0);
  });
});

describe('withOtherCores', () => {
  it('returns what the measurement returned, with the other processes\' cores where the platform tells', () => {
    const measured = withOtherCores(() => ({ stepsPerSec: 12, label: 'run' }));
    expect(measured).toMatchObject({ stepsPerSec: 12, label: 'run' });
    if (process.platform === 'linux') expect(measured.otherCores).toBeGreaterThanOrEqual(0);
    else expect(measured).not.toHaveProperty('otherCores');
  });
});

describe('vectorFlags', () => {
  const cpuinfo = (flags: string) => `processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: ${flags}\n\nprocessor\t: 1\nflags\t\t: fpu\n`;

  it('lists the flags that set native arithmetic width, in a fixed order, from the first processor', () => {
    expect(vectorFlags(cpuinfo('fpu sse2 avx512f avx512bw fma avx avx2 avx512_vnni'))).toEqual(['avx2', 'fma', 'avx512f']);
    expect(vectorFlags(cpuinfo('fpu sse2 avx fma avx2'))).toEqual(['avx2', 'fma']);
  });

  it('is empty when the CPU has none of them or /proc/cpuinfo lists no x86 flags', () => {
    expect(vectorFlags(cpuinfo('fpu sse2 avx'))).toEqual([]);
    expect(vectorFlags('processor\t: 0\nFeatures\t: fp asimd\n')).toEqual([]);
  });
});
