#!/usr/bin/env node
// Checks that churnlab's projects depend on each other only in the direction DESIGN §3 allows.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowedDependencies } from './layers.mjs';

const SCOPE = '@churnlab/';
const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

/** Every project folder (apps/*, libs/*, tools/bench) with a package.json under `root`. */
export function projectFolders(root) {
  return ['apps', 'libs', 'tools']
    .flatMap((group) => (existsSync(path.join(root, group)) ? readdirSync(path.join(root, group)).map((name) => path.join(root, group, name)) : []))
    .filter((dir) => existsSync(path.join(dir, 'package.json')) && path.basename(dir) !== 'repo');
}

/** The list of violations of the allowed dependency order under `root`; empty when the tree is clean. */
export function dependencyViolations(root, allowed = allowedDependencies) {
  const violations = [];
  for (const dir of projectFolders(root)) {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const name = pkg.name.replace(SCOPE, '');
    const permitted = allowed[name];
    if (!permitted) {
      violations.push(`${pkg.name}: not in the layer table (tools/repo/layers.mjs)`);
      continue;
    }
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d.startsWith(SCOPE)).map((d) => d.replace(SCOPE, ''));
    for (const dep of declared) if (!permitted.includes(dep)) violations.push(`${pkg.name}: depends on @churnlab/${dep}, which DESIGN §3 does not allow (allowed: ${permitted.join(', ') || 'none'})`);
    for (const file of sourceFiles(path.join(dir, 'src'))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const rel = path.relative(root, file);
        if (spec.startsWith(SCOPE)) {
          const dep = spec.slice(SCOPE.length).split('/')[0];
          if (!declared.includes(dep)) violations.push(`${rel}: imports ${spec} without declaring @churnlab/${dep} in package.json`);
        } else if (spec.startsWith('.') && !path.resolve(path.dirname(file), spec).startsWith(path.join(dir, 'src'))) {
          violations.push(`${rel}: relative import ${spec} leaves its project; import the other project by its package name`);
        }
      }
    }
  }
  return violations;
}

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|mts|js|mjs)$/.test(entry) ? [full] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = dependencyViolations(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
  for (const v of found) console.error(v);
  console.error(found.length ? `${found.length} dependency violation(s)` : 'dependency order: clean');
  process.exit(found.length ? 1 : 0);
}
