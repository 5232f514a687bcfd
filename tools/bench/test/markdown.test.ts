import { describe, expect, it } from 'vitest';
import { renderSection, replaceSection, SECTION_BEGIN, SECTION_END } from '../src/markdown.js';
import { benchResult, modelResult, nativeRoofline } from './fixture.js';

const before = '# Benchmarks\n\nHand-written intro.\n\n<!-- some other comment -->\n\n';
const after = '\n\n## Older notes\n\nKept as they are.\n';

describe('replaceSection', () => {
  it('replaces only what lies between the markers, keeping the rest of the file byte for byte', () => {
    const doc = `${before}${SECTION_BEGIN}\nold numbers\n${SECTION_END}${after}`;
    const out = replaceSection(doc, 'new numbers');
    expect(out).toBe(`${before}${SECTION_BEGIN}\nnew numbers\n${SECTION_END}${after}`);
    expect(out).not.toContain('old numbers');
  });

  it('appends the section when the file has none yet, and replaces it the next time', () => {
    const first = replaceSection(before + 'Tail.\n', 'first');
    expect(first).toBe(`${before}Tail.\n\n${SECTION_BEGIN}\nfirst\n${SECTION_END}\n`);
    const second = replaceSection(first, 'second');
    expect(second).toBe(`${before}Tail.\n\n${SECTION_BEGIN}\nsecond\n${SECTION_END}\n`);
  });

  it('is idempotent', () => {
    const once = replaceSection(before + after, 'numbers');
    expect(replaceSection(once, 'numbers')).toBe(once);
  });
});

describe('renderSection', () => {
  const result = benchResult(
    [modelResult('a', { churnlab1: 6, churnlab2Sync: 9, churnlab2Async: 10, tfjsCpu: 0.25, torch1: 20, torch2: 30 }, 0.04)],
    ['model c: needs embedding support'],
  );
  const text = renderSection(result);

  it('records the command, the machine and the roofline', () => {
    expect(text).toContain('Command: `npm run bench`');
    expect(text).toContain('Test CPU, 2 cores, Node v20.0.0');
    expect(text).toContain('**30.0 GFLOP/s**');
  });

  it('gives each run its ratio to its baseline', () => {
    expect(text).toMatch(/\| churnlab, 1 worker \|.*\| 24\.0× tfjs CPU backend, 1 thread \|/);
    expect(text).toMatch(/\| churnlab, 2 workers, sync \|.*\| 1\.50× churnlab, 1 worker \|/);
    expect(text).toMatch(/\| PyTorch CPU, 2 threads \|.*\| 3\.33× churnlab, 2 workers, sync \|/);
  });

  it("gives the coordinator's wall-time share and, where the platform tells, its main thread's CPU share", () => {
    expect(text).toMatch(/\| churnlab, 2 workers, sync \| 0\.10 \| 0\.20 \(0\.15\) \| 0\.05 \| 4\.0% \| – \|/);
    const model = modelResult('a', { churnlab1: 6, churnlab2Sync: 9 }, 0.04);
    const report = { ...model.coordinator.churnlab2Sync!, cpuShare: 0.031 };
    const withCpu = renderSection(benchResult([{ ...model, coordinator: { churnlab2Sync: report } }], []));
    expect(withCpu).toMatch(/\| churnlab, 2 workers, sync \| 0\.10 \| 0\.20 \(0\.15\) \| 0\.05 \| 4\.0% \| 3\.1% \|/);
  });

  it('gives the 2-thread ceiling beside the scaling goal when it was measured', () => {
    const roofline = { size: 1024, repeats: 5, medianMs: 75, gflops: 28.5 };
    const withCeiling = renderSection({ ...result, parallelRoofline: { threads: 2, gflops: 57, perThread: [roofline, roofline] } });
    expect(withCeiling).toContain('57.0 GFLOP/s in all, 1.90× one thread');
    expect(withCeiling).toMatch(/\| model a, sync: 2 workers against 1 \| ≥ 1\.8× \| 1\.50× \(2 threads of matMul at once: 1\.90×\) \| no \|/);
    expect(text).not.toContain('threads at once');
  });

  it('names the CPU\'s vector flags when the platform tells', () => {
    expect(renderSection({ ...result, machine: { ...result.machine, vectorFlags: ['avx2', 'fma', 'avx512f'] } })).toContain('Test CPU (avx2, fma, avx512f), 2 cores');
    expect(renderSection({ ...result, machine: { ...result.machine, vectorFlags: [] } })).toContain('Test CPU (none of avx2, fma, avx512f), 2 cores');
  });

  it('gives the native roofline and splits the ratios to PyTorch into arithmetic width and efficiency', () => {
    const withNative = renderSection({ ...result, nativeRooflines: [nativeRoofline(1, 100), nativeRoofline(2, 180, 190)] });
    expect(withNative).toContain('(OpenBLAS, Cooperlake kernel)');
    expect(withNative).toContain('on 1 thread **100.0 GFLOP/s** (median of 5, 21.5 ms)');
    expect(withNative).toContain('on 2 threads **180.0 GFLOP/s** (median of 5, 11.9 ms, peak 190.0 at 2048×2048)');
    expect(withNative).toContain('For 2 threads the WASM roofline is twice the 1-thread one (60.0 GFLOP/s; 2 threads at once were not measured)');
    // 6 against 20 steps/s: 14.5 of 30 GFLOP/s (48%) against 48.3 of 100 (48%).
    expect(withNative).toMatch(/\| model a, 1 worker against PyTorch 1 thread \| report \| 0\.30× = 0\.30× arithmetic width × 1\.00× efficiency \| – \|/);
    expect(withNative).toMatch(/\| model a, 2 workers sync against PyTorch 2 threads \| report \| 0\.30× = 0\.33× arithmetic width × 0\.90× efficiency \| – \|/);
  });

  it('reports the ratios to PyTorch alone without the native roofline', () => {
    expect(text).not.toContain('Native roofline');
    expect(text).toMatch(/\| model a, 1 worker against PyTorch 1 thread \| report \| 0\.30× \| – \|/);
  });

  it('says what it left out and where each goal stands', () => {
    expect(text).toContain('model c: needs embedding support');
    expect(text).toMatch(/\| model a, 1 worker, against the WASM roofline \| ≥ 70% \| 48% .*\| no \|/);
    expect(text).toMatch(/\| coordinator share of step time .*\| ≤ 5% \| 4\.0% \| yes \|/);
  });
});
