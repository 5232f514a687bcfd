import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, runCli, smallConfig, stackFrame, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-errors-');

beforeAll(() => {
  writeConfig(tmp());
  writeConfig(tmp(), 'unknown-field.json', { ...smallConfig, training: { ...smallConfig.training, wrokers: 2 } });
  writeFileSync(path.join(tmp(), 'broken.yaml'), 'seed: 1\nmodel:\n  hidden: [16]]\n');
});

describe('bad usage exits 2 with a message and no stack trace', () => {
  it('an unknown flag is named', async () => {
    expectUsageError(await runCli(['train', '--bogus'], tmp()), '--bogus');
  });

  it('an unknown command is named', async () => {
    expectUsageError(await runCli(['trian'], tmp()), 'trian');
  });

  it('a flag without its value (--workers at the end) is named', async () => {
    expectUsageError(await runCli(['train', '--config', 'small.json', '--workers'], tmp()), '--workers', /missing/);
  });

  it('--workers 0 is named with its value', async () => {
    expectUsageError(await runCli(['train', '--config', 'small.json', '--workers', '0'], tmp()), '--workers', "'0'");
  });

  it('--workers that is not a whole number is rejected', async () => {
    expectUsageError(await runCli(['compare', '--workers', '1.5'], tmp()), '--workers', '1.5');
  });

  it('--order nope lists every order policy', async () => {
    expectUsageError(await runCli(['train', '--order', 'nope'], tmp()), '--order', 'nope', 'sync, sync-arrival, async, replay, ssp:K');
  });

  it.each([
    [['--shuffle', 'window:0'], '--shuffle', 'none, window:W'],
    [['--delay', 'lag:1'], '--delay', 'lag:WORKER=MS'],
    [['--grad-precision', 'fp8'], '--grad-precision', 'float32, bfloat16, float16, int8'],
    [['--param-precision', 'int8'], '--param-precision', 'float32, bfloat16, float16'],
    [['--vary', 'order,weather'], '--vary', 'order, shuffle, init, numeric, delay'],
    [['--ps-shards', '0'], '--ps-shards', 'whole number ≥ 1'],
    [['--data', 'parquet:x'], '--data', 'synthetic, criteo:PATH or mnist'],
    [['--data', 'criteo:/no/such/file.csv'], '/no/such/file.csv', 'data'],
    [['--workers', '1,x'], '--workers', 'comma-separated list'],
  ])('%j names the flag and what it allows', async (args, flag, allowed) => {
    expectUsageError(await runCli(['compare', ...args], tmp()), flag, allowed);
  });

  it('train refuses a list of worker counts', async () => {
    expectUsageError(await runCli(['train', '--workers', '1,2'], tmp()), '--workers', 'one worker count');
  });

  it('--replay-from refuses flags that would change the run, and a directory that is not a run', async () => {
    expectUsageError(await runCli(['train', '--replay-from', 'somewhere', '--order', 'sync'], tmp()), '--order', 'not allowed with --replay-from');
    expectUsageError(await runCli(['train', '--replay-from', 'nowhere'], tmp()), '--replay-from', 'config.json is missing');
  });

  it('a config with an unknown field names the file and the field', async () => {
    expectUsageError(await runCli(['train', '--config', 'unknown-field.json', '--json'], tmp()), 'unknown-field.json', 'training.wrokers');
  });

  it('a config file that is not valid YAML names file:line', async () => {
    expectUsageError(await runCli(['compare', '--config', 'broken.yaml'], tmp()), 'broken.yaml:3');
  });

  it('a config file that does not exist is named', async () => {
    expectUsageError(await runCli(['train', '--config', 'absent.yaml'], tmp()), 'absent.yaml');
  });

  it('a flag that breaks the config as a whole (--workers above microShards) names the field', async () => {
    expectUsageError(await runCli(['train', '--config', 'small.json', '--workers', '9'], tmp()), 'training.workers', '9');
  });

  it('--activation and --activations with a bad spec name the flag and the spec', async () => {
    expectUsageError(await runCli(['train', '--config', 'small.json', '--activation', 'smelu:0'], tmp()), '--activation', 'smelu:0', 'relu');
    expectUsageError(await runCli(['compare', '--activations', 'relu,selu'], tmp()), '--activations', 'selu', 'smelu');
  });

  it(
    'an existing --out directory exits 2 naming it and leaves it untouched',
    async () => {
      const out = path.join(tmp(), 'taken');
      mkdirSync(out);
      writeFileSync(path.join(out, 'notes.txt'), 'keep me\n');
      expectUsageError(await runCli(['train', '--config', 'small.json', '--order', 'sync', '--json', '--out', 'taken'], tmp()), 'taken', 'already exists');
      expect(readdirSync(out)).toEqual(['notes.txt']);
      expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('keep me\n');
      expect(readdirSync(tmp()).filter((entry) => entry.includes('partial'))).toEqual([]);
    },
    TRAINING_TIMEOUT,
  );

  it('no run directory is left behind by a rejected config', async () => {
    expectUsageError(await runCli(['train', '--config', 'unknown-field.json', '--out', 'never'], tmp()), 'training.wrokers');
    expect(existsSync(path.join(tmp(), 'never'))).toBe(false);
    expect(existsSync(path.join(tmp(), 'churnlab-runs'))).toBe(false);
  });
});

describe('--verbose', () => {
  it('adds the stack trace to a config error, still exiting 2', async () => {
    const result = await runCli(['train', '--config', 'unknown-field.json', '--verbose'], tmp());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('training.wrokers');
    expect(result.stderr).toMatch(stackFrame);
  });
});
