import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNatsServer, type NatsServer } from '../../../test-support/nats-server.js';
import { cliBin, jsonDocument, runCli, TRAINING_TIMEOUT, useTempDir, writeConfig } from './helpers.js';

const tmp = useTempDir('churnlab-transport-');

interface TrainDocument {
  paramsSha256: string;
}

/** Starts `churnlab worker --nats URL` (with `env` added to its environment) and resolves once it waits for runs. */
function startWorker(url: string, name: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cliBin, 'worker', '--nats', url, '--name', name], { cwd: tmp(), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('waiting for runs')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited with ${code}: ${stderr}`)));
  });
}

describe('churnlab train --transport nats', () => {
  let server: NatsServer;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    server = await startNatsServer();
    workers.push(await startWorker(server.url, 'a'), await startWorker(server.url, 'b'));
  }, TRAINING_TIMEOUT);
  afterAll(async () => {
    workers.forEach((w) => w.kill('SIGTERM'));
    await server?.stop();
  });

  it(
    'trains a sync run on two remote worker processes to the same parameters as on threads, for 1, 2 and 4 workers',
    async () => {
      writeConfig(tmp());
      for (const count of ['1', '2', '4']) {
        const common = ['train', '--config', 'small.json', '--order', 'sync', '--workers', count, '--json'];
        const threads = jsonDocument<TrainDocument>(await runCli([...common, '--out', `threads-${count}`], tmp()));
        const nats = await runCli([...common, '--transport', 'nats', '--nats', server.url, '--out', `nats-${count}`], tmp());
        expect(jsonDocument<TrainDocument>(nats).paramsSha256, `${count} workers`).toBe(threads.paramsSha256);
        expect(nats.stderr).toContain('joined run');
      }
    },
    TRAINING_TIMEOUT,
  );

  it(
    'fails with exit 1 and a clear message when no worker joins in time',
    async () => {
      const empty = await startNatsServer();
      try {
        writeConfig(tmp(), 'lonely.json', { data: { examples: 1200 }, model: { hidden: [16] }, training: { epochs: 1, batchSize: 32 }, transport: { joinTimeoutMs: 500 } });
        const result = await runCli(['train', '--config', 'lonely.json', '--transport', 'nats', '--nats', empty.url, '--out', 'lonely'], tmp());
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/run failed: .*(no worker|joined)/i);
      } finally {
        await empty.stop();
      }
    },
    TRAINING_TIMEOUT,
  );
});

/** Every file under `dir`, as text. */
function filesUnder(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [file, readFileSync(file, 'latin1')];
    });
}

describe('churnlab compare --nats URL with credentials in it', () => {
  const password = 'url-pa55-for-the-test';
  let server: NatsServer;
  let worker: ChildProcess | undefined;
  beforeAll(async () => {
    server = await startNatsServer({ user: 'alice', password });
    worker = await startWorker(server.url, 'w', { NATS_USER: 'alice', NATS_PASSWORD: password });
  }, TRAINING_TIMEOUT);
  afterAll(async () => {
    worker?.kill('SIGTERM');
    await server?.stop();
  });

  it(
    'uses them, and writes them into no file: not config.json, the checkpoints, results.json nor the reports, whose command masks them',
    async () => {
      writeConfig(tmp(), 'secret.json');
      const url = server.url.replace('nats://', `nats://alice:${password}@`);
      const result = await runCli(['compare', '--config', 'secret.json', '--activations', 'relu', '--replicas', '2', '--transport', 'nats', '--nats', url, '--out', 'secret'], tmp());
      expect(result.code, result.stderr).toBe(0);
      const files = filesUnder(path.join(tmp(), 'secret'));
      expect(files.map(([file]) => path.basename(file))).toEqual(expect.arrayContaining(['config.json', 'results.json', 'report.md', 'report.html']));
      for (const [file, text] of files) expect(text, file).not.toContain(password);
      const report = files.find(([file]) => file.endsWith('report.md'))![1];
      expect(report).toContain(`--nats ${server.url.replace('nats://', 'nats://***@')}`);
      expect(result.stderr + result.stdout).not.toContain(password);
    },
    TRAINING_TIMEOUT,
  );
});
