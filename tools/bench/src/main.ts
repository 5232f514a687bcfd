// `npm run bench`: churnlab against tfjs CPU and PyTorch, side by side, plus the WASM roofline and PyTorch's native one
// (which split the gap to PyTorch into arithmetic width and efficiency), the coordinator's share, peak RSS and the memory
// of a 10-million-parameter model. Speed goals live here and in docs/benchmarks.md, never in timed tests. Progress goes
// to stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { budgets, describeTiming, type Budgets } from './budgets.js';
import { workerTotalMb } from './churnlab-memory.js';
import { codeVersion } from './code-version.js';
import { issueGoals } from './goals.js';
import { isolated } from './isolate.js';
import { benchModel } from './jobs.js';
import { cpuSnapshot, describeMachine, describeVectorFlags, loadNow, othersSince, withOtherCores } from './machine.js';
import { renderSection, replaceSection } from './markdown.js';
import { measureModel } from './measure-model.js';
import { memoryModel, parameterCount } from './models.js';
import { nativeRoofline, type NativeRoofline } from './native-roofline.js';
import { parseOptions, type BenchOptions } from './options.js';
import { wasmRooflines } from './roofline-rounds.js';
import { jsonDocument, type BenchResult } from './results.js';
import { torchVersion } from './torch-process.js';

const docs = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function bench(options: BenchOptions, args: string[]): Promise<void> {
  const cpuStart = cpuSnapshot();
  const machine = describeMachine();
  const code = codeVersion();
  const b = budgets(options.quick);
  log(`${machine.cpu}${describeVectorFlags(machine)}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadStart.toFixed(1)}; micro-shards ${options.microShards}`);
  const { single: roofline, parallel } = await wasmRooflines(b.roofline, machine.cores >= 2 ? 2 : undefined);
  log(`WASM roofline: ${roofline.gflops.toFixed(1)} GFLOP/s`);
  if (parallel) log(`WASM roofline on 2 threads at once: ${parallel.gflops.toFixed(1)} GFLOP/s in all`);
  const torch = torchVersion();
  const notes: string[] = [];
  if ('missing' in torch) {
    notes.push(`PyTorch: ${torch.missing}`);
    log(`PyTorch left out: ${torch.missing}`);
  }
  const nativeRooflines = 'version' in torch ? [1, 2].map((threads) => measureNativeRoofline(threads, b.roofline)) : undefined;
  const models = options.models.map((id) => measureModel(benchModel(id), b, options.microShards, 'version' in torch, log));
  const memoryRun = { workers: 2, order: 'sync', microShards: options.microShards } as const;
  log(`memory: training ${parameterCount(memoryModel).toLocaleString('en-US')} parameters with ${memoryRun.workers} workers…`);
  const memory = isolated({ kind: 'memory', run: memoryRun, steps: b.memory.steps });
  log(`memory: peak RSS ${memory.peakRssMb.toFixed(0)} MB in all, coordinator ${memory.coordinatorRssMb.toFixed(0)} MB, per worker ${memory.perWorker.map((w) => workerTotalMb(w).toFixed(0)).join(', ')} MB`);
  const result: BenchResult = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
    ...(code !== undefined && { code }),
    machine: { ...machine, loadEnd: loadNow(), ...othersSince(cpuStart) },
    microShards: options.microShards,
    timing: describeTiming(b),
    ...('version' in torch && { torchVersion: torch.version }),
    roofline,
    ...(parallel && { parallelRoofline: parallel }),
    ...(nativeRooflines && { nativeRooflines }),
    models,
    memory,
    notes,
  };
  for (const goal of issueGoals(result)) log(`goal: ${goal.goal}: ${goal.measured}${goal.met === undefined ? '' : goal.met ? ' (met)' : ' (not met)'}`);
  const section = renderSection(result);
  if (options.write) {
    writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), section));
    log(`wrote ${docs}`);
  }
  process.stdout.write(options.json ? JSON.stringify(jsonDocument(result), null, 2) + '\n' : section + '\n');
}

/** PyTorch's roofline on `threads` threads at the WASM roofline's size, with how busy other processes kept the machine. */
function measureNativeRoofline(threads: number, { size, repeats }: Budgets['roofline']): NativeRoofline {
  const native = withOtherCores(() => nativeRoofline(threads, size, repeats));
  const peak = native.peak.size === size ? '' : `, peak ${native.peak.gflops.toFixed(1)} at ${native.peak.size}`;
  log(`native roofline (PyTorch${native.blasCore ? `, OpenBLAS ${native.blasCore}` : ''}) on ${threads} thread${threads === 1 ? '' : 's'}: ${native.gflops.toFixed(1)} GFLOP/s${peak}`);
  return native;
}

const args = process.argv.slice(2);
let options: BenchOptions;
try {
  options = parseOptions(args);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  throw error;
}
try {
  await bench(options, args);
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
