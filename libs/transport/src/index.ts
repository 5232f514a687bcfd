export { ThreadPool, ThreadWorkers } from './thread-workers.js';
