import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Packr } from 'msgpackr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';
import { overNats, spawnWorkerProcess, startNatsServer, trainWith, type NatsServer, type WorkerProcess } from './nats-fixture.js';

const packr = new Packr({ moreTypes: true, useRecords: false });

/** A frame as the protocol spells it, with any field overridden (or made wrong on purpose). */
function frame(fields: Record<string, unknown>, body: unknown = {}): Uint8Array {
  const bytes = packr.pack(body);
  return packr.pack({ v: 1, kind: 'task', run: 'r', transfer: 1, from: '', version: 0, step: 0, worker: 0, slot: 0, chunk: 0, chunks: 1, total: bytes.length, bytes, ...fields });
}

/** The header fields of a frame seen on the wire (without its chunking, which a forged body has its own of). */
function headerOf(data: Uint8Array): Record<string, unknown> {
  const { bytes: _bytes, chunk: _chunk, chunks: _chunks, total: _total, ...header } = packr.unpack(data) as Record<string, unknown>;
  return header;
}

// A second client on the same server, authenticated like everyone else, that sniffs every churnlab subject and sends
// garbage, oversized, mistyped and forged messages to the coordinator and to the worker process during a real run.
describe('hostile messages on a real NATS server', () => {
  const pool = new ThreadPool(2);
  let server: NatsServer;
  let worker: WorkerProcess;
  let hostile: NatsConnection;
  const coordinatorLog: string[] = [];

  beforeAll(async () => {
    server = await startNatsServer();
    worker = spawnWorkerProcess(server.url, 'honest');
    await worker.joined;
    // noEcho: the hostile client never sees (and so never reacts to) its own forgeries.
    hostile = await connect({ servers: server.url, noEcho: true });
  });
  afterAll(async () => {
    await hostile?.close();
    await worker?.stop();
    await server?.stop();
    await pool.close();
  });

  it('drops every one of them with a logged reason, and the run still finishes with the right parameters', async () => {
    let workerId = '';
    let runId = '';
    let forgedGradients = 0;
    let duplicated = 0;
    let attackedWorker = false;
    hostile.subscribe('churnlab.>', {
      callback: (_error, msg) => {
        if (msg.subject === 'churnlab.hello') workerId = (packr.unpack(msg.data) as { id: string }).id;
        if (!msg.subject.startsWith('churnlab.worker.') && !msg.subject.startsWith('churnlab.run.')) return;
        const header = headerOf(msg.data);
        runId = header['run'] as string;
        const runSubject = `churnlab.run.${runId}`;
        // Answers tasks before the honest worker can (it must compute first): a gradient of the wrong length, claiming
        // to come from that worker; repeated until one has reached the coordinator while its task was still waiting.
        if (header['kind'] === 'task' && forgedGradients < 20 && !coordinatorLog.some((line) => line.includes('gradient.values'))) {
          forgedGradients++;
          hostile.publish(runSubject, frame({ ...header, kind: 'gradient', from: workerId }, { lossSum: 1, rows: 16, values: new Float32Array(3) }));
        }
        if (header['kind'] === 'gradient' && duplicated < 3) {
          duplicated++;
          hostile.publish(runSubject, msg.data);
        }
        if (header['kind'] === 'task' && !attackedWorker) {
          attackedWorker = true;
          attackRun(runSubject, runId);
          attackWorker(`churnlab.worker.${workerId}`, runId);
        }
      },
    });
    await hostile.flush();

    const attackRun = (subject: string, run: string) => {
      hostile.publish(subject, new Uint8Array([0xc1, 0xff, 0x00, 0x13, 0x37]));
      hostile.publish(subject, new Uint8Array(600 * 1024).fill(0x90));
      hostile.publish(subject, frame({ run, kind: 'gradient', transfer: 'seven' }));
      hostile.publish(subject, frame({ run: 'someone-elses-run', kind: 'gradient' }));
      hostile.publish(subject, frame({ run, kind: 'gradient', v: 2 }));
      hostile.publish(subject, frame({ run, kind: 'gradient', chunks: 1e9, total: 10 }));
      hostile.publish('churnlab.hello', packr.pack({ v: 1, kind: 'hello', id: 'x y', name: 'evil', heartbeatMs: 10 }));
      hostile.publish('churnlab.hello', new Uint8Array(5000));
    };
    const attackWorker = (subject: string, run: string) => {
      hostile.publish(subject, new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
      hostile.publish(subject, new Uint8Array(600 * 1024).fill(0x90));
      hostile.publish(subject, frame({ run, kind: 'task', step: 'three' }));
      hostile.publish(subject, frame({ run: 'no-such-run', kind: 'task', transfer: 1e12 }, { microShards: [], firstMicroShard: 0, scale: 1 }));
      hostile.publish(subject, frame({ run, kind: 'task', transfer: 1e12 + 1 }, { microShards: [new Uint32Array([1, 2])], firstMicroShard: 0, scale: 0.5, params: new Float32Array(5) }));
      hostile.publish(subject, frame({ run, kind: 'task', transfer: 1e12 + 2 }, { microShards: [new Uint32Array([4_000_000_000])], firstMicroShard: 0, scale: 0.5 }));
      hostile.publish(subject, frame({ run, kind: 'setup', transfer: 1e12 + 3, total: 2 ** 31, chunks: 2 ** 19 }));
      hostile.publish(subject, frame({ run: 'evil-run', kind: 'setup', transfer: 1e12 + 4 }, {
          model: { inputs: 'many', hidden: [4], outputs: 1, activation: 'relu', layerNorm: false },
          precision: { name: 'float32', seed: 1, replica: 0 },
          size: 9,
          tables: [],
          train: {},
        }));
      hostile.publish(subject, frame({ run, kind: 'setup', transfer: 1e12 + 5 }, { model: {} }));
    };

    const nats = overNats(server.url, { log: (line) => coordinatorLog.push(line) });
    const threads = await trainOnThreads(pool, { workers: 2, order: 'sync' });
    const remote = await trainWith(nats.make, { workers: 2, order: 'sync' });
    await nats.closeAll();
    expect(remote.params).toEqual(threads.params);
    expect(remote.predictions).toEqual(threads.predictions);
    expect(forgedGradients).toBeGreaterThan(0);
    expect(duplicated).toBe(3);

    // The coordinator said why it dropped each, briefly, without echoing a payload.
    const coordinator = coordinatorLog.join('\n');
    for (const reason of [
      'frame is not valid MessagePack',
      'frame of 614400 bytes is above the limit',
      'frame.transfer: expected an integer',
      'a frame for run "someone-elses-run" came on run',
      'protocol version 2 is not supported',
      'frame.chunks: expected an integer from 1 to 1',
      'gradient.values: expected a Float32Array of',
      'presence.id: expected a string matching',
      'presence message of 5000 bytes is above the limit',
    ]) {
      expect(coordinator).toContain(reason);
    }
    // The duplicated replies of real tasks (small transfer ids), and the answers the worker gave to forged requests.
    expect(coordinator).toMatch(/no request waits for transfer \d{1,6} \(a late or duplicate reply\)/);
    expect(coordinator).toContain('no request waits for transfer 1000000000001 (a late or duplicate reply)');
    expect(coordinatorLog.every((line) => line.length < 400)).toBe(true);

    // So did the worker process, which is still up and serving.
    await waitFor(() => worker.stderr().includes('already set up here'));
    const log = worker.stderr();
    for (const reason of [
      'frame is not valid MessagePack',
      'frame of 614400 bytes is above the limit',
      'frame.step: expected an integer',
      'run no-such-run is not set up on this worker',
      'task.params: expected a Float32Array of',
      'is not among the run',
      'setup of 2147483648 bytes is above the limit',
      'setup.model.inputs: expected an integer',
      'keeping its first setup',
    ]) {
      expect(log).toContain(reason);
    }
    expect(log.split('\n').every((line) => line.length < 400)).toBe(true);
    expect(worker.child.exitCode).toBeNull();

    // And it serves the next run as if nothing happened.
    const next = overNats(server.url);
    const again = await trainWith(next.make, { workers: 2, order: 'sync' });
    await next.closeAll();
    expect(again.params).toEqual(threads.params);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
