export { WorkerRuntime } from './runtime.js';
export type { RunSetup, WorkerMessage, GradientMessage, PredictMessage } from './messages.js';
