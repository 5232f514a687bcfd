import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, JobResult } from './jobs.js';

const child = fileURLToPath(new URL('./child.js', import.meta.url));

/** Runs `job` in a fresh Node process (its stderr goes to ours) and returns what it printed. */
export function isolated<J extends Job>(job: J): JobResult<J> {
  const result = spawnSync(process.execPath, [child, JSON.stringify(job)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`benchmark job ${JSON.stringify(job)} failed with status ${result.status ?? result.signal}`);
  return JSON.parse(result.stdout) as JobResult<J>;
}

/** Runs `job` in a fresh Node process without blocking this one, so several jobs can run at once. */
export function isolatedAsync<J extends Job>(job: J): Promise<JobResult<J>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    proc.on('error', reject);
    proc.on('close', (status) => (status === 0 ? resolve(JSON.parse(out) as JobResult<J>) : reject(new Error(`benchmark job ${JSON.stringify(job)} failed with status ${status}`))));
  });
}
