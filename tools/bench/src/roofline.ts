import { setTimeout as sleep } from 'node:timers/promises';
import { initWasmBackend, tf } from '@churnlab/tensor';
import { matMulFlops } from './flops.js';
import { median } from './step-rate.js';

/** The WebAssembly roofline: GFLOP/s of one large matMul without transposes. */
export interface Roofline {
  size: number;
  repeats: number;
  medianMs: number;
  gflops: number;
  /** Rounds it was timed in, alternating with the roofline on several threads; this is the median round (set by the caller). */
  rounds?: number;
  /** Cores other processes kept busy on average meanwhile (set by the caller, when the platform tells). */
  otherCores?: number;
}

/**
 * Times size×size · size×size on this thread's WASM SIMD backend: two warm-up products, then the median of `repeats`,
 * started at `startAtMs` (Date.now() clock) when given, so that several processes can time theirs together.
 */
export async function wasmRoofline(size: number, repeats: number, startAtMs?: number): Promise<Roofline> {
  await initWasmBackend();
  const a = tf.randomUniform([size, size], -1, 1, 'float32', 1) as tf.Tensor2D;
  const b = tf.randomUniform([size, size], -1, 1, 'float32', 2) as tf.Tensor2D;
  const once = (): number => {
    const start = performance.now();
    const c = tf.matMul(a, b);
    c.dataSync();
    const ms = performance.now() - start;
    c.dispose();
    return ms;
  };
  once();
  once();
  if (startAtMs !== undefined) await sleep(Math.max(0, startAtMs - Date.now()));
  const medianMs = median(Array.from({ length: repeats }, once));
  a.dispose();
  b.dispose();
  return { size, repeats, medianMs, gflops: matMulFlops(size, size, size) / (medianMs * 1e6) };
}
