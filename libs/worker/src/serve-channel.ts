import { receiveMessageOnPort } from 'node:worker_threads';
import type { ChannelAnswer, ChannelRequest, ServeMessage, ThreadRequest } from './messages.js';

/**
 * Serves the requests posted on the channel's port with `handle`, one at a time in order, and posts each answer back on
 * the port, until a stop request. Between requests the thread sleeps in Atomics.wait on the doorbell: the doorbell is
 * read before the port is drained, so a request posted after the drain has rung it, and the wait returns at once.
 */
export function serveChannel({ port, doorbell }: ServeMessage, handle: (message: Exclude<ThreadRequest, { kind: 'stop' }>) => unknown): void {
  for (;;) {
    const rung = Atomics.load(doorbell, 0);
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      const { id, message } = received.message as ChannelRequest;
      if (message.kind === 'stop') {
        port.close();
        return;
      }
      port.postMessage(answer(id, () => handle(message)));
    }
    Atomics.wait(doorbell, 0, rung);
  }
}

function answer(id: number, run: () => unknown): ChannelAnswer {
  try {
    return { id, value: run() };
  } catch (error) {
    return { id, error };
  }
}
