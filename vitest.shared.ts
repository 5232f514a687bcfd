import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestUserConfig, type ViteUserConfig } from 'vitest/config';

const resultsDir = fileURLToPath(new URL('./.test-results/', import.meta.url));

/** The one vitest setup every project shares: node environment, and a JSON report per project that the root test command totals. */
export function defineProject(name: string, overrides: TestUserConfig = {}): ViteUserConfig {
  return defineConfig({
    test: {
      name,
      environment: 'node',
      include: ['test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      reporters: ['default', ['json', { outputFile: `${resultsDir}${name}.json` }]],
      // Data caches of test runs (and of the CLI processes they start) stay out of the user's own cache.
      env: { CHURNLAB_CACHE_DIR: path.join(tmpdir(), 'churnlab-test-cache') },
      ...overrides,
    },
  });
}
