import { readFileSync } from 'node:fs';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Packr } from 'msgpackr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';
import { faultTolerantOver, overNats, spawnWorkerProcess, startNatsServer, trainWith, type NatsServer, type WorkerProcess } from './nats-fixture.js';

const packr = new Packr({ moreTypes: true, useRecords: false });

/** A one-chunk frame with the request's header fields, as a worker process would send it. */
function replyFrame(request: Record<string, unknown>, from: string, kind: string, body: unknown): Uint8Array {
  const bytes = packr.pack(body);
  const { bytes: _bytes, chunk: _chunk, chunks: _chunks, total: _total, ...header } = request;
  return packr.pack({ ...header, kind, from, chunk: 0, chunks: 1, total: bytes.length, bytes });
}

/** Stops the process with SIGSTOP and resolves once Linux reports it stopped (state T in /proc/PID/stat). */
async function stopped(target: WorkerProcess): Promise<void> {
  target.child.kill('SIGSTOP');
  const stat = `/proc/${target.child.pid}/stat`;
  while (!/\) T /.test(readFileSync(stat, 'utf8'))) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('a worker process whose setup failed once', () => {
  let server: NatsServer;
  let worker: WorkerProcess;
  let forger: NatsConnection;

  beforeAll(async () => {
    server = await startNatsServer();
    worker = spawnWorkerProcess(server.url, 'once-refused');
    await worker.joined;
    forger = await connect({ servers: server.url, noEcho: true });
  });
  afterAll(async () => {
    await forger?.close();
    await worker?.stop();
    await server?.stop();
  });

  it('is sent the setup again by the retry of its task, and the run ends with the parameters of a run on threads', async () => {
    // Answers the first setup the coordinator sends with a failure, as a worker short of room for another transfer
    // would: a transient refusal. The worker process is stopped until then, so that the failure is the answer.
    let forged = false;
    forger.subscribe('churnlab.worker.>', {
      callback: (_error, msg) => {
        const request = packr.unpack(msg.data) as Record<string, unknown>;
        if (forged || request['kind'] !== 'setup' || request['chunk'] !== 0) return;
        forged = true;
        const from = msg.subject.slice('churnlab.worker.'.length);
        forger.publish(`churnlab.run.${String(request['run'])}`, replyFrame(request, from, 'failed', { message: 'no room for another transfer (forged)' }));
        void forger.flush().then(() => worker.child.kill('SIGCONT'));
      },
    });
    await forger.flush();
    const nats = overNats(server.url);
    // Stopped once it has joined the run's coordinator, before the coordinator sends it the setup.
    const make: typeof nats.make = async (setup, count) => {
      const workers = await nats.make(setup, count);
      await stopped(worker);
      return workers;
    };
    const faults: string[] = [];
    const pool = new ThreadPool(1);
    try {
      const remote = await trainWith(faultTolerantOver(make, { timeoutMs: 30_000, onFault: (m) => faults.push(m) }), { workers: 1, order: 'sync', steps: 20 });
      expect(forged).toBe(true);
      expect(faults).toHaveLength(1);
      expect(faults[0]).toMatch(/attempt 1 failed \(worker process once-refused could not do the setup of run .*no room for another transfer \(forged\)\)/);
      expect(remote.params).toEqual((await trainOnThreads(pool, { workers: 1, order: 'sync', steps: 20 })).params);
    } finally {
      await nats.closeAll();
      await pool.close();
    }
  });
});
