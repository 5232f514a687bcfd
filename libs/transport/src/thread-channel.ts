import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { RUNS_HELD_PER_THREAD, UNKNOWN_RUN, type ChannelAnswer, type ChannelRequest, type ServeMessage, type ServedRequest } from '@churnlab/worker/protocol';

/** More than a thread holds (RUNS_HELD_PER_THREAD), so that the runs it holds are named by id. */
const SENT_RUNS_KEPT = 2 * RUNS_HELD_PER_THREAD;

interface InFlight {
  id: number;
  /** The request as asked, with its run's whole setup: sent again when the thread does not hold the run. */
  message: ServedRequest;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * One pool thread, reached without the pool's task queue: the thread runs one long piscina task that serves requests
 * posted on a message port of its own. Handing it a request costs one postMessage (10–20 µs) instead of a piscina task
 * (60–90 µs, measured on 2 cores). The thread waits for requests in its event loop: woken through Atomics.notify
 * instead, it took the coordinator's core for a whole scheduler slice (3–5 ms) on half the steps of model a. One
 * request at a time; a thread that dies fails the request it held, and the next request starts a serve task on its
 * replacement.
 *
 * A run's setup (the model, the store's and the data's handles) goes to a thread with its first request of the run
 * only: cloning it cost 15–43 µs per request on the coordinator, and as much again on the thread. Later requests name
 * the run by its id; a thread that no longer holds the run answers UNKNOWN_RUN, and the request goes again with it.
 */
export class ThreadChannel {
  private port: MessagePort | undefined;
  private inFlight: InFlight | undefined;
  /** The answer to the request under way, settled or not. */
  private answer: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  /** The runs whose setup this serve task's thread was sent, oldest first (forgotten with the serve task's port). */
  private readonly sentRuns = new Set<string>();

  /** `onFree` is called whenever the channel can take a request again. */
  constructor(
    private readonly piscina: Piscina,
    private readonly onFree: () => void,
  ) {}

  /** Whether a request is under way. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  /** Hands `message` to the thread and resolves with its answer; the channel must not be busy. */
  request<T>(message: ServedRequest): Promise<T> {
    if (this.inFlight) throw new Error('ThreadChannel.request: a request is already under way on this thread');
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.inFlight = { id, message, resolve: resolve as (value: unknown) => void, reject };
    });
    this.answer = answer;
    this.post({ id, message: this.withoutSentSetup(message) });
    // An answer pending keeps the process alive, as a pending piscina task would; an idle channel does not.
    this.port!.ref();
    return answer;
  }

  /** Resolves once the request under way, if any, has its answer (or has failed). */
  idle(): Promise<void> {
    return this.answer.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Asks the thread to stop serving; a request under way still gets its answer. */
  stop(): void {
    if (this.port) this.post({ id: this.nextId++, message: { kind: 'stop' } });
    this.dropPort();
  }

  private post(request: ChannelRequest): void {
    this.port ??= this.serve();
    this.port.postMessage(request);
  }

  /** Forgets the serve task's port; the next one may run on a new thread (piscina replaces a dead one), which holds no run. */
  private dropPort(): void {
    this.port = undefined;
    this.sentRuns.clear();
  }

  /** `message` naming its run by id when the thread was sent the run's setup already; else as it is, noting the setup sent. */
  private withoutSentSetup(message: ServedRequest): ServedRequest {
    if (message.kind === 'memory') return message;
    if (message.kind === 'release') {
      this.sentRuns.delete(message.runId);
      return message;
    }
    const { runId } = message.setup;
    if (this.sentRuns.has(runId)) return { ...message, setup: { runId } };
    this.sentRuns.add(runId);
    // The thread keeps a few runs; the ones it dropped are sent again when it says so. This only bounds the set.
    if (this.sentRuns.size > SENT_RUNS_KEPT) this.sentRuns.delete(this.sentRuns.values().next().value!);
    return message;
  }

  /** Starts a serve task on a pool thread and returns the port its requests go to. */
  private serve(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    const message: ServeMessage = { kind: 'serve', port: port2 };
    port1.on('message', (answer: ChannelAnswer) => this.settle(answer));
    port1.unref();
    this.piscina.run(message, { transferList: [port2] }).then(
      () => port1.close(),
      (error: unknown) => {
        // The thread died (or the pool was destroyed): its request fails, and the next one starts a new serve task.
        port1.close();
        if (this.port === port1) this.dropPort();
        this.fail(error);
      },
    );
    return port1;
  }

  private settle(answer: ChannelAnswer): void {
    const inFlight = this.inFlight;
    if (!inFlight || inFlight.id !== answer.id) return;
    if ('error' in answer && isUnknownRun(answer.error) && 'setup' in inFlight.message) {
      // The thread dropped the run (or never built it): the same request again, with the setup.
      this.sentRuns.delete(inFlight.message.setup.runId);
      this.post({ id: answer.id, message: this.withoutSentSetup(inFlight.message) });
      return;
    }
    this.inFlight = undefined;
    this.port?.unref();
    if ('error' in answer) inFlight.reject(answer.error);
    else inFlight.resolve(answer.value);
    this.onFree();
  }

  private fail(error: unknown): void {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    this.inFlight = undefined;
    inFlight.reject(error);
    this.onFree();
  }
}

function isUnknownRun(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith(UNKNOWN_RUN);
}
