import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../../apps/cli/bin/churnlab.js', import.meta.url));

/** Wall-clock seconds of the whole `churnlab compare` process with the given flags (the default when none). */
export function compareWallTime(args: string[]): number {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-compare-')), 'out');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, 'compare', '--json', '--out', out, ...args], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rmSync(path.dirname(out), { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`compare ${args.join(' ')} failed: ${result.stderr}`);
  return seconds;
}
