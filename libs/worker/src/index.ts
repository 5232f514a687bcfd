export { WorkerRuntime } from './runtime.js';
export type { RunSetup, WorkerMessage, GradientMessage, PredictMessage, MemoryMessage, ThreadMemory } from './messages.js';
