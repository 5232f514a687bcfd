import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, jsonDocument, runCli, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-train-replica-');

const train = async (replica: string | undefined, out: string) =>
  jsonDocument<{ paramsSha256: string }>(await runCli(['train', '--order', 'replay', '--config', 'small.json', ...(replica ? ['--replica', replica] : []), '--json', '--out', out], tmp()));

describe('churnlab train --replica', () => {
  it(
    'trains that replica of the seeded sources, recorded in config.json, and two replicas give churnlab pd its PD',
    async () => {
      writeConfig(tmp());
      const [unnamed, zero, one] = await Promise.all([train(undefined, 'default'), train('0', 'r0'), train('1', 'r1')]);
      expect(zero.paramsSha256).toBe(unnamed.paramsSha256);
      expect(one.paramsSha256).not.toBe(zero.paramsSha256);
      expect(JSON.parse(readFileSync(path.join(tmp(), 'r1', 'config.json'), 'utf8')).replica).toBe(1);
      const pd = jsonDocument<{ relative: number }>(await runCli(['pd', 'r0', 'r1', '--json'], tmp()));
      expect(pd.relative).toBeGreaterThan(0);
    },
    TRAINING_TIMEOUT,
  );

  it('refuses a replica that is not a whole number, and with --resume, whose run keeps its own', async () => {
    expectUsageError(await runCli(['train', '--replica', '-1'], tmp()), '--replica', '"-1"', 'whole number ≥ 0');
    expectUsageError(await runCli(['train', '--resume', 'somewhere', '--replica', '1'], tmp()), '--replica: not allowed with --resume');
  });
});
