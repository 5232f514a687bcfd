import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { dependencyViolations } from '../check-dependencies.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true })));

function fixture(projects: Record<string, { deps?: string[]; source: string }>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
  roots.push(root);
  for (const [name, { deps = [], source }] of Object.entries(projects)) {
    const dir = path.join(root, 'libs', name, 'src');
    mkdirSync(dir, { recursive: true });
    const dependencies = Object.fromEntries(deps.map((d) => [`@churnlab/${d}`, '0.1.0']));
    writeFileSync(path.join(root, 'libs', name, 'package.json'), JSON.stringify({ name: `@churnlab/${name}`, dependencies }));
    writeFileSync(path.join(dir, 'index.ts'), source);
  }
  return root;
}

describe('dependency order', () => {
  it('holds for this repository', () => {
    expect(dependencyViolations(repoRoot)).toEqual([]);
  });

  it('flags a dependency that points upward', () => {
    const root = fixture({ model: { deps: ['ps'], source: "import { x } from '@churnlab/ps';\n" }, ps: { source: '' } });
    expect(dependencyViolations(root)).toEqual([expect.stringMatching(/@churnlab\/model: depends on @churnlab\/ps/)]);
  });

  it('flags an import of an undeclared project', () => {
    const root = fixture({ model: { source: "import { tf } from '@churnlab/tensor';\n" }, tensor: { source: '' } });
    expect(dependencyViolations(root)).toEqual([expect.stringMatching(/imports @churnlab\/tensor without declaring/)]);
  });

  it('flags a relative import that reaches into another project', () => {
    const root = fixture({ metrics: { source: "import { x } from '../../data/src/index.js';\n" }, data: { source: '' } });
    expect(dependencyViolations(root)).toEqual([expect.stringMatching(/relative import .* leaves its project/)]);
  });
});
