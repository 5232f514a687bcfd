import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { connect, nkeys } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { NatsConnectError, NatsWorkers, ThreadPool } from '../src/index.js';
import { connectNats, reportStatus } from '../src/nats/connection.js';
import { trainOnThreads, train } from './fixture.js';
import { faultTolerantOver, overNats, spawnWorkerProcess, startNatsServer, trainWith, type NatsServer } from './nats-fixture.js';
import { initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import { SharedParameters } from '@churnlab/ps';
import type { RunSetup } from '@churnlab/worker';

const tmp = useTempDir('churnlab-nats-');

/** A setup for tests that never get as far as training. */
function idleSetup(runId: string): RunSetup {
  const model: ModelSpec = { inputs: train.width, hidden: [4], outputs: 1, activation: 'relu', layerNorm: false };
  const store = SharedParameters.create(initialParameters(parameterLayout(model), 1), 1);
  return { runId, model, store: store.handle, train, precision: { name: 'float32', seed: 1, replica: 0 } };
}

describe('joining', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server?.stop());

  it('the coordinator fails with a clear error when no worker joins within joinTimeoutMs', async () => {
    const started = Date.now();
    const connecting = NatsWorkers.connect({ url: server.url, setup: idleSetup('lonely'), count: 2, joinTimeoutMs: 400, log: () => undefined });
    await expect(connecting).rejects.toThrow(
      /^no churnlab worker joined the NATS server nats:\/\/127\.0\.0\.1:\d+ in time: 0 of the 1 worker process\(es\) needed joined within 400 ms; start workers with `churnlab worker --nats URL`/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the tests fail, not skip, when nats-server is missing, and say how to install it', async () => {
    await expect(startNatsServer({ binary: '/usr/sbin/no-nats-server-here' })).rejects.toThrow(
      '/usr/sbin/no-nats-server-here is missing: run `node tools/repo/ensure-system-packages.mjs` (installs the Debian package nats-server)',
    );
  });

  it('a worker process without the WASM backend fails loudly and never joins', async () => {
    const broken = spawnWorkerProcess(server.url, 'no-wasm', { CHURNLAB_WASM_DIR: tmp() });
    expect(await broken.exited).toBe(1);
    expect(broken.stderr()).toMatch(/worker failed: BackendUnavailableError: tfjs WASM backend is not available: it did not start from .*tfjs-backend-wasm-simd\.wasm/);
    expect(broken.stderr()).not.toContain('joined');
  });

  it('reports a lost server connection as it happens', async () => {
    const own = await startNatsServer();
    const nc = await connectNats({ url: own.url, name: 'status-test' });
    const lines: string[] = [];
    void reportStatus(nc, (line) => lines.push(line));
    await own.stop();
    await waitFor(() => lines.some((line) => /^disconnected from \S*127\.0\.0\.1:\d+; reconnecting$/.test(line) && line.includes(String(own.port))));
    await nc.close();
  });

  it('refuses a run id that cannot be a subject token, before connecting', async () => {
    await expect(NatsWorkers.connect({ url: server.url, setup: idleSetup('a.b'), count: 1 })).rejects.toThrow(/run id "a\.b" is not allowed/);
  });

  it('the coordinator says which server could not be reached', async () => {
    await expect(NatsWorkers.connect({ url: 'nats://127.0.0.1:1', setup: idleSetup('r'), count: 1 })).rejects.toThrow(/^NATS server nats:\/\/127\.0\.0\.1:1 could not be reached/);
  });
});

describe('credentials', () => {
  const password = 'correct-horse-battery-staple';

  it('a worker with the wrong password is refused and says so without printing either password', async () => {
    const server = await startNatsServer({ user: 'alice', password });
    try {
      const intruder = spawnWorkerProcess(server.url, 'intruder', { NATS_USER: 'alice', NATS_PASSWORD: 'wrong-password-123' });
      expect(await intruder.exited).toBe(1);
      expect(intruder.stderr()).toContain(`refused user "alice" with a password (Authorization Violation)`);
      expect(intruder.stderr()).not.toContain('wrong-password-123');
      expect(intruder.stderr()).not.toContain(password);

      const anonymous = NatsWorkers.connect({ url: server.url, setup: idleSetup('r'), count: 1, log: () => undefined });
      await expect(anonymous).rejects.toThrow(NatsConnectError);
      await expect(anonymous).rejects.toThrow(/refused no credentials \(Authorization Violation\)/);

      // The right password, from the environment on the worker and as options on the coordinator: a real run.
      const member = spawnWorkerProcess(server.url, 'member', { NATS_USER: 'alice', NATS_PASSWORD: password });
      await member.joined;
      expect(member.stderr()).toContain('user "alice" with a password');
      expect(member.stderr()).not.toContain(password);
      const nats = overNats(server.url, { credentials: { user: 'alice', password } });
      const pool = new ThreadPool(1);
      try {
        const remote = await trainWith(nats.make, { workers: 2, order: 'sync', steps: 5 });
        expect(remote.params).toEqual((await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 5 })).params);
      } finally {
        await nats.closeAll();
        await pool.close();
        await member.stop();
      }
    } finally {
      await server.stop();
    }
  });

  it('a password written into the URL is used, and masked in every message', async () => {
    const server = await startNatsServer({ user: 'bob', password });
    try {
      const wrong = `nats://bob:not-${password}@127.0.0.1:${server.port}`;
      const refused = NatsWorkers.connect({ url: wrong, setup: idleSetup('r'), count: 1, log: () => undefined });
      const error = await refused.then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/^NATS server nats:\/\/\*\*\*@127\.0\.0\.1:\d+ refused user "bob" with a password \(Authorization Violation\)$/);
      expect(error?.message).not.toContain(password);
      const nc = await connectNats({ url: `nats://bob:${password}@127.0.0.1:${server.port}`, name: 'url-credentials' });
      expect(nc.isClosed()).toBe(false);
      await nc.close();
    } finally {
      await server.stop();
    }
  });

  it('tokens and nkeys work from the environment, and a wrong token is refused without being printed', async () => {
    const token = 's3cret-token-0123456789';
    const tokenServer = await startNatsServer({ token });
    try {
      const bad = spawnWorkerProcess(tokenServer.url, 'bad-token', { NATS_TOKEN: 'guessed-token-999' });
      expect(await bad.exited).toBe(1);
      expect(bad.stderr()).toContain('refused a token (Authorization Violation)');
      expect(bad.stderr()).not.toContain('guessed-token-999');
      const good = spawnWorkerProcess(tokenServer.url, 'good-token', { NATS_TOKEN: token });
      await good.joined;
      expect(good.stderr()).not.toContain(token);
      await good.stop();
    } finally {
      await tokenServer.stop();
    }

    const user = nkeys.createUser();
    const configFile = path.join(tmp(), 'nkey.conf');
    writeFileSync(configFile, `authorization { users = [ { nkey: ${user.getPublicKey()} } ] }\n`);
    const nkeyServer = await startNatsServer({ configFile });
    try {
      const seed = new TextDecoder().decode(user.getSeed());
      const keyed = spawnWorkerProcess(nkeyServer.url, 'keyed', { NATS_NKEY_SEED: seed });
      await keyed.joined;
      expect(keyed.stderr()).toContain('an nkey');
      expect(keyed.stderr()).not.toContain(seed);
      await keyed.stop();
      const stranger = spawnWorkerProcess(nkeyServer.url, 'stranger', { NATS_NKEY_SEED: new TextDecoder().decode(nkeys.createUser().getSeed()) });
      expect(await stranger.exited).toBe(1);
      expect(stranger.stderr()).toContain('refused an nkey');
    } finally {
      await nkeyServer.stop();
    }
  });

  it('runs under the permissions docs/distributed.md recommends: workers cannot send tasks, coordinators cannot answer them', async () => {
    const configFile = path.join(tmp(), 'permissions.conf');
    writeFileSync(
      configFile,
      `authorization {
  users = [
    { user: coordinator, password: cpw, permissions: { publish: ["churnlab.discover", "churnlab.worker.>"], subscribe: ["churnlab.hello", "churnlab.bye", "churnlab.run.>"] } }
    { user: worker, password: wpw, permissions: { publish: ["churnlab.hello", "churnlab.bye", "churnlab.run.>"], subscribe: ["churnlab.discover", "churnlab.worker.>"] } }
  ]
}
`,
    );
    const server = await startNatsServer({ configFile });
    const worker = spawnWorkerProcess(server.url, 'fenced', { NATS_USER: 'worker', NATS_PASSWORD: 'wpw' });
    const nats = overNats(server.url, { credentials: { user: 'coordinator', password: 'cpw' } });
    const pool = new ThreadPool(1);
    try {
      await worker.joined;
      const remote = await trainWith(nats.make, { workers: 2, order: 'sync', steps: 5 });
      expect(remote.params).toEqual((await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 5 })).params);
      expect(worker.stderr()).not.toMatch(/[Pp]ermissions? [Vv]iolation/);
      expect(await refusedPublish(server.url, 'worker', 'wpw', 'churnlab.worker.someone')).toMatch(/Permissions Violation for Publish to "churnlab.worker.someone"/i);
      expect(await refusedPublish(server.url, 'coordinator', 'cpw', 'churnlab.run.some-run')).toMatch(/Permissions Violation for Publish to "churnlab.run.some-run"/i);
    } finally {
      await nats.closeAll();
      await pool.close();
      await worker.stop();
      await server.stop();
    }
  });
});

describe('stopping while the server is gone', () => {
  it('a worker process stopped after its server went away still exits, within seconds', async () => {
    const own = await startNatsServer();
    const worker = spawnWorkerProcess(own.url, 'orphan');
    await worker.joined;
    await own.stop();
    await waitFor(() => worker.stderr().includes('disconnected from'));
    const stoppedAt = Date.now();
    await worker.stop();
    expect(await worker.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(8000);
  });

  it('a coordinator closed after its server went away still closes, within seconds', async () => {
    const own = await startNatsServer();
    const worker = spawnWorkerProcess(own.url, 'short-lived');
    await worker.joined;
    const workers = await NatsWorkers.connect({ url: own.url, setup: idleSetup('orphaned-run'), count: 1, log: () => undefined });
    await worker.stop();
    await own.stop();
    const closing = Date.now();
    await workers.close();
    expect(Date.now() - closing).toBeLessThan(8000);
  });
});

describe('a server whose max_payload is too small for any frame', () => {
  let server: NatsServer;
  beforeAll(async () => {
    const config = path.join(tmp(), 'small-payload.conf');
    writeFileSync(config, 'max_payload: 6000\nhttp: "127.0.0.1:-1"\n');
    server = await startNatsServer({ configFile: config });
  });
  afterAll(() => server?.stop());

  /** The client connections the server holds now, from its monitoring endpoint. */
  const connections = async (): Promise<number> => {
    const monitor = /Starting http monitor on ([\d.]+:\d+)/.exec(server.log())![1]!;
    return ((await (await fetch(`http://${monitor}/connz`)).json()) as { num_connections: number }).num_connections;
  };

  it('refuses the coordinator, naming max_payload, and leaves no connection open', async () => {
    await expect(NatsWorkers.connect({ url: server.url, setup: idleSetup('small-payload'), count: 1, log: () => undefined })).rejects.toThrow(/max_payload \(6000 bytes\) is too small/);
    // The server notes a closed connection a moment after the client closes it; a leaked one stays.
    const deadline = Date.now() + 5000;
    while ((await connections()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await connections()).toBe(0);
  });

  it('stops a worker process with exit code 1, naming max_payload, instead of keeping it alive', async () => {
    const worker = spawnWorkerProcess(server.url, 'small-payload');
    expect(await worker.exited).toBe(1);
    expect(worker.stderr()).toMatch(/max_payload \(6000 bytes\) is too small/);
  });
});

describe('a worker process that goes away', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server?.stop());

  it('killed mid-run: the run fails with a clear error once its heartbeat has been silent for workerSilenceMs', async () => {
    const victim = spawnWorkerProcess(server.url, 'victim');
    await victim.joined;
    const nats = overNats(server.url, { workerSilenceMs: 1500 });
    try {
      const run = trainWith(nats.make, { workers: 2, order: 'sync', steps: 1_000_000 });
      run.catch(() => undefined);
      await waitFor(() => victim.stderr().includes('serving run'));
      const killedAt = Date.now();
      victim.child.kill('SIGKILL');
      await expect(run).rejects.toThrow(
        // The kill lands while the process holds a gradient task or, rarely, while it is still taking the run's setup.
        /^worker process victim stopped answering \(no heartbeat for \d+ ms\) while it had (step \d+ of logical worker \d|the setup of run nats-test-\d+-\d+ \(\d+ bytes\)) of run nats-test-\d+-\d+$/,
      );
      expect(Date.now() - killedAt).toBeLessThan(6000);
    } finally {
      await nats.closeAll();
    }
  });

  it("under the retry wrapper training uses, a killed process's tasks go to the survivor and the bits do not change", async () => {
    const survivor = spawnWorkerProcess(server.url, 'survivor');
    const victim = spawnWorkerProcess(server.url, 'doomed');
    await Promise.all([survivor.joined, victim.joined]);
    // 15 heartbeats of silence: short enough to find the killed process soon, long enough that a loaded machine
    // delaying the survivor's heartbeats (sent from the thread that computes) does not expire it too.
    const nats = overNats(server.url, { minProcesses: 2, workerSilenceMs: 3000 });
    const faults: string[] = [];
    const pool = new ThreadPool(1);
    try {
      const run = trainWith(faultTolerantOver(nats.make, { timeoutMs: 30_000, onFault: (m) => faults.push(m) }), { workers: 2, order: 'sync', steps: 300 });
      await waitFor(() => victim.stderr().includes('serving run'));
      victim.child.kill('SIGKILL');
      const remote = await run;
      expect(remote.params).toEqual((await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 300 })).params);
      expect(faults.length).toBeGreaterThan(0);
      // The kill lands while the process holds a gradient task or, rarely, while it is still taking the run's setup.
      expect(faults[0]).toMatch(/attempt 1 failed \(worker process doomed stopped answering \(no heartbeat for \d+ ms\) while it had (step \d+ of logical worker \d|the setup of run)/);
      expect(nats.made[0]!.joined().map((p) => p.name)).toEqual(['survivor']);
    } finally {
      await nats.closeAll();
      await pool.close();
      await survivor.stop();
    }
  });

  it('stopped with SIGTERM mid-run: it says bye, and the run fails at once naming it', async () => {
    const leaver = spawnWorkerProcess(server.url, 'leaver');
    await leaver.joined;
    const nats = overNats(server.url, { workerSilenceMs: 60_000 });
    try {
      const run = trainWith(nats.make, { workers: 2, order: 'sync', steps: 1_000_000 }).then(
        () => new Error('the run finished'),
        (error: Error) => error,
      );
      await waitFor(() => leaver.stderr().includes('serving run'));
      await leaver.stop();
      expect(leaver.stderr()).toMatch(/stopped after serving 1 run\(s\)/);
      // It finishes the task at hand before leaving, so the run fails either on a task in flight or on the next one.
      expect((await run).message).toMatch(/worker process leaver left \(it said bye\)( while it had step \d+ of logical worker \d of run|\)$)/);
    } finally {
      await nats.closeAll();
    }
  });
});

/** What the server answers when `user` publishes to `subject`: the permissions error it reports. */
async function refusedPublish(url: string, user: string, pass: string, subject: string): Promise<string> {
  const nc = await connect({ servers: url, user, pass });
  try {
    const errors = (async () => {
      for await (const status of nc.status()) if (status.type === 'error') return status.error.message;
      return 'no error';
    })();
    nc.publish(subject, new Uint8Array([1]));
    await nc.flush();
    return await Promise.race([errors, new Promise<string>((resolve) => setTimeout(() => resolve('no error within 2 s'), 2000))]);
  } finally {
    await nc.close();
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
