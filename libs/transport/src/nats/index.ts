export { NatsWorkers } from './nats-workers.js';
export type { NatsWorkersOptions } from './nats-workers.js';
export { credentialsFromEnv, credentialVariables, describeCredentials, redactUrl, redactUrlsIn, withoutCredentials } from './credentials.js';
export type { NatsCredentials } from './credentials.js';
export { NatsConnectError } from './connection.js';
export { defaultWireLimits, wireLimits } from './limits.js';
export type { WireLimits } from './limits.js';
export { subjects } from './subjects.js';
