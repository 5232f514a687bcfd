export { WorkerRuntime } from './runtime.js';
export { SCHED_BATCH, scheduleAsBatch, schedulingPolicy } from './batch-scheduling.js';
export { RUNS_HELD_PER_THREAD, UNKNOWN_RUN } from './messages.js';
export type { RunSetup, RunId, RunMessage, GradientMessage, UpdateMessage, PredictMessage, ReleaseMessage, MemoryMessage, StopMessage, ServeMessage, ThreadRequest, ServedRequest, ChannelRequest, ChannelAnswer, ThreadMemory } from './messages.js';
