import type { EntryKey } from './entries.js';
import type { BenchResult } from './results.js';

/** churnlab's GFLOP/s over PyTorch's at equal threads, as the product of two factors. */
export interface GapDecomposition {
  /** churnlab's GFLOP/s over PyTorch's (= arithmeticWidth × efficiency). */
  ratio: number;
  /** WASM roofline over native roofline: what the instruction sets alone allow, whatever the code around the matMuls. */
  arithmeticWidth: number;
  /** churnlab's share of the WASM roofline over PyTorch's share of the native one: what everything but the arithmetic costs. */
  efficiency: number;
}

/** A training throughput and the roofline of the arithmetic it ran on, both in GFLOP/s. */
export interface AgainstRoofline {
  gflops: number;
  rooflineGflops: number;
}

/** Splits churnlab's GFLOP/s over PyTorch's into arithmetic width × efficiency; their product is the ratio. */
export function decomposeGap(churnlab: AgainstRoofline, pytorch: AgainstRoofline): GapDecomposition {
  const churnlabShare = churnlab.gflops / churnlab.rooflineGflops;
  const pytorchShare = pytorch.gflops / pytorch.rooflineGflops;
  return {
    ratio: churnlab.gflops / pytorch.gflops,
    arithmeticWidth: churnlab.rooflineGflops / pytorch.rooflineGflops,
    efficiency: churnlabShare / pytorchShare,
  };
}

/** The churnlab and PyTorch runs compared at equal threads. */
export const equalThreadRuns = [
  { threads: 1, churnlab: 'churnlab1', pytorch: 'torch1', label: '1 worker against PyTorch 1 thread' },
  { threads: 2, churnlab: 'churnlab2Sync', pytorch: 'torch2', label: '2 workers sync against PyTorch 2 threads' },
] as const satisfies ReadonlyArray<{ threads: number; churnlab: EntryKey; pytorch: EntryKey; label: string }>;

/** A WASM roofline at some thread count and where it comes from. */
export interface WasmRooflineAt {
  gflops: number;
  /** "measured" when timed at that thread count, "scaled" when one thread's times the threads. */
  source: 'measured' | 'scaled';
}

/** The WASM roofline of `threads` threads: one thread's, the parallel one when it was measured at that count, else scaled. */
export function wasmRooflineAt(result: BenchResult, threads: number): WasmRooflineAt {
  if (threads === 1) return { gflops: result.roofline.gflops, source: 'measured' };
  const parallel = result.parallelRoofline;
  // Scaling one thread's roofline assumes the cores do not slow each other down, which the parallel run would show.
  return parallel?.threads === threads ? { gflops: parallel.gflops, source: 'measured' } : { gflops: threads * result.roofline.gflops, source: 'scaled' };
}

/** The decomposition of model `modelId`'s churnlab/PyTorch ratio at `threads`, when both runs and the native roofline exist. */
export function pytorchGap(result: BenchResult, modelId: string, threads: number): GapDecomposition | undefined {
  const runs = equalThreadRuns.find((r) => r.threads === threads);
  const entries = result.models.find((m) => m.model.id === modelId)?.entries;
  const [churnlab, pytorch] = [runs && entries?.[runs.churnlab], runs && entries?.[runs.pytorch]];
  const native = result.nativeRooflines?.find((r) => r.threads === threads);
  if (!churnlab || !pytorch || !native) return undefined;
  return decomposeGap({ gflops: churnlab.gflops, rooflineGflops: wasmRooflineAt(result, threads).gflops }, { gflops: pytorch.gflops, rooflineGflops: native.gflops });
}
