import type { NatsConnection } from '@nats-io/transport-node';
import { decodeWire, encodeWire } from './codec.js';
import { DropLog } from './drop-log.js';
import { failedMessage } from './failed-message.js';
import { readFrame, toFrames, type Frame, type FrameHeader, type FrameKind } from './frames.js';
import type { WireLimits } from './limits.js';
import { readPredictMessage } from './predict-message.js';
import { RemoteRun } from './remote-run.js';
import { readSetupMessage } from './setup-message.js';
import { subjects } from './subjects.js';
import { readTaskMessage } from './task-message.js';
import { TransferAssembler } from './transfer-assembler.js';
import { record } from './wire-checks.js';
import { WireError } from './wire-error.js';

const REQUEST_KINDS: readonly FrameKind[] = ['setup', 'task', 'predict', 'release'];

/**
 * The requests side of one worker process: reassembles the frames sent to it, checks every field, keeps the state of
 * the last `runsKept` runs, and answers on each run's subject. A request it cannot serve (no such run, a compute error)
 * is answered with a failed frame; a malformed one is dropped and logged.
 */
export class RemoteWorkerServer {
  private readonly runs = new Map<string, RemoteRun>();
  private readonly assembler: TransferAssembler;
  private readonly drops: DropLog;
  /** Runs set up since the process started. */
  runsServed = 0;
  /** Gradient tasks answered with a gradient since the process started. */
  gradientTasksServed = 0;

  constructor(
    private readonly nc: NatsConnection,
    readonly id: string,
    private readonly limits: WireLimits,
    private readonly chunkBytes: number,
    private readonly log: (line: string) => void,
    private readonly runsKept = 8,
  ) {
    this.assembler = new TransferAssembler(limits.maxPendingTransfers, limits.transferTimeoutMs);
    this.drops = new DropLog(log);
  }

  /** Handles one message sent to this process; never throws. */
  handle(data: Uint8Array): void {
    let frame: Frame | undefined;
    try {
      frame = readFrame(data, this.limits.maxFrameBytes);
      this.serve(frame);
    } catch (error) {
      this.drops.dropped(subjects.worker(this.id), error);
      // A well-formed request refused for its content still gets an answer, so its coordinator fails fast and clearly.
      if (frame && error instanceof WireError && REQUEST_KINDS.includes(frame.kind) && frame.kind !== 'release') this.reply(frame, 'failed', failedMessage(error));
    }
  }

  /** Frees every run's tensors. */
  dispose(): void {
    for (const run of this.runs.values()) run.dispose();
    this.runs.clear();
  }

  private serve(frame: Frame): void {
    if (!REQUEST_KINDS.includes(frame.kind)) throw new WireError(`a ${frame.kind} frame is not a request`);
    if (frame.from !== '') throw new WireError('a request must not name a worker process as its sender');
    const maxBytes = frame.kind === 'setup' ? this.limits.maxSetupBytes : this.limits.maxMessageBytes;
    const body = this.assembler.add(`${frame.run}/${frame.transfer}/${frame.kind}`, frame, maxBytes);
    if (!body) return;
    const value = decodeWire(body, maxBytes, frame.kind);
    if (frame.kind === 'setup') this.setUp(frame, value, body.length);
    else if (frame.kind === 'release') this.release(frame, value);
    else if (frame.kind === 'task') this.computeGradient(frame, value);
    else this.predict(frame, value);
  }

  private setUp(frame: Frame, value: unknown, bytes: number): void {
    if (this.runs.has(frame.run)) {
      // A run is set up once: a second setup (repeated or forged) never replaces the data it trains on.
      this.log(`run ${frame.run} is already set up here; keeping its first setup`);
      this.reply(frame, 'ready', {});
      return;
    }
    const setup = readSetupMessage(value, Math.floor(this.limits.maxMessageBytes / 4));
    let run: RemoteRun;
    try {
      run = new RemoteRun(frame.run, setup);
    } catch (error) {
      this.reply(frame, 'failed', failedMessage(error));
      return;
    }
    if (this.runs.size >= this.runsKept) {
      const [oldestId, oldest] = this.runs.entries().next().value as [string, RemoteRun];
      oldest.dispose();
      this.runs.delete(oldestId);
      this.log(`dropped the state of run ${oldestId} to make room (${this.runsKept} runs kept)`);
    }
    this.runs.set(frame.run, run);
    this.runsServed++;
    this.log(`serving run ${frame.run}: ${setup.size} parameters, ${setup.train.rows} training rows, setup of ${bytes} bytes`);
    this.reply(frame, 'ready', {});
  }

  private computeGradient(frame: Frame, value: unknown): void {
    if (frame.version < 0 || frame.step < 0 || frame.worker < 0 || frame.slot < 0) throw new WireError('task: version, step, worker and slot must all be set');
    const run = this.runFor(frame);
    if (!run) return;
    const task = readTaskMessage(value, { size: run.setup.size, rows: run.setup.train.rows });
    if (task.fault?.kind === 'kill') {
      // Acted out without killing the process: a message must never be able to end it. The coordinator sees the task die.
      // The parameters it brought are kept all the same, as the coordinator counts on for the tasks after it.
      try {
        run.hold(frame.version, task.params);
      } catch {
        // Not held: the coordinator forgets what this process holds when one of its tasks fails, and resends.
      }
      this.log(`injected fault: dropping step ${frame.step} of logical worker ${frame.worker} as if this worker had died`);
      this.reply(frame, 'failed', { message: 'the worker died during the task (injected fault)' });
      return;
    }
    if (task.fault?.kind === 'stall') {
      this.log(`injected fault: answering step ${frame.step} of logical worker ${frame.worker} ${task.fault.ms} ms late`);
      const stalled = this.result(frame, 'gradient', () => run.computeGradient(frame, task));
      // unref: a stalled answer never keeps a stopping process alive.
      setTimeout(() => this.reply(frame, stalled.kind, stalled.body), task.fault.ms).unref();
      return;
    }
    this.answer(frame, 'gradient', () => run.computeGradient(frame, task));
  }

  private predict(frame: Frame, value: unknown): void {
    if (frame.version < 0) throw new WireError('predict: the parameter version must be set');
    const run = this.runFor(frame);
    if (!run) return;
    const request = readPredictMessage(value, { size: run.setup.size, inputs: run.setup.model.inputs });
    this.answer(frame, 'predictions', () => ({ values: run.predict(frame.version, request) }));
  }

  private release(frame: Frame, value: unknown): void {
    record(value, 'release', []);
    const run = this.runs.get(frame.run);
    if (!run) return;
    run.dispose();
    this.runs.delete(frame.run);
    this.log(`finished run ${frame.run} after ${run.tasks} gradient tasks`);
  }

  /** The run a request is for, most recently used last; answers failed when this process does not hold it. */
  private runFor(frame: Frame): RemoteRun | undefined {
    const run = this.runs.get(frame.run);
    if (!run) {
      const message = `run ${frame.run} is not set up on this worker (it keeps the last ${this.runsKept} runs)`;
      this.log(`refused a ${frame.kind} request: ${message}`);
      this.reply(frame, 'failed', { message });
      return undefined;
    }
    this.runs.delete(frame.run);
    this.runs.set(frame.run, run);
    return run;
  }

  /** Replies with what `work` computes, or with a failed frame carrying its error. */
  private answer(frame: Frame, kind: FrameKind, work: () => unknown): void {
    const { kind: replyKind, body } = this.result(frame, kind, work);
    this.reply(frame, replyKind, body);
  }

  /** What `work` computes as a `kind` reply, or a failed reply carrying its error. */
  private result(frame: Frame, kind: FrameKind, work: () => unknown): { kind: FrameKind; body: unknown } {
    try {
      const body = work();
      if (kind === 'gradient') this.gradientTasksServed++;
      return { kind, body };
    } catch (error) {
      this.log(`could not serve ${frame.kind} of run ${frame.run} (step ${frame.step}, worker ${frame.worker}): ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
      return { kind: 'failed', body: failedMessage(error) };
    }
  }

  /** Sends `body` back on the run's subject under the request's header, naming this process as the sender. */
  private reply(request: Frame, kind: FrameKind, body: unknown): void {
    const { run, transfer, version, step, worker, slot } = request;
    const header: FrameHeader = { kind, run, transfer, from: this.id, version, step, worker, slot };
    try {
      for (const frame of toFrames(header, encodeWire(body), this.chunkBytes)) this.nc.publish(subjects.run(run), frame);
    } catch (error) {
      this.log(`could not reply to run ${run}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
    }
  }
}
