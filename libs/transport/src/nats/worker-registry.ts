import type { PresenceMessage } from './presence-message.js';
import { WireError } from './wire-error.js';

/** Most worker processes one coordinator keeps track of; hellos beyond are dropped. */
const MAX_WORKERS = 1024;

/** A worker process the coordinator has heard from. */
export interface JoinedWorker {
  id: string;
  name: string;
  /** When its last hello arrived (ms since the epoch). */
  lastSeen: number;
}

/** Why a worker process no longer counts: it said bye, or its heartbeat stopped. */
export interface DepartedWorker {
  worker: JoinedWorker;
  reason: string;
}

/**
 * The worker processes that have joined, in the order they joined, kept up to date from hello and bye messages and
 * a liveness deadline. The coordinator hands tasks only to processes listed here.
 */
export class WorkerRegistry {
  private readonly workers = new Map<string, JoinedWorker>();
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    private readonly silenceMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a presence message; returns the process when it is new (a hello) or gone (a bye). */
  update(message: PresenceMessage): { joined?: JoinedWorker; departed?: DepartedWorker } {
    const known = this.workers.get(message.id);
    if (message.kind === 'bye') {
      if (!known) return {};
      this.workers.delete(message.id);
      return { departed: { worker: known, reason: 'left (it said bye)' } };
    }
    if (known) {
      known.lastSeen = this.now();
      return {};
    }
    if (this.workers.size >= MAX_WORKERS) throw new WireError(`${MAX_WORKERS} worker processes have joined already (the limit); ignoring ${message.id}`);
    const joined = { id: message.id, name: message.name, lastSeen: this.now() };
    this.workers.set(joined.id, joined);
    this.waiters = this.waiters.filter((w) => (this.workers.size >= w.count ? (w.resolve(), false) : true));
    return { joined };
  }

  /** Removes and returns the processes silent for longer than the liveness deadline. */
  expire(): DepartedWorker[] {
    const departed: DepartedWorker[] = [];
    for (const worker of this.workers.values()) {
      const silent = this.now() - worker.lastSeen;
      if (silent > this.silenceMs) departed.push({ worker, reason: `stopped answering (no heartbeat for ${silent} ms)` });
    }
    for (const { worker } of departed) this.workers.delete(worker.id);
    return departed;
  }

  /** The live processes, in join order. */
  live(): JoinedWorker[] {
    return [...this.workers.values()];
  }

  /** The live process with id `id`, if any. */
  get(id: string): JoinedWorker | undefined {
    return this.workers.get(id);
  }

  /** Resolves once `count` processes are live, or rejects with a message naming how many came after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void> {
    if (this.workers.size >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { count, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.workers.size} of the ${count} worker process(es) needed joined within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}
