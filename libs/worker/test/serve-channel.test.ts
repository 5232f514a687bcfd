import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ChannelAnswer, ChannelRequest, ThreadRequest } from '../src/messages.js';
import { serveChannel } from '../src/serve-channel.js';

const request = (id: number, message: ThreadRequest): ChannelRequest => ({ id, message });

/** Collects the answers arriving on `port`; `first(n)` resolves with them once n have arrived, however late. */
function answersOn(port: MessagePort): { first: (n: number) => Promise<ChannelAnswer[]> } {
  const out: ChannelAnswer[] = [];
  let arrived = () => {};
  port.on('message', (answer: ChannelAnswer) => {
    out.push(answer);
    arrived();
  });
  const first = async (n: number) => {
    while (out.length < n) await new Promise<void>((resolve) => (arrived = resolve));
    return out;
  };
  return { first };
}

describe('serveChannel', () => {
  it('answers the requests in order, with what the handler returned or threw, and resolves at a stop', async () => {
    const { port1, port2 } = new MessageChannel();
    const answers = answersOn(port1);
    let calls = 0;
    const served = serveChannel({ kind: 'serve', port: port2 }, () => {
      calls++;
      if (calls === 2) throw new RangeError('the second request fails');
      return { call: calls };
    });
    port1.postMessage(request(7, { kind: 'memory' }));
    port1.postMessage(request(8, { kind: 'memory' }));
    port1.postMessage(request(9, { kind: 'stop' }));
    // Never handled: the thread stops serving at the stop before it.
    port1.postMessage(request(10, { kind: 'memory' }));
    await served;
    // The serve loop has ended, so the handler ran for the last time: the request after the stop was never handled.
    expect(calls).toBe(2);
    const got = await answers.first(2);
    expect(got[0]).toEqual({ id: 7, value: { call: 1 } });
    const failed = got[1]!;
    expect(failed.id).toBe(8);
    expect('error' in failed && failed.error).toBeInstanceOf(RangeError);
    expect('error' in failed && (failed.error as Error).message).toBe('the second request fails');
    port1.close();
  });

  it('serves requests that arrive later, while it waits in the event loop', async () => {
    const { port1, port2 } = new MessageChannel();
    const answers = answersOn(port1);
    const served = serveChannel({ kind: 'serve', port: port2 }, (message) => message.kind);
    await new Promise((resolve) => setTimeout(resolve, 20));
    port1.postMessage(request(1, { kind: 'memory' }));
    port1.postMessage(request(2, { kind: 'stop' }));
    await served;
    expect(await answers.first(1)).toEqual([{ id: 1, value: 'memory' }]);
    port1.close();
  });
});
