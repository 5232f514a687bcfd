import { describe, expect, it } from 'vitest';
import { configWithoutSecrets, resolveConfig } from '../src/index.js';
import { runConfigText } from '../src/run-directory.js';

describe('configWithoutSecrets', () => {
  const config = resolveConfig({ transport: { kind: 'nats', nats: ['nats://alice:s3cret@a:4222', 'tls://t0ken@b:4222', 'nats://c:4222'] } });

  it('drops the credentials written into NATS URLs and leaves the rest of the config as it is', () => {
    const shown = configWithoutSecrets(config);
    expect(shown.transport.nats).toEqual(['nats://a:4222', 'tls://b:4222', 'nats://c:4222']);
    expect({ ...shown, transport: config.transport }).toEqual(config);
    expect(config.transport.nats[0]).toBe('nats://alice:s3cret@a:4222');
  });

  it("keeps them out of a run's config.json", () => {
    const text = runConfigText(config, 0);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('t0ken');
    expect(JSON.parse(text).transport.nats).toEqual(['nats://a:4222', 'tls://b:4222', 'nats://c:4222']);
  });
});
