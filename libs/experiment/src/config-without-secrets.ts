import { withoutCredentials } from '@churnlab/transport';
import type { Config } from './config-schema.js';

/**
 * `config` as it may be written to disk or shown: its NATS server URLs without the user, password or token written
 * into them. Those are used for the run but never kept, since run directories and reports get shared; a resumed run
 * takes them from the environment or the flags again.
 */
export function configWithoutSecrets(config: Config): Config {
  return { ...config, transport: { ...config.transport, nats: config.transport.nats.map(withoutCredentials) } };
}
