import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The interpreter the benchmark uses for PyTorch: Debian's, where `apt-get install python3-torch` puts torch. */
export const PYTHON = '/usr/bin/python3';

/** The installed PyTorch version, or why PyTorch cannot run here. */
export function torchVersion(): { version: string } | { missing: string } {
  if (!existsSync(PYTHON)) return { missing: `${PYTHON} is not installed` };
  const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { missing: `${PYTHON} cannot import torch (apt-get install python3-torch libopenblas0-pthread)` };
  return { version: probe.stdout.trim() };
}

/** Runs PYTHON with `args` (a script or `-c` code, then its arguments) on `threads` threads and parses the JSON it prints. */
export function runTorch<T>(args: string[], threads: number): T {
  // One OpenMP pool of the requested size, whose idle threads sleep as churnlab's do: on a shared machine, spinning
  // OpenMP threads collapse (5× slower at 2 threads) as soon as another process takes a core. OpenBLAS, which
  // Debian's torch calls for matMul, takes its thread count from OMP_NUM_THREADS too.
  const env = { ...process.env, OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), OMP_WAIT_POLICY: 'PASSIVE' };
  const result = spawnSync(PYTHON, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${PYTHON} ${args[0]} failed with status ${result.status ?? result.signal}`);
  return JSON.parse(result.stdout) as T;
}
