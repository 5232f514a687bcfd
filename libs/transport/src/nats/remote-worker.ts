import { initWasmBackend } from '@churnlab/tensor';
import { scheduleAsBatch } from '@churnlab/worker';
import { nuid } from '@nats-io/transport-node';
import { closeConnection, closingOnFailure, connectNats, defaultProcessName, describeServers, endpointCredentials, reportStatus } from './connection.js';
import { describeCredentials, type NatsCredentials } from './credentials.js';
import { reasonOf } from './drop-log.js';
import { chunkBytesFor, wireLimits, type WireLimits } from './limits.js';
import { encodePresence, WORKER_NAME } from './presence-message.js';
import { RemoteWorkerServer } from './remote-worker-server.js';
import { subjects } from './subjects.js';

/** Where a remote worker process connects, as whom, and until when. */
export interface RemoteWorkerOptions {
  /** The NATS server (nats://host:4222), or several servers of one cluster. */
  url: string | string[];
  credentials?: NatsCredentials;
  /** How coordinators and logs name this process (default: host name and process id): printable, no spaces, ≤ 64. */
  name?: string;
  /** Aborting it makes the process say bye, finish the message at hand, disconnect and resolve. */
  signal?: AbortSignal;
  /** Milliseconds between two announcements (default 1000). */
  heartbeatMs?: number;
  limits?: Partial<WireLimits>;
  /** Where joins, runs served and dropped messages are reported (default: stderr). */
  log?: (line: string) => void;
}

/** What a remote worker process did, once it stopped. */
export interface RemoteWorkerSummary {
  name: string;
  id: string;
  runsServed: number;
  gradientTasksServed: number;
}

/**
 * Runs one remote worker process: starts its single WASM SIMD backend (throwing BackendUnavailableError when it
 * cannot), connects, announces itself every heartbeat and serves setups, gradient tasks and prediction requests until
 * `signal` aborts (then resolves with what it served) or the connection is lost for good (then rejects).
 */
export async function runRemoteWorker(options: RemoteWorkerOptions): Promise<RemoteWorkerSummary> {
  const log = options.log ?? ((line: string) => process.stderr.write(`churnlab worker: ${line}\n`));
  const limits = wireLimits(options.limits);
  const name = options.name ?? defaultProcessName();
  if (!WORKER_NAME.test(name)) throw new RangeError(`worker name ${JSON.stringify(name.slice(0, 80))} is not allowed; expected 1 to 64 printable characters without spaces`);
  const heartbeatMs = options.heartbeatMs ?? 1000;
  if (!Number.isSafeInteger(heartbeatMs) || heartbeatMs < 1 || heartbeatMs > 3_600_000) throw new RangeError(`heartbeatMs: ${heartbeatMs} is not allowed; expected 1 to 3600000`);
  // Listen from the start: a signal that comes while the backend starts or the connection opens still stops the process.
  const stop = new Promise<'stop'>((resolve) => {
    if (options.signal?.aborted) resolve('stop');
    options.signal?.addEventListener('abort', () => resolve('stop'), { once: true });
  });
  // One WASM backend per process, proven before joining: a process that would compute on the slow CPU backend never joins.
  await initWasmBackend();
  // It computes on this thread for tens of milliseconds at a time: beside a coordinator on the same machine, it should
  // not take the coordinator's core when woken, as pool threads do not (see scheduleAsBatch).
  scheduleAsBatch();
  const id = nuid.next();
  if (options.signal?.aborted) return { name, id, runsServed: 0, gradientTasksServed: 0 };
  const nc = await connectNats({ url: options.url, ...(options.credentials ? { credentials: options.credentials } : {}), name: `churnlab-worker-${name}` });
  const server = await closingOnFailure(nc, () => new RemoteWorkerServer(nc, id, limits, chunkBytesFor(limits, nc.info?.max_payload), log));
  const presence = (kind: 'hello' | 'bye') => encodePresence({ kind, id, name, heartbeatMs });
  const hello = () => {
    if (!nc.isClosed() && !nc.isDraining()) nc.publish(subjects.hello, presence('hello'));
  };
  nc.subscribe(subjects.worker(id), { callback: (error, msg) => (error ? log(`subscription error: ${reasonOf(error)}`) : server.handle(msg.data)) });
  nc.subscribe(subjects.discover, { callback: () => hello() });
  hello();
  const heartbeat = setInterval(hello, heartbeatMs);
  log(`joined NATS server ${describeServers(options.url)} as ${name} (id ${id}, ${describeCredentials(endpointCredentials(options))}); waiting for runs`);
  void reportStatus(nc, log);
  const outcome = await Promise.race([stop, nc.closed()]);
  clearInterval(heartbeat);
  if (outcome === 'stop') {
    // Best effort: a coordinator that misses the bye notices the silence instead.
    if (!nc.isClosed()) nc.publish(subjects.bye, presence('bye'));
    await closeConnection(nc);
    server.dispose();
    log(`stopped after serving ${server.runsServed} run(s)`);
    return { name, id, runsServed: server.runsServed, gradientTasksServed: server.gradientTasksServed };
  }
  server.dispose();
  throw new Error(`lost the connection to the NATS server ${describeServers(options.url)}${outcome ? `: ${reasonOf(outcome)}` : ''}`);
}
