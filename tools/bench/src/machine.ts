import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** The machine a benchmark ran on. */
export interface Machine {
  cpu: string;
  /** The CPU's vector-arithmetic flags among VECTOR_FLAGS (Linux only; absent elsewhere): what native code can use. */
  vectorFlags?: string[];
  cores: number;
  node: string;
  /** 1-minute load average when the benchmark started and when it ended: other processes share these cores. */
  loadStart: number;
  loadEnd?: number;
  /** Cores that other processes kept busy on average while the benchmark ran (Linux only; absent elsewhere). */
  otherCores?: number;
}

/** The CPU model and vector flags as /proc/cpuinfo names them, the usable cores and the Node version. */
export function describeMachine(): Machine {
  const cpuinfo = readCpuinfo();
  return {
    cpu: (cpuinfo && cpuModel(cpuinfo)) || 'unknown CPU',
    ...(cpuinfo !== undefined && { vectorFlags: vectorFlags(cpuinfo) }),
    cores: availableParallelism(),
    node: process.version,
    loadStart: loadavg()[0]!,
  };
}

/**
 * The flags that set native matMul's arithmetic width: 256-bit AVX2, fused multiply-add, 512-bit AVX-512. WebAssembly
 * SIMD has none of them (128-bit lanes, multiply and add apart), whatever the CPU.
 */
export const VECTOR_FLAGS = ['avx2', 'fma', 'avx512f'] as const;

/** Those of VECTOR_FLAGS that the first processor of a /proc/cpuinfo text lists, in VECTOR_FLAGS's order. */
export function vectorFlags(cpuinfo: string): string[] {
  const flags = new Set(/^flags\s*:(.*)$/m.exec(cpuinfo)?.[1]?.trim().split(/\s+/));
  return VECTOR_FLAGS.filter((f) => flags.has(f));
}

/** " (avx2, fma, avx512f)" to follow the CPU's name, " (none of …)" when it has none of them, "" when the platform does not tell. */
export function describeVectorFlags(machine: Machine): string {
  if (machine.vectorFlags === undefined) return '';
  return machine.vectorFlags.length > 0 ? ` (${machine.vectorFlags.join(', ')})` : ` (none of ${VECTOR_FLAGS.join(', ')})`;
}

/** The 1-minute load average now. */
export function loadNow(): number {
  return loadavg()[0]!;
}

/** CPU time the whole machine and this process (with its finished children) had used, in clock ticks, at a moment. */
export interface CpuSnapshot {
  machineTicks: number;
  ownTicks: number;
  wallMs: number;
}

/** Linux's clock ticks per second (USER_HZ), in which /proc reports CPU time. */
const TICKS_PER_SECOND = 100;

/** The machine's busy ticks (/proc/stat) and this process's own and its waited-for children's (/proc/self/stat); undefined off Linux. */
export function cpuSnapshot(): CpuSnapshot | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const machineTicks = cpu.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
    const self = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime/stime/cutime/cstime are fields 14-17.
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    const ownTicks = fields[11]! + fields[12]! + fields[13]! + fields[14]!;
    return Number.isFinite(machineTicks) && Number.isFinite(ownTicks) ? { machineTicks, ownTicks, wallMs: performance.now() } : undefined;
  } catch {
    return undefined;
  }
}

/** Cores other processes kept busy on average between two snapshots: machine CPU time minus ours, over wall time. */
export function otherCores(start: CpuSnapshot, end: CpuSnapshot): number {
  const otherTicks = end.machineTicks - start.machineTicks - (end.ownTicks - start.ownTicks);
  return Math.max(0, otherTicks / TICKS_PER_SECOND / ((end.wallMs - start.wallMs) / 1000));
}

/** How busy other processes kept the machine since `start`, when the platform tells: { otherCores } or nothing. */
export function othersSince(start: CpuSnapshot | undefined): { otherCores?: number } {
  const end = cpuSnapshot();
  return start && end ? { otherCores: otherCores(start, end) } : {};
}

/** Runs `measure` and returns what it measured with how busy other processes kept the machine meanwhile, when the platform tells. */
export function withOtherCores<T extends object>(measure: () => T): T & { otherCores?: number } {
  const start = cpuSnapshot();
  const measured = measure();
  return { ...measured, ...othersSince(start) };
}

function readCpuinfo(): string | undefined {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return undefined;
  }
}

function cpuModel(cpuinfo: string): string | undefined {
  return /^model name\s*:(.*)$/m.exec(cpuinfo)?.[1]?.trim();
}
