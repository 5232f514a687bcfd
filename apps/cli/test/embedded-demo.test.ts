import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdRatio, type JackknifedMean, type PdRatio } from '@churnlab/metrics';
import { jsonDocument, runCli, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-demo-');

interface DemoDocument {
  results: Array<{ activation: string; order: string; replicas: number; pd: { relative: JackknifedMean }; againstBaseline?: PdRatio; paramsSha256: string[] }>;
}

// 16 runs of the embedded default: about 35 s alone on 2 cores, longer beside other suites.
const DEMO_TIMEOUT = 600_000;

describe('the embedded demo: churnlab compare with no config at all (the README main job)', () => {
  it(
    'trains 4 replicas of ReLU, SmeLU, GELU and Swish in seeded replay, where GELU and Swish cut relative PD below half of ReLU (95% intervals below 1), and its runs are those of churnlab train',
    async () => {
      const doc = jsonDocument<DemoDocument>(await runCli(['compare', '--json', '--out', 'demo'], tmp()));
      expect(doc.results.map((r) => r.activation)).toEqual(['relu', 'smelu:1', 'gelu', 'swish:1']);
      for (const row of doc.results) expect([row.order, row.replicas]).toEqual(['replay', 4]);
      const rows = new Map(doc.results.map((r) => [r.activation, r]));
      expect(rows.get('relu')!.againstBaseline).toBeUndefined();
      for (const smooth of ['gelu', 'swish:1']) {
        const ratio = rows.get(smooth)!.againstBaseline!;
        expect(ratio).toEqual({ baseline: 'relu', ...pdRatio(rows.get(smooth)!.pd.relative, rows.get('relu')!.pd.relative) });
        expect(ratio.ratio, smooth).toBeLessThan(0.5);
        expect(ratio.ci95[1], `${smooth}: upper end of the replica-jackknife interval`).toBeLessThan(1);
      }
      expect(readFileSync(path.join(tmp(), 'demo', 'report.md'), 'utf8')).toContain('| PD ÷ relu |');
      // Seeded replay: a run of the default config is bit for bit the demo's first ReLU replica, however the threads ran.
      const single = jsonDocument<{ paramsSha256: string }>(await runCli(['train', '--json', '--out', 'single'], tmp()));
      expect(single.paramsSha256).toBe(doc.results[0]!.paramsSha256[0]);
    },
    DEMO_TIMEOUT,
  );
});
