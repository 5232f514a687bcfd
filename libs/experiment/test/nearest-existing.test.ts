import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsCheckpoint } from '../src/checkpoint.js';
import { nearestExisting } from '../src/nearest-existing.js';
import { useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-nearest-existing-');

describe('nearestExisting', () => {
  it('is the path itself when it exists, with no missing part', () => {
    const found = nearestExisting(tmp());
    expect(found.path).toBe(tmp());
    expect(found.stats.isDirectory()).toBe(true);
    expect(found.firstMissing).toBeUndefined();
  });

  it('walks up to the nearest folder that exists and names the first part below it', () => {
    const found = nearestExisting(path.join(tmp(), 'a', 'b', 'c'));
    expect(found).toMatchObject({ path: tmp(), firstMissing: path.join(tmp(), 'a') });
  });

  it('stops at a file on the way, since nothing can be made under it', () => {
    const file = path.join(tmp(), 'plain');
    writeFileSync(file, 'x');
    const found = nearestExisting(path.join(file, 'sub', 'deeper'));
    expect(found.path).toBe(file);
    expect(found.stats.isFile()).toBe(true);
    expect(found.firstMissing).toBe(path.join(file, 'sub'));
  });

  it('resolves a relative path from the working folder', () => {
    expect(nearestExisting('no-such-folder-here/x').path).toBe(process.cwd());
  });
});

describe('holdsCheckpoint', () => {
  it('finds a checkpoint in the folder or any run directory under it, and none in a missing folder', () => {
    const root = path.join(tmp(), 'runs');
    expect(holdsCheckpoint(root)).toBe(false);
    mkdirSync(path.join(root, 'relu', 'replica-0'), { recursive: true });
    writeFileSync(path.join(root, 'relu', 'replica-0', 'checkpoint.msgpack.partial-1'), '');
    expect(holdsCheckpoint(root)).toBe(false);
    writeFileSync(path.join(root, 'relu', 'replica-0', 'checkpoint.msgpack'), '');
    expect(holdsCheckpoint(root)).toBe(true);
    expect(holdsCheckpoint(path.join(root, 'relu', 'replica-0'))).toBe(true);
  });
});
