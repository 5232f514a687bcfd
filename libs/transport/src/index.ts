export { ThreadPool, ThreadWorkers } from './thread-workers.js';
export {
  credentialsFromEnv,
  credentialVariables,
  defaultWireLimits,
  describeCredentials,
  NatsConnectError,
  NatsWorkers,
  redactUrl,
  runRemoteWorker,
  subjects,
  wireLimits,
  type NatsCredentials,
  type NatsWorkersOptions,
  type RemoteWorkerOptions,
  type RemoteWorkerSummary,
  type WireLimits,
} from './nats/index.js';
