import { sliceRows, type Dataset } from '@churnlab/data';
import { SharedParameters, type GradientResult, type GradientTask, type GradientWorkers } from '@churnlab/ps';
import type { RunSetup } from '@churnlab/worker';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { decodeWire, encodeWire } from './codec.js';
import { closeConnection, closingOnFailure, connectNats, defaultProcessName, describeServers, reportStatus } from './connection.js';
import type { NatsCredentials } from './credentials.js';
import { DropLog, reasonOf } from './drop-log.js';
import { readFailedMessage } from './failed-message.js';
import { headerFor, readFrame, toFrames, type FrameHeader, type FrameKind } from './frames.js';
import { readGradientMessage, writeGradientSlot } from './gradient-message.js';
import { chunkBytesFor, wireLimits, type WireLimits } from './limits.js';
import { predictMessage, readPredictionsMessage } from './predict-message.js';
import { readPresence } from './presence-message.js';
import { setupMessage } from './setup-message.js';
import { checkToken, subjects } from './subjects.js';
import { taskMessage } from './task-message.js';
import { TransferAssembler } from './transfer-assembler.js';
import { record } from './wire-checks.js';
import { quoted, WireError } from './wire-error.js';
import { WorkerRegistry, type JoinedWorker } from './worker-registry.js';

/** How a coordinator reaches the worker processes of one run. */
export interface NatsWorkersOptions {
  /** The NATS server (nats://host:4222), or several servers of one cluster. */
  url: string | string[];
  credentials?: NatsCredentials;
  /** The run as ThreadWorkers takes it. `setup.runId` names the run on the wire: 1–64 letters, digits, _ or -. */
  setup: RunSetup;
  /** Logical workers of the run (the order policy's worker count), whatever the number of processes. */
  count: number;
  /** How long to wait for `minProcesses` worker processes to join before failing (default 30 s). */
  joinTimeoutMs?: number;
  /** Worker processes that must have joined before training starts (default 1); later ones are used as they join. */
  minProcesses?: number;
  /** How long one setup, task or prediction request may wait for its reply (default 5 min). */
  taskTimeoutMs?: number;
  /** A worker process not heard from for this long has left; its tasks fail the run (default 30 s). */
  workerSilenceMs?: number;
  limits?: Partial<WireLimits>;
  /** Where joins, departures and dropped messages are reported (default: stderr). */
  log?: (line: string) => void;
}

/** What a request waits for, and what to do with the body when it comes. */
interface Pending {
  reply: FrameKind;
  header: FrameHeader;
  worker: JoinedWorker;
  what: string;
  maxBytes: number;
  accept(value: unknown): void;
  fail(error: Error): void;
  timer: NodeJS.Timeout;
  lastDrop?: string;
}

/** A worker process's state in this run. */
interface ProcessState {
  setup: Promise<void>;
  /** The parameter version the process holds for this run, as of the last request sent to it (-1: none). */
  heldVersion: number;
}

const REPLY_KINDS: readonly FrameKind[] = ['ready', 'gradient', 'predictions', 'failed'];

/**
 * GradientWorkers over NATS: `count` logical workers of one run, served by the remote worker processes that joined.
 * Logical worker w's tasks go to process w mod P (P processes, in join order); where a task runs never changes its
 * result, because each reply is the gradient of exactly the parameter version and rows the task was sent with.
 */
export class NatsWorkers implements GradientWorkers {
  private readonly store: SharedParameters;
  private readonly runId: string;
  private readonly registry: WorkerRegistry;
  private readonly assembler: TransferAssembler;
  private readonly drops: DropLog;
  private readonly pending = new Map<number, Pending>();
  private readonly processes = new Map<string, ProcessState>();
  private readonly subscriptions: Subscription[];
  private readonly watchdog: NodeJS.Timeout;
  private readonly chunkBytes: number;
  private readonly snapshot: Float32Array;
  private setupBody: Uint8Array | undefined;
  /** Why the last worker process to leave left, for the error when none is left. */
  private lastDeparture = '';
  private transfers = 0;
  private closed = false;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly setup: RunSetup,
    readonly count: number,
    private readonly limits: WireLimits,
    private readonly taskTimeoutMs: number,
    silenceMs: number,
    private readonly log: (line: string) => void,
  ) {
    this.runId = setup.runId;
    this.store = SharedParameters.attach(setup.store);
    this.snapshot = new Float32Array(setup.store.size);
    this.chunkBytes = chunkBytesFor(limits, nc.info?.max_payload);
    this.registry = new WorkerRegistry(silenceMs);
    this.assembler = new TransferAssembler(limits.maxPendingTransfers, limits.transferTimeoutMs);
    this.drops = new DropLog(log);
    this.subscriptions = [
      nc.subscribe(subjects.hello, { callback: (_e, msg) => this.guard(subjects.hello, () => this.onPresence(msg.data)) }),
      nc.subscribe(subjects.bye, { callback: (_e, msg) => this.guard(subjects.bye, () => this.onPresence(msg.data)) }),
      nc.subscribe(subjects.run(this.runId), { callback: (_e, msg) => this.guard(subjects.run(this.runId), () => this.onReply(msg.data)) }),
    ];
    this.watchdog = setInterval(() => this.registry.expire().forEach(({ worker, reason }) => this.departed(worker, reason)), Math.max(50, Math.min(1000, silenceMs / 4)));
    this.watchdog.unref();
    void reportStatus(nc, log);
    void nc.closed().then((error) => this.failAll(new Error(`the connection to the NATS server closed${error ? `: ${reasonOf(error)}` : ''}`)));
  }

  /**
   * Connects to the NATS server, asks every worker process there to announce itself, and resolves once `minProcesses`
   * have joined; rejects with a clear error when they do not within `joinTimeoutMs`.
   */
  static async connect(options: NatsWorkersOptions): Promise<NatsWorkers> {
    const limits = wireLimits(options.limits);
    checkToken(options.setup.runId, 'run id');
    const positive = (name: string, value: number) => {
      if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name}: ${value} is not allowed; expected a positive integer`);
      return value;
    };
    positive('count', options.count);
    const minProcesses = positive('minProcesses', options.minProcesses ?? 1);
    const joinTimeoutMs = positive('joinTimeoutMs', options.joinTimeoutMs ?? 30_000);
    if (4 * options.setup.store.size > limits.maxMessageBytes) {
      throw new RangeError(`the model's ${options.setup.store.size} parameters do not fit the ${limits.maxMessageBytes}-byte message limit; raise limits.maxMessageBytes`);
    }
    const log = options.log ?? ((line: string) => process.stderr.write(`churnlab coordinator: ${line}\n`));
    const nc = await connectNats({ url: options.url, ...(options.credentials ? { credentials: options.credentials } : {}), name: `churnlab-coordinator-${defaultProcessName()}` });
    const taskTimeoutMs = positive('taskTimeoutMs', options.taskTimeoutMs ?? 300_000);
    const workerSilenceMs = positive('workerSilenceMs', options.workerSilenceMs ?? 30_000);
    const workers = await closingOnFailure(nc, () => new NatsWorkers(nc, options.setup, options.count, limits, taskTimeoutMs, workerSilenceMs, log));
    nc.publish(subjects.discover);
    try {
      await workers.registry.waitFor(minProcesses, joinTimeoutMs);
    } catch (error) {
      await workers.close();
      throw new Error(
        `no churnlab worker joined the NATS server ${describeServers(options.url)} in time: ${error instanceof Error ? error.message : String(error)}; start workers with \`churnlab worker --nats URL\` on the same server`,
      );
    }
    return workers;
  }

  /** The worker processes serving this run now, in join order. */
  joined(): { id: string; name: string }[] {
    return this.registry.live().map(({ id, name }) => ({ id, name }));
  }

  /**
   * Sends the task, with the parameters at the version it reads, to its worker process; writes the returned gradient
   * into the task's slot (only while `task.lease` is still the slot's lease, when it has one).
   */
  async compute(task: GradientTask): Promise<GradientResult> {
    const worker = this.assign(task.worker);
    const state = await this.ready(worker);
    // Read after the setup wait, right before sending: a live read gets the freshest version, as a thread would.
    const version = task.readVersion === undefined ? this.store.read(this.snapshot) : this.store.readVersion(task.readVersion, this.snapshot);
    const include = state.heldVersion !== version;
    state.heldVersion = version;
    const slot = task.slot ?? task.worker;
    const header: FrameHeader = { ...headerFor('task', this.runId, ++this.transfers), version, step: task.step, worker: task.worker, slot };
    const rows = task.microShards.reduce((n, shard) => n + shard.length, 0);
    const tables = this.setup.store.tables;
    const gradientBytes = 4 * (this.store.handle.size + tables.reduce((n, t) => n + t.rows, 0)) + 65_536;
    return new Promise<GradientResult>((resolve, reject) => {
      this.request(worker, header, encodeWire(taskMessage(task, include ? this.snapshot : undefined)), {
        reply: 'gradient',
        what: `step ${task.step} of logical worker ${task.worker}`,
        maxBytes: Math.min(gradientBytes, this.limits.maxMessageBytes),
        accept: (value) => {
          const gradient = readGradientMessage(value, { size: this.store.handle.size, tables, rows });
          // Under a lease (a fault-tolerant caller), a late answer must not overwrite the slot a retry has taken over.
          const write = () => writeGradientSlot(this.store, slot, gradient);
          const written = task.lease === undefined ? (write(), true) : this.store.writeSlotLeased(slot, task.lease, write);
          const health = gradient.firstNonFinite === undefined ? {} : { firstNonFinite: gradient.firstNonFinite };
          resolve({ step: task.step, worker: task.worker, versionRead: version, lossSum: gradient.lossSum, rows: gradient.rows, ...health, ...(written ? {} : { superseded: true }) });
        },
        fail: (error) => {
          // A failed task may not have left its parameters with the process: send them again with the next task.
          state.heldVersion = -1;
          reject(error);
        },
      });
    });
  }

  /** Predictions for every row of `data` at the current parameters, split across the worker processes. */
  async predict(data: Dataset): Promise<Float32Array> {
    const workers = this.registry.live();
    if (workers.length === 0) throw this.noWorkers();
    const params = new Float32Array(this.store.handle.size);
    const version = this.store.read(params);
    const out = new Float32Array(data.rows * data.outputs);
    await Promise.all(
      workers.map(async (worker, part) => {
        const start = Math.floor((part * data.rows) / workers.length);
        const end = Math.floor(((part + 1) * data.rows) / workers.length);
        if (end === start) return;
        const state = await this.ready(worker);
        state.heldVersion = version;
        const header: FrameHeader = { ...headerFor('predict', this.runId, ++this.transfers), version, worker: part };
        const length = (end - start) * data.outputs;
        await new Promise<void>((resolve, reject) =>
          this.request(worker, header, encodeWire(predictMessage(sliceRows(data, start, end), params)), {
            reply: 'predictions',
            what: `predictions for rows ${start}–${end - 1}`,
            maxBytes: Math.min(4 * length + 65_536, this.limits.maxMessageBytes),
            accept: (value) => {
              out.set(readPredictionsMessage(value, length).values, start * data.outputs);
              resolve();
            },
            fail: (error) => {
              state.heldVersion = -1;
              reject(error);
            },
          }),
        );
      }),
    );
    return out;
  }

  /** Fails what is still waiting, tells the worker processes to drop the run, and closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.watchdog);
    this.failAll(new Error('the coordinator closed its connection to the workers'));
    try {
      for (const id of this.processes.keys()) this.publish(id, headerFor('release', this.runId, ++this.transfers), encodeWire({}));
    } catch {
      // The connection is gone already: the processes drop the run's state when newer runs need the room.
    }
    this.subscriptions.forEach((s) => s.unsubscribe());
    await closeConnection(this.nc);
  }

  /** Logical worker `worker`'s process: w mod P over the live processes in join order. */
  private assign(worker: number): JoinedWorker {
    if (this.closed) throw new Error('the NATS workers are closed');
    const live = this.registry.live();
    if (live.length === 0) throw this.noWorkers();
    return live[worker % live.length]!;
  }

  /** The process's state in this run, once it has the run's setup (sent on first use). */
  private ready(worker: JoinedWorker): Promise<ProcessState> {
    let state = this.processes.get(worker.id);
    if (!state) {
      this.setupBody ??= encodeWire(setupMessage(this.setup));
      const body = this.setupBody;
      const setup = new Promise<void>((resolve, reject) =>
        this.request(worker, headerFor('setup', this.runId, ++this.transfers), body, {
          reply: 'ready',
          what: `the setup of run ${this.runId} (${body.length} bytes)`,
          maxBytes: 1024,
          accept: (value) => {
            record(value, 'ready', []);
            resolve();
          },
          fail: reject,
        }),
      );
      const created: ProcessState = { setup, heldVersion: -1 };
      // A failed setup is forgotten, so that the next task for the process (a retry) sends it again.
      setup.catch(() => {
        if (this.processes.get(worker.id) === created) this.processes.delete(worker.id);
      });
      state = created;
      this.processes.set(worker.id, state);
    }
    const known = state;
    return known.setup.then(() => known);
  }

  /** Registers what the request waits for, then sends it. */
  private request(worker: JoinedWorker, header: FrameHeader, body: Uint8Array, wait: Pick<Pending, 'reply' | 'what' | 'maxBytes' | 'accept' | 'fail'>): void {
    const pending: Pending = {
      ...wait,
      header,
      worker,
      timer: setTimeout(() => {
        const dropped = pending.lastDrop ? ` (a reply was dropped: ${pending.lastDrop})` : '';
        this.settle(pending, new Error(`worker process ${worker.name} did not answer ${wait.what} within ${this.taskTimeoutMs} ms${dropped}`));
      }, this.taskTimeoutMs),
    };
    this.pending.set(header.transfer, pending);
    try {
      this.publish(worker.id, header, body);
    } catch (error) {
      this.settle(pending, new Error(`could not send ${wait.what} to worker process ${worker.name}: ${reasonOf(error)}`));
    }
  }

  private publish(workerId: string, header: FrameHeader, body: Uint8Array): void {
    for (const frame of toFrames(header, body, this.chunkBytes)) this.nc.publish(subjects.worker(workerId), frame);
  }

  /** Ends a request: with an error, or (no error) after its reply was accepted. */
  private settle(pending: Pending, error?: Error): void {
    clearTimeout(pending.timer);
    this.pending.delete(pending.header.transfer);
    for (const kind of REPLY_KINDS) this.assembler.forget(`${pending.header.transfer}/${kind}`);
    if (error) pending.fail(error);
  }

  private onPresence(data: Uint8Array): void {
    const { joined, departed } = this.registry.update(readPresence(data));
    if (joined) this.log(`worker process ${joined.name} (${joined.id}) joined run ${this.runId}`);
    if (departed) this.departed(departed.worker, departed.reason);
  }

  /** A reply frame: checked against the request it answers before any of its body is kept. */
  private onReply(data: Uint8Array): void {
    const frame = readFrame(data, this.limits.maxFrameBytes);
    if (frame.run !== this.runId) throw new WireError(`a frame for run ${quoted(frame.run)} came on run ${this.runId}'s subject`);
    if (!REPLY_KINDS.includes(frame.kind)) throw new WireError(`a ${frame.kind} frame is not a reply`);
    const pending = this.pending.get(frame.transfer);
    if (!pending) throw new WireError(`no request waits for transfer ${frame.transfer} (a late or duplicate reply)`);
    if (frame.from !== pending.worker.id) throw new WireError(`transfer ${frame.transfer} went to worker process ${pending.worker.id}, not to ${quoted(frame.from)}`);
    if (frame.kind !== 'failed' && frame.kind !== pending.reply) throw new WireError(`transfer ${frame.transfer} waits for a ${pending.reply} reply, not a ${frame.kind}`);
    for (const field of ['version', 'step', 'worker', 'slot'] as const) {
      if (frame[field] !== pending.header[field]) throw new WireError(`transfer ${frame.transfer}: ${field} ${frame[field]} does not match the request's ${pending.header[field]}`);
    }
    const maxBytes = frame.kind === 'failed' ? 4096 : pending.maxBytes;
    let body: Uint8Array | undefined;
    try {
      body = this.assembler.add(`${frame.transfer}/${frame.kind}`, frame, maxBytes);
      if (!body) return;
      const value = decodeWire(body, maxBytes, frame.kind);
      if (frame.kind === 'failed') {
        this.settle(pending, new Error(`worker process ${pending.worker.name} could not do ${pending.what}: ${readFailedMessage(value).message}`));
        return;
      }
      pending.accept(value);
      this.settle(pending);
    } catch (error) {
      // A bad reply is dropped and the request keeps waiting: a good one may still come before the timeout.
      pending.lastDrop = reasonOf(error);
      throw error;
    }
  }

  /** A worker process left: what it was doing cannot finish here, so each of its requests fails with the reason (a retrying caller computes it elsewhere). */
  private departed(worker: JoinedWorker, reason: string): void {
    this.log(`worker process ${worker.name} (${worker.id}) ${reason}`);
    this.lastDeparture = `worker process ${worker.name} ${reason}`;
    this.processes.delete(worker.id);
    for (const pending of [...this.pending.values()]) {
      if (pending.worker.id !== worker.id) continue;
      this.settle(pending, new Error(`worker process ${worker.name} ${reason} while it had ${pending.what} of run ${this.runId}`));
    }
  }

  private failAll(error: Error): void {
    for (const pending of [...this.pending.values()]) this.settle(pending, error);
  }

  private noWorkers(): Error {
    const last = this.lastDeparture ? ` (the last one left: ${this.lastDeparture})` : '';
    return new Error(`no churnlab worker process is connected to serve run ${this.runId}${last}`);
  }

  /** Runs a message handler; whatever it throws is logged as a dropped message, never thrown into the NATS client. */
  private guard(subject: string, handle: () => void): void {
    try {
      handle();
    } catch (error) {
      this.drops.dropped(subject, error);
    }
  }
}
