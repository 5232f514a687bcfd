import { cpus } from 'node:os';
import { compareWallTime } from './compare-wall-time.js';
import { measureThroughput } from './training-throughput.js';

// Speed goals live here, never in timed tests. Prints a Markdown section for docs/benchmarks.md.
const quick = process.argv.includes('--quick');
const epochs = quick ? 1 : 4;

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
const runs = [];
for (const [workers, order] of [[1, 'sync'], [2, 'sync'], [2, 'async']] as const) runs.push(await measureThroughput(workers, order, epochs));
const baseline = runs[0]!;
const compareSeconds = compareWallTime([]);
const compareOneWorker = compareWallTime(['--workers', '1']);

const lines = [
  `Machine: ${machine}. Command: \`npm run bench${quick ? ' -- --quick' : ''}\` (default model and data, ${epochs} epoch(s) timed after a 1-epoch warm-up).`,
  '',
  '| run | steps | seconds | steps/s | examples/s | ratio to 1 worker sync |',
  '|---|---|---|---|---|---|',
  ...runs.map((r) => `| ${r.label} | ${r.steps} | ${r.seconds.toFixed(2)} | ${r.stepsPerSec.toFixed(1)} | ${r.examplesPerSec.toFixed(0)} | ${(r.stepsPerSec / baseline.stepsPerSec).toFixed(2)} |`),
  '',
  `Default \`churnlab compare\` (whole process): ${compareSeconds.toFixed(1)} s with 2 workers; ${compareOneWorker.toFixed(1)} s with \`--workers 1\` (ratio ${(compareSeconds / compareOneWorker).toFixed(2)}).`,
];
process.stdout.write(lines.join('\n') + '\n');
