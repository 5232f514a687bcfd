import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cliBin, expectUsageError, jsonDocument, runCli, smallConfig, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-resume-');

interface TrainDocument {
  paramsSha256: string;
  metrics: Record<string, number>;
}

/** Starts `churnlab train ARGS --out OUT`, kills it with SIGKILL once its first checkpoint exists, and returns the run directory. */
async function trainAndKill(args: string[], out: string): Promise<string> {
  const dir = path.join(tmp(), out);
  const child = spawn(process.execPath, [cliBin, 'train', ...args, '--out', out], { cwd: tmp(), stdio: 'ignore' });
  const exited = new Promise((done) => child.once('exit', done));
  while (!existsSync(path.join(dir, 'checkpoint.msgpack')) && child.exitCode === null) await sleep(5);
  child.kill('SIGKILL');
  await exited;
  return dir;
}

describe('churnlab train --resume', () => {
  it.each<[string, string[]]>([
    ['sync', ['--order', 'sync', '--workers', '2', '--delay', 'lag:1=15']],
    ['replay', ['--order', 'replay', '--workers', '3', '--epochs', '6']],
  ])(
    'continues a %s run killed mid-way to the parameters of an uninterrupted run',
    async (order, args) => {
      writeConfig(tmp(), 'long.json', { ...smallConfig, training: { ...smallConfig.training, epochs: 3, checkpointEvery: 10 } });
      const common = ['--config', 'long.json', ...args];
      const whole = jsonDocument<TrainDocument>(await runCli(['train', ...common, '--json', '--out', `${order}-whole`], tmp()));
      const dir = await trainAndKill(common, `${order}-killed`);
      expect(existsSync(path.join(dir, 'checkpoint.msgpack'))).toBe(true);
      expect(existsSync(path.join(dir, 'metrics.json')), 'the kill came before the run finished').toBe(false);
      const resumed = jsonDocument<TrainDocument>(await runCli(['train', '--resume', `${order}-killed`, '--json'], tmp()));
      expect(resumed.paramsSha256).toBe(whole.paramsSha256);
      expect(resumed.metrics).toEqual(whole.metrics);
      expect(readFileSync(path.join(dir, 'events.jsonl'), 'utf8')).toBe(readFileSync(path.join(tmp(), `${order}-whole`, 'events.jsonl'), 'utf8'));
    },
    TRAINING_TIMEOUT,
  );

  it(
    'refuses a finished run, a damaged checkpoint and flags that would change the run',
    async () => {
      writeConfig(tmp(), 'long.json', { ...smallConfig, training: { ...smallConfig.training, epochs: 3, checkpointEvery: 10 } });
      jsonDocument(await runCli(['train', '--config', 'long.json', '--order', 'sync', '--json', '--out', 'done'], tmp()));
      expectUsageError(await runCli(['train', '--resume', 'done'], tmp()), '--resume', 'holds a finished run');
      expectUsageError(await runCli(['train', '--resume', 'done', '--workers', '4'], tmp()), '--workers: not allowed with --resume');
      expectUsageError(await runCli(['train', '--resume', 'done', '--transport', 'nats'], tmp()), '--transport: not allowed with --resume');
      const dir = await trainAndKill(['--config', 'long.json', '--order', 'sync', '--delay', 'lag:0=20'], 'damaged');
      expect(existsSync(path.join(dir, 'metrics.json'))).toBe(false);
      writeFileSync(path.join(dir, 'checkpoint.msgpack'), 'not msgpack at all');
      expectUsageError(await runCli(['train', '--resume', 'damaged'], tmp()), 'checkpoint.msgpack', 'expected');
    },
    TRAINING_TIMEOUT,
  );

  it(
    'a run whose loss or gradients turn NaN stops with exit 1 at that step, names where, and keeps the last good checkpoint',
    async () => {
      writeConfig(tmp(), 'unstable.json', { ...smallConfig, training: { ...smallConfig.training, order: 'sync', checkpointEvery: 5, optimizer: { learningRate: 1000 } } });
      const result = await runCli(['train', '--config', 'unstable.json', '--out', 'unstable'], tmp());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/run failed: step \d+, worker \d: the (loss|gradient) is NaN or infinite/);
      expect(result.stderr).toMatch(/the last good checkpoint \(step \d+\) is kept in unstable\/checkpoint\.msgpack/);
      expect(existsSync(path.join(tmp(), 'unstable', 'checkpoint.msgpack'))).toBe(true);
      expect(existsSync(path.join(tmp(), 'unstable', 'metrics.json'))).toBe(false);
    },
    TRAINING_TIMEOUT,
  );
});
