import { SharedParameters } from '@churnlab/ps';
import { WorkerRuntime } from '@churnlab/worker';
import type { FrameHeader } from './frames.js';
import { gradientMessage, type GradientMessage } from './gradient-message.js';
import type { PredictMessage } from './predict-message.js';
import type { SetupMessage } from './setup-message.js';
import type { TaskMessage } from './task-message.js';

/**
 * One run inside a worker process: a one-slot parameter store of its own and the unchanged WorkerRuntime over it.
 * Each request's parameters are written into the store as one version before computing, and the gradient is read back
 * out of slot 0, so the runtime computes exactly what a worker thread would at that version.
 */
export class RemoteRun {
  private readonly store: SharedParameters;
  private readonly runtime: WorkerRuntime;
  /** The coordinator's version of the parameters the store holds (-1: none yet). */
  private heldVersion = -1;
  /** Gradient tasks served, for the log. */
  tasks = 0;

  constructor(
    readonly runId: string,
    readonly setup: SetupMessage,
  ) {
    this.store = SharedParameters.create(new Float32Array(setup.size), 1, 0, setup.tables);
    this.runtime = new WorkerRuntime({ runId, model: setup.model, store: this.store.handle, train: setup.train, precision: setup.precision });
  }

  /** The gradient of a task at the version in its header, as a message for the coordinator. */
  computeGradient(header: FrameHeader, task: TaskMessage): GradientMessage {
    this.hold(header.version, task.params);
    // The coordinator already picked the version (live or kept): the runtime reads the store's only one, into slot 0.
    const result = this.runtime.computeGradient({ step: header.step, worker: header.worker, microShards: task.microShards, firstMicroShard: task.firstMicroShard, scale: task.scale, slot: 0 });
    this.tasks++;
    return gradientMessage(this.store, 0, result);
  }

  /** Predictions (rows × outputs) of the request's rows at its parameters. */
  predict(version: number, request: PredictMessage): Float32Array {
    this.hold(version, request.params);
    const out = new Float32Array(request.data.rows * request.data.outputs);
    this.runtime.predict(request.data, 0, request.data.rows, out);
    return out;
  }

  /** Frees the run's tensors. */
  dispose(): void {
    this.runtime.dispose();
  }

  /** Makes the store hold `version`: from `params` when sent, else it must be the version already held. */
  hold(version: number, params: Float32Array | undefined): void {
    if (params) {
      this.store.write((p) => p.set(params));
      this.heldVersion = version;
    } else if (version !== this.heldVersion) {
      throw new Error(`parameter version ${version} of run ${this.runId} came without its parameters, and this worker holds version ${this.heldVersion}`);
    }
  }
}
