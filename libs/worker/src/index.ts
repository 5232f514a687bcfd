export { WorkerRuntime } from './runtime.js';
export { SCHED_BATCH, scheduleAsBatch, schedulingPolicy } from './batch-scheduling.js';
export type { RunSetup, RunMessage, GradientMessage, UpdateMessage, PredictMessage, MemoryMessage, StopMessage, ServeMessage, ThreadRequest, ChannelRequest, ChannelAnswer, ThreadMemory } from './messages.js';
