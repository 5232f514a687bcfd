import { hostname } from 'node:os';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { authenticatorFor, credentialsInUrls, describeCredentials, redactUrl, scrubSecrets, secretsOf, userinfoOf, withoutCredentials, type NatsCredentials } from './credentials.js';

/** Where and as whom to connect. */
export interface NatsEndpoint {
  /** One server URL (nats://host:4222), or several servers of one NATS cluster. */
  url: string | string[];
  credentials?: NatsCredentials;
  /** The client name the server shows in its monitoring pages. */
  name: string;
}

/** The endpoint's servers, masked for a log line. */
export function describeServers(url: string | string[]): string {
  return (Array.isArray(url) ? url : [url]).map(redactUrl).join(', ');
}

/** A default name for this process: host name and process id. */
export function defaultProcessName(): string {
  return `${hostname().replace(/[^\x21-\x7e]/g, '_').slice(0, 40)}-${process.pid}`;
}

/**
 * Connects to the NATS server, failing with one clear sentence (which server, which kind of credentials, what the server
 * said) that never contains a password, token or seed, even when the URL itself held one.
 */
export async function connectNats(endpoint: NatsEndpoint): Promise<NatsConnection> {
  const servers = Array.isArray(endpoint.url) ? endpoint.url : [endpoint.url];
  const credentials = endpointCredentials(endpoint);
  const secrets = [...secretsOf(credentials), ...servers.flatMap((s) => userinfoOf(s)?.split(':') ?? [])];
  try {
    return await connect({
      servers: servers.map(withoutCredentials),
      name: endpoint.name,
      ...(credentials ? { authenticator: authenticatorFor(credentials) } : {}),
      // Keep trying through a short server restart; a run's own timeouts decide when waiting is over.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
  } catch (error) {
    const said = scrubSecrets(error instanceof Error ? error.message : String(error), secrets);
    const refused = error instanceof Error && error.name === 'AuthorizationError';
    const what = refused ? `refused ${describeCredentials(credentials)} (${said})` : `could not be reached (${said})`;
    throw new NatsConnectError(`NATS server ${describeServers(endpoint.url)} ${what}`, refused);
  }
}

/** The credentials an endpoint connects with: those given, else those written into its URL (see credentialsInUrls). */
export function endpointCredentials(endpoint: Pick<NatsEndpoint, 'url' | 'credentials'>): NatsCredentials | undefined {
  return endpoint.credentials ?? credentialsInUrls(Array.isArray(endpoint.url) ? endpoint.url : [endpoint.url]);
}

/** Connecting failed: `refused` when the server rejected the credentials. */
export class NatsConnectError extends Error {
  override name = 'NatsConnectError';
  constructor(
    message: string,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

/** Logs disconnects, reconnects and server errors (a permissions violation, for one) until the connection closes. */
export async function reportStatus(nc: NatsConnection, log: (line: string) => void): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect') log(`disconnected from ${redactUrl(status.server)}; reconnecting`);
    else if (status.type === 'reconnect') log(`reconnected to ${redactUrl(status.server)}`);
    else if (status.type === 'error') log(`NATS server error: ${status.error.message.slice(0, 200)}`);
    else if (status.type === 'slowConsumer') log(`NATS slow consumer: ${status.pending} messages pending`);
  }
}

/**
 * Drains the connection (queued messages handled and sent, then closed), but closes it outright after `timeoutMs`:
 * a server that has gone away must not keep a stopping process alive while the client waits to reconnect.
 */
export async function closeConnection(nc: NatsConnection, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const drained = nc.drain().then(
    () => 'drained' as const,
    () => 'failed' as const,
  );
  const outcome = await Promise.race([drained, gaveUp]);
  clearTimeout(timer);
  if (outcome !== 'drained' && !nc.isClosed()) await nc.close().catch(() => undefined);
}

/** Returns what `make` returns; if it throws, closes the connection it was to use first, so that nothing keeps the process alive. */
export async function closingOnFailure<T>(nc: NatsConnection, make: () => T): Promise<T> {
  try {
    return make();
  } catch (error) {
    await closeConnection(nc);
    throw error;
  }
}
