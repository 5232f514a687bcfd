import { describe, expect, it } from 'vitest';
import { defaultProcessName, describeServers, endpointCredentials } from '../src/nats/connection.js';
import { authenticatorFor, credentialsFromEnv, credentialsInUrls, describeCredentials, redactUrl, redactUrlsIn, scrubSecrets, secretsOf, userinfoOf, withoutCredentials } from '../src/nats/credentials.js';
import { WORKER_NAME } from '../src/nats/presence-message.js';

describe('credentials', () => {
  it('come from NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED; none set means none', () => {
    expect(credentialsFromEnv({ NATS_USER: 'alice', NATS_PASSWORD: 'pw' })).toEqual({ user: 'alice', password: 'pw' });
    expect(credentialsFromEnv({ NATS_TOKEN: 't0k' })).toEqual({ token: 't0k' });
    expect(credentialsFromEnv({ NATS_NKEY_SEED: 'SUA' })).toEqual({ nkeySeed: 'SUA' });
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ NATS_TOKEN: '' })).toBeUndefined();
  });

  it('refuse an ambiguous or half-set environment, naming the variables and never their values', () => {
    const message = (env: NodeJS.ProcessEnv) => {
      try {
        credentialsFromEnv(env);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(message({ NATS_TOKEN: 'secret-a', NATS_NKEY_SEED: 'secret-b' })).toBe('NATS credentials: set only one of NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED');
    expect(message({ NATS_PASSWORD: 'secret-c' })).toBe('NATS credentials: NATS_USER and NATS_PASSWORD go together');
    expect(message({ NATS_USER: 'alice' })).toBe('NATS credentials: NATS_USER and NATS_PASSWORD go together');
  });

  it('are described for a log line by kind, with the user name at most', () => {
    expect(describeCredentials({ user: 'alice', password: 'pw-1' })).toBe('user "alice" with a password');
    expect(describeCredentials({ token: 'tk-1' })).toBe('a token');
    expect(describeCredentials({ nkeySeed: 'seed-1' })).toBe('an nkey');
    expect(describeCredentials(undefined)).toBe('no credentials');
  });

  it('have an authenticator of each kind', () => {
    for (const credentials of [{ user: 'a', password: 'b' }, { token: 't' }, { nkeySeed: 'SUA' }]) expect(typeof authenticatorFor(credentials)).toBe('function');
  });

  it('are scrubbed from any text, and a URL is masked before it is shown', () => {
    expect(secretsOf({ user: 'alice', password: 'pw' })).toEqual(['pw']);
    expect(secretsOf({ token: 't' })).toEqual(['t']);
    expect(secretsOf(undefined)).toEqual([]);
    expect(scrubSecrets('pw is pw', ['pw', ''])).toBe('*** is ***');
    expect(redactUrl('nats://alice:pw@host:4222')).toBe('nats://***@host:4222');
    expect(redactUrl('tls://token@host')).toBe('tls://***@host');
    expect(redactUrl('nats://host:4222')).toBe('nats://host:4222');
    expect(redactUrlsIn("churnlab train --nats nats://alice:pw@a:4222,tls://tok@b --nats='nats://c:d@e' --out x@y")).toBe("churnlab train --nats nats://***@a:4222,tls://***@b --nats='nats://***@e' --out x@y");
    expect(describeServers(['nats://a:1', 'nats://u:p@b:2'])).toBe('nats://a:1, nats://***@b:2');
  });

  it('written into a server URL are read from the first URL that holds any, percent-decoded, and can be taken out of it', () => {
    expect(credentialsInUrls(['nats://a:1', 'nats://alice:p%40ss:w@b:2', 'nats://bob:x@c:3'])).toEqual({ user: 'alice', password: 'p@ss:w' });
    expect(credentialsInUrls(['tls://t0k%2Fen@host'])).toEqual({ token: 't0k/en' });
    expect(credentialsInUrls(['nats://host:4222'])).toBeUndefined();
    expect(userinfoOf('nats://alice:p%40ss@host:4222')).toBe('alice:p%40ss');
    expect(userinfoOf('nats://host:4222/path@x')).toBeUndefined();
    expect(withoutCredentials('nats://alice:pw@host:4222')).toBe('nats://host:4222');
    expect(withoutCredentials('nats://host:4222')).toBe('nats://host:4222');
  });

  it('given as options win over those in the URL', () => {
    expect(endpointCredentials({ url: 'nats://alice:pw@host', credentials: { token: 't' } })).toEqual({ token: 't' });
    expect(endpointCredentials({ url: ['nats://host', 'nats://alice:pw@host'] })).toEqual({ user: 'alice', password: 'pw' });
    expect(endpointCredentials({ url: 'nats://host' })).toBeUndefined();
  });

  it('a process has a default name a coordinator accepts', () => {
    expect(defaultProcessName()).toMatch(WORKER_NAME);
    expect(defaultProcessName()).toContain(String(process.pid));
  });
});
