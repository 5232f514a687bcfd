import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigError } from '@churnlab/experiment';
import { credentialsFromEnv, type NatsCredentials } from '@churnlab/transport';
import { checkServerUrls, list, wholeNumber } from '../common-options.js';

interface WorkerFlags {
  nats: string[];
  name?: string;
  user?: string;
  password?: string;
  token?: string;
  nkeySeedFile?: string;
  heartbeatMs?: number;
  json?: boolean;
  verbose?: boolean;
}

/** `churnlab worker --nats URL`: serve gradient tasks of coordinators on that NATS server until SIGINT or SIGTERM. */
export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('serve gradient tasks to coordinators through a NATS server, until SIGINT or SIGTERM (see docs/distributed.md)')
    .requiredOption('--nats <url>', 'NATS server URL, e.g. nats://10.0.0.5:4222; several servers of one cluster separated by commas', list)
    .option('--name <name>', 'how coordinators and logs name this process (default: host name and process id)')
    .option('--user <user>', 'NATS user (or NATS_USER); its password from NATS_PASSWORD or --password')
    .option('--password <password>', 'NATS password; prefer NATS_PASSWORD: a flag is visible to other users in the process list')
    .option('--token <token>', 'NATS token; prefer NATS_TOKEN: a flag is visible to other users in the process list')
    .option('--nkey-seed-file <file>', 'file holding the NATS nkey seed (or NATS_NKEY_SEED)')
    .option('--heartbeat-ms <ms>', 'milliseconds between two announcements to coordinators (default 1000)', wholeNumber(1))
    .option('--json', 'once stopped, print what it served as one JSON document on stdout and nothing else there')
    .option('--verbose', 'show stack traces on errors')
    .action(async (flags: WorkerFlags) => {
      const url = checkServerUrls(flags.nats);
      const credentials = workerCredentials(flags);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        // Loaded here: a worker computes, so it loads tfjs, which no other command's process needs.
        const { runRemoteWorker } = await import('@churnlab/transport/remote-worker');
        const served = await runRemoteWorker({
          url,
          ...(credentials ? { credentials } : {}),
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...(flags.heartbeatMs !== undefined ? { heartbeatMs: flags.heartbeatMs } : {}),
          signal: stop.signal,
          log: (line) => process.stderr.write(`churnlab worker: ${line}\n`),
        });
        if (flags.json) process.stdout.write(JSON.stringify(served) + '\n');
      } catch (error) {
        // Connecting, the backend or the connection failed: one line, already free of secrets, and exit 1.
        if (error instanceof RangeError) throw new ConfigError(error.message);
        process.stderr.write(`churnlab worker: ${error instanceof Error ? error.message : String(error)}\n`);
        if (flags.verbose && error instanceof Error) process.stderr.write(`${error.stack}\n`);
        process.exitCode = 1;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/** The credentials of the flags, each falling back to its environment variable; a bad mix is a usage error. */
function workerCredentials(flags: WorkerFlags): NatsCredentials | undefined {
  const seed = flags.nkeySeedFile === undefined ? undefined : readSeed(flags.nkeySeedFile);
  const merged: NodeJS.ProcessEnv = {
    NATS_USER: flags.user ?? process.env['NATS_USER'],
    NATS_PASSWORD: flags.password ?? process.env['NATS_PASSWORD'],
    NATS_TOKEN: flags.token ?? process.env['NATS_TOKEN'],
    NATS_NKEY_SEED: seed ?? process.env['NATS_NKEY_SEED'],
  };
  try {
    return credentialsFromEnv(merged);
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} (flags: --user/--password, --token, --nkey-seed-file)`);
  }
}

function readSeed(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigError(`--nkey-seed-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}
