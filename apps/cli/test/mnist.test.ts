import { describe, expect, it } from 'vitest';
import { jsonDocument, runCli, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-mnist-');

interface Spread {
  mean: number;
}

interface CompareDocument {
  results: Array<{ activation: string; pd: { relative?: Spread; l1?: Spread; top1: Spread }; metrics: { accuracy: Spread; auc: { mean: number | null } } }>;
}

describe('churnlab compare on MNIST (10 classes, softmax)', () => {
  it(
    'reports L1 and top-1 PD (no relative PD or AUC), and the table heads say so',
    async () => {
      writeConfig(tmp(), 'mnist.json', { data: { format: 'mnist', trainExamples: 2000, evalExamples: 500 }, model: { hidden: [32] }, training: { epochs: 1, order: 'replay', workers: 2 } });
      const args = ['compare', '--config', 'mnist.json', '--data', 'mnist', '--activations', 'relu,smelu:1'];
      const doc = jsonDocument<CompareDocument>(await runCli([...args, '--json', '--out', 'json'], tmp()));
      for (const r of doc.results) {
        expect(r.pd.relative).toBeUndefined();
        expect(r.pd.l1!.mean).toBeGreaterThan(0);
        expect(r.pd.l1!.mean).toBeLessThanOrEqual(1);
        expect(r.pd.top1.mean).toBeGreaterThanOrEqual(0);
        expect(r.metrics.accuracy.mean).toBeGreaterThan(0.5);
        expect(r.metrics.auc.mean).toBeNull();
      }
      const table = await runCli([...args, '--out', 'table'], tmp());
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toContain('L1 PD');
      expect(table.stdout).toContain('top-1 PD');
      expect(table.stdout).not.toContain('relative PD');
      expect(table.stdout).not.toContain('AUC');
    },
    TRAINING_TIMEOUT,
  );
});
