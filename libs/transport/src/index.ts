export { ThreadPool, ThreadWorkers } from './thread-workers.js';
export {
  credentialsFromEnv,
  credentialVariables,
  defaultWireLimits,
  describeCredentials,
  NatsConnectError,
  NatsWorkers,
  redactUrl,
  redactUrlsIn,
  subjects,
  wireLimits,
  withoutCredentials,
  type NatsCredentials,
  type NatsWorkersOptions,
  type WireLimits,
} from './nats/index.js';
