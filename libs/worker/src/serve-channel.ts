import type { ChannelAnswer, ChannelRequest, ServeMessage, ServedRequest } from './messages.js';

/**
 * Serves the requests posted on the channel's port with `handle`, one at a time in order, and posts each answer back on
 * the port; resolves at a stop request. Between requests the thread waits in its event loop, woken by the port.
 */
export function serveChannel({ port }: ServeMessage, handle: (message: ServedRequest) => unknown): Promise<void> {
  return new Promise((resolve) => {
    const serve = ({ id, message }: ChannelRequest) => {
      if (message.kind === 'stop') {
        // Not closed here: an answer still on its way would be lost. The other end closes the port.
        port.off('message', serve);
        port.unref();
        resolve();
        return;
      }
      port.postMessage(answer(id, () => handle(message)));
    };
    port.on('message', serve);
  });
}

function answer(id: number, run: () => unknown): ChannelAnswer {
  try {
    return { id, value: run() };
  } catch (error) {
    return { id, error };
  }
}
