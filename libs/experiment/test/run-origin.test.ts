import { describe, expect, it } from 'vitest';
import { checkSameConfig } from '../src/run-origin.js';
import { expectConfigError } from './helpers.js';

describe('checkSameConfig', () => {
  it('accepts the same config, whatever the order of its keys', () => {
    expect(() => checkSameConfig('{"a":1,"b":{"c":2}}', '{"b":{"c":2},"a":1}', 'here', 'expected the same')).not.toThrow();
  });

  it('names at most three changed fields with both values, and how many more there are', () => {
    const message = expectConfigError(() => checkSameConfig('{"a":1,"b":2,"c":3,"d":4}', '{"a":5,"b":6,"c":7,"d":8}', 'here', 'expected the same'));
    expect(message).toBe('here: the config changed since it started: a is 5, was 1; b is 6, was 2; c is 7, was 3 (and 1 more); expected the same');
  });

  it('masks the credentials of a server URL that an earlier version pinned', () => {
    const message = expectConfigError(() => checkSameConfig('{"transport":{"nats":["nats://alice:pin-secret@h:4222"]}}', '{"transport":{"nats":["nats://h:4222"]}}', 'here', 'expected the same'));
    expect(message).toContain('transport.nats[0] is "nats://h:4222", was "nats://***@h:4222"');
    expect(message).not.toContain('pin-secret');
  });

  it('refuses a pinned config that is not JSON, naming where', () => {
    expectConfigError(() => checkSameConfig('{not json', '{}', 'here', 'expected the same'), 'here: the config it started with is not readable JSON', 'expected the same');
  });
});
