import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfigFile, resolveConfig } from '../src/index.js';

/** docs/study: the configs behind docs/results.md, which readers run as written. */
const studyDir = fileURLToPath(new URL('../../../docs/study/', import.meta.url));
const studies = readdirSync(studyDir).filter((name) => name.endsWith('.yaml'));

describe('the study configs of docs/results.md', () => {
  it('are all here', () => {
    expect(studies.length).toBeGreaterThanOrEqual(9);
  });

  it.each(studies)('%s is a valid config whose data file, if it names one, exists where the config says', (name) => {
    const file = path.join(studyDir, name);
    const config = resolveConfig(readConfigFile(file), file);
    if ('path' in config.data) expect(existsSync(config.data.path), config.data.path).toBe(true);
  });
});
