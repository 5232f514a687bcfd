import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { syntheticCtr, toShared } from '@churnlab/data';
import { initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import { defaultOptimizerConfig, orderPolicy, ServerShards, SharedParameters, type GradientWorkers } from '@churnlab/ps';
import { seedStream } from '@churnlab/random';
import { NatsWorkers, ThreadPool, ThreadWorkers } from '@churnlab/transport';
import type { RunSetup } from '@churnlab/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNatsServer, stopProcess, type NatsServer } from '../../../test-support/nats-server.js';
import { cliBin, expectUsageError, runCli, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-worker-');

/** A `churnlab worker` process started for a test. */
interface CliWorker {
  child: ChildProcess;
  stderr(): string;
  stdout(): string;
  exited: Promise<number | null>;
  joined: Promise<void>;
}

// A safety net: a worker a failing test did not stop dies with the test process.
const started = new Set<ChildProcess>();
process.once('exit', () => started.forEach((child) => child.kill('SIGKILL')));

function startWorker(args: string[], env: Record<string, string> = {}): CliWorker {
  const child = spawn(process.execPath, [cliBin, 'worker', ...args], {
    cwd: tmp(),
    env: { ...process.env, NATS_USER: '', NATS_PASSWORD: '', NATS_TOKEN: '', NATS_NKEY_SEED: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  started.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      started.delete(child);
      resolve(code);
    }),
  );
  const joined = new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('waiting for runs')) resolve();
    });
    void exited.then((code) => reject(new Error(`churnlab worker exited with ${code} before joining:\n${stderr}`)));
  });
  joined.catch(() => undefined);
  if (!args.includes('--json')) void exited.then(() => expect(stdout, 'churnlab worker writes nothing on stdout').toBe(''));
  return { child, stderr: () => stderr, stdout: () => stdout, exited, joined };
}

const data = syntheticCtr({ seed: 2, examples: 600, dense: 4, categorical: [3], teacherHidden: 4, labelNoise: 0.05, evalFraction: 0.2 });
const train = toShared(data.train);

/** Trains 10 sync steps of a small MLP on `make`'s workers and returns the final parameters. */
async function trainTenSteps(make: (setup: RunSetup) => Promise<GradientWorkers & { close?: () => Promise<void> }>, runId: string): Promise<Float32Array> {
  const model: ModelSpec = { inputs: train.width, hidden: [8], outputs: 1, activation: 'smelu:1', layerNorm: false };
  const policy = orderPolicy('sync');
  const store = SharedParameters.create(initialParameters(parameterLayout(model), 5), 2);
  const workers = await make({ runId, model, store: store.handle, train, precision: { name: 'float32', seed: 1, replica: 0 } });
  try {
    await policy.run({
      store,
      shards: new ServerShards({ ...defaultOptimizerConfig, learningRate: 0.2 }, store.handle.size, 1),
      workers,
      batches: { batchSize: 16, steps: 10, rowsForStep: (step) => Uint32Array.from({ length: 16 }, (_, i) => (step * 16 + i) % train.rows) },
      microShards: 4,
      orderStream: seedStream(1, 'order'),
      onUpdate: () => undefined,
      onStep: () => undefined,
    });
  } finally {
    await workers.close?.();
  }
  return new Float32Array(store.params);
}

describe('churnlab worker --nats URL', () => {
  let server: NatsServer;
  const password = 'pa55-word-for-the-test';
  beforeAll(async () => {
    server = await startNatsServer({ user: 'alice', password });
  });
  afterAll(() => server?.stop());

  it('joins with credentials from the environment, serves a run bit-identical to threads, exits 0 on SIGTERM and with --json prints what it served', async () => {
    const worker = startWorker(['--nats', server.url, '--name', 'cli-worker', '--heartbeat-ms', '200', '--json'], { NATS_USER: 'alice', NATS_PASSWORD: password });
    await worker.joined;
    const remote = await trainTenSteps((setup) => NatsWorkers.connect({ url: server.url, credentials: { user: 'alice', password }, setup, count: 2, log: () => undefined }), 'cli-run-1');
    const pool = new ThreadPool(1);
    const local = await trainTenSteps(async (setup) => new ThreadWorkers(pool, setup, 2), 'cli-run-2').finally(() => pool.close());
    expect(remote).toEqual(local);
    await stopProcess(worker.child);
    expect(await worker.exited).toBe(0);
    const log = worker.stderr();
    expect(log).toMatch(/^churnlab worker: joined NATS server nats:\/\/127\.0\.0\.1:\d+ as cli-worker \(id \w+, user "alice" with a password\); waiting for runs$/m);
    expect(log).toMatch(/^churnlab worker: serving run cli-run-1: \d+ parameters, 480 training rows, setup of \d+ bytes$/m);
    expect(log).toMatch(/^churnlab worker: finished run cli-run-1 after 20 gradient tasks$/m);
    expect(log).toMatch(/^churnlab worker: stopped after serving 1 run\(s\)$/m);
    expect(log).not.toContain(password);
    const id = /\(id (\w+),/.exec(log)![1];
    expect(worker.stdout()).toMatch(/^\{.*\}\n$/);
    expect(JSON.parse(worker.stdout())).toEqual({ name: 'cli-worker', id, runsServed: 1, gradientTasksServed: 20 });
  });

  it('with the wrong password is refused, says so, exits 1 and never prints either password', async () => {
    const worker = startWorker(['--nats', server.url, '--user', 'alice'], { NATS_PASSWORD: 'not-the-password-42' });
    expect(await worker.exited).toBe(1);
    expect(worker.stderr()).toMatch(/^churnlab worker: NATS server nats:\/\/127\.0\.0\.1:\d+ refused user "alice" with a password \(Authorization Violation\)\n$/);
    expect(worker.stderr()).not.toContain('not-the-password-42');
    expect(worker.stderr()).not.toContain(password);
  });

  it('takes credentials from flags too, and stops cleanly on SIGINT', async () => {
    const worker = startWorker(['--nats', server.url, '--user', 'alice', '--password', password, '--heartbeat-ms', '200']);
    await worker.joined;
    worker.child.kill('SIGINT');
    expect(await worker.exited).toBe(0);
    expect(worker.stderr()).toContain('stopped after serving 0 run(s)');
  });

  it('says which server it could not reach and exits 1', async () => {
    const worker = startWorker(['--nats', 'nats://127.0.0.1:1']);
    expect(await worker.exited).toBe(1);
    expect(worker.stderr()).toMatch(/^churnlab worker: NATS server nats:\/\/127\.0\.0\.1:1 could not be reached/);
  });

  it('refuses bad usage with exit 2, naming the flag or variable but never a secret', async () => {
    expectUsageError(await runCli(['worker'], tmp()), "required option '--nats <url>' not specified");
    expectUsageError(await runCli(['worker', '--nats', server.url, '--heartbeat-ms', '0'], tmp()), '--heartbeat-ms');
    expectUsageError(await runCli(['worker', '--nats', server.url, '--name', 'two words'], tmp()), 'worker name "two words" is not allowed');
    expectUsageError(await runCli(['worker', '--nats', server.url, '--nkey-seed-file', 'missing.seed'], tmp()), '--nkey-seed-file: cannot read missing.seed (ENOENT)');
    writeFileSync(path.join(tmp(), 'seed'), 'SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4\n');
    const mixed = expectUsageError(await runCli(['worker', '--nats', server.url, '--token', 'tok-secret-77', '--nkey-seed-file', 'seed'], tmp()), 'set only one of');
    expect(mixed).not.toContain('tok-secret-77');
    expect(mixed).not.toContain('SUAIBDPB');
    const empty = expectUsageError(await runCli(['worker', '--nats', 'nats://alice:url-secret-9@10.0.0.5:4222,'], tmp()), '--nats: "nats://***@10.0.0.5:4222," is not allowed');
    expect(empty).not.toContain('url-secret-9');
  });
});
