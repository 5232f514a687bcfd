import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ChannelAnswer, ChannelRequest, ThreadRequest } from '../src/messages.js';
import { serveChannel } from '../src/serve-channel.js';

const request = (id: number, message: ThreadRequest): ChannelRequest => ({ id, message });

function answers(port: MessagePort): ChannelAnswer[] {
  const out: ChannelAnswer[] = [];
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) out.push(received.message as ChannelAnswer);
  return out;
}

describe('serveChannel', () => {
  it('answers the requests in order, with what the handler returned or threw, and returns at a stop', () => {
    const { port1, port2 } = new MessageChannel();
    const doorbell = new Int32Array(new SharedArrayBuffer(4));
    port1.postMessage(request(7, { kind: 'memory' }));
    port1.postMessage(request(8, { kind: 'memory' }));
    port1.postMessage(request(9, { kind: 'stop' }));
    // Never handled: the thread stops serving at the stop before it.
    port1.postMessage(request(10, { kind: 'memory' }));
    let calls = 0;
    serveChannel({ kind: 'serve', port: port2, doorbell }, () => {
      calls++;
      if (calls === 2) throw new RangeError('the second request fails');
      return { call: calls };
    });
    const got = answers(port1);
    expect(calls).toBe(2);
    expect(got).toHaveLength(2);
    expect(got[0]).toEqual({ id: 7, value: { call: 1 } });
    const failed = got[1]!;
    expect(failed.id).toBe(8);
    expect('error' in failed && failed.error).toBeInstanceOf(RangeError);
    expect('error' in failed && (failed.error as Error).message).toBe('the second request fails');
    port1.close();
  });

  it('waits on the doorbell when no request is there, and serves what is posted before the bell rings', async () => {
    const { port1, port2 } = new MessageChannel();
    const doorbell = new Int32Array(new SharedArrayBuffer(4));
    // Another thread rings the bell after posting; this thread sleeps in Atomics.wait until then.
    const ringer = new Worker(
      `const { workerData } = require('node:worker_threads');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
       workerData.port.postMessage({ id: 1, message: { kind: 'stop' } });
       Atomics.add(workerData.doorbell, 0, 1);
       Atomics.notify(workerData.doorbell, 0);`,
      { eval: true, workerData: { port: port1, doorbell }, transferList: [port1] },
    );
    const started = performance.now();
    serveChannel({ kind: 'serve', port: port2, doorbell }, () => null);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    await ringer.terminate();
  });
});
