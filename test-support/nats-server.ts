import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the Debian package nats-server installs the server. */
export const NATS_SERVER = '/usr/sbin/nats-server';

/** A real nats-server started for a test. */
export interface NatsServer {
  url: string;
  port: number;
  /** Everything the server logged so far. */
  log(): string;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

/** How to start the server: password or token auth, or a config file (then the other options are left to it). */
export interface NatsServerOptions {
  user?: string;
  password?: string;
  token?: string;
  configFile?: string;
  /** The server binary (default NATS_SERVER); another path only to test what happens when it is missing. */
  binary?: string;
}

// A safety net: a server a failing test did not stop dies with the test process.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/**
 * Starts nats-server on a free loopback port chosen by the server itself (-p -1) and resolves once it listens.
 * Fails, never skips, when the Debian package is missing.
 */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const binary = options.binary ?? NATS_SERVER;
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`node tools/repo/ensure-system-packages.mjs\` (installs the Debian package nats-server)`);
  }
  const args = options.configFile ? ['-c', options.configFile, '-a', '127.0.0.1', '-p', '-1'] : ['-a', '127.0.0.1', '-p', '-1'];
  if (options.user !== undefined) args.push('--user', options.user, '--pass', options.password ?? '');
  if (options.token !== undefined) args.push('--auth', options.token);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats-server did not start within 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening for client connections on [\d.]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with code ${code} before listening:\n${output}`));
    });
  });
  return { url: `nats://127.0.0.1:${port}`, port, log: () => output, stop: () => stopProcess(child) };
}

/** Sends SIGTERM and resolves when the process has exited (at once if it already has). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
