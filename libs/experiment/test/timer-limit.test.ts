import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS } from '../src/timer-limit.js';

describe('MAX_TIMER_MS', () => {
  it('is the longest delay setTimeout keeps: one millisecond more fires at once, with a TimeoutOverflowWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, MAX_TIMER_MS + 1));
      expect(performance.now() - started).toBeLessThan(1000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toContain('TimeoutOverflowWarning');

      let fired = false;
      const kept = setTimeout(() => (fired = true), MAX_TIMER_MS);
      await new Promise((resolve) => setTimeout(resolve, 50));
      clearTimeout(kept);
      expect(fired).toBe(false);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
