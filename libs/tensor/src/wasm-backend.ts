import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { tf } from './tf.js';
import { registerTransposeFreeMatMulGradient } from './matmul-gradient.js';
import { registerSharingIdentity } from './sharing-identity.js';

/** Raised when this thread cannot run on the single-threaded WASM SIMD backend; training would silently crawl on the CPU backend otherwise. */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
}

export interface WasmBackendOptions {
  /** Folder holding tfjs-backend-wasm's .wasm files; defaults to the installed package's dist folder. */
  wasmDir?: string;
}

export interface BackendInfo {
  backend: string;
  simd: boolean;
  threads: number;
  wasmDir: string;
}

/** The installed tfjs-backend-wasm folder that holds the .wasm binaries. */
export function defaultWasmDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
}

/** Puts this thread on the single-threaded tfjs WASM SIMD backend and proves it, or throws BackendUnavailableError. */
export async function initWasmBackend(options: WasmBackendOptions = {}): Promise<BackendInfo> {
  const wasmDir = options.wasmDir ?? process.env['CHURNLAB_WASM_DIR'] ?? defaultWasmDir();
  // The threaded WASM build does not work in Node: one single-threaded backend per worker thread.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths(wasmDir.endsWith(path.sep) ? wasmDir : wasmDir + path.sep);
  let ready = false;
  try {
    ready = await tf.setBackend('wasm');
  } catch (error) {
    throw new BackendUnavailableError(`tfjs WASM backend failed to start from ${wasmDir}: ${String(error)}`);
  }
  // setBackend answers false (it does not throw) when the .wasm file is missing, and tfjs would then compute on whatever
  // other backend it has. Its answer, not getBackend, says what failed: with no other backend loaded, getBackend names
  // the very backend that did not start.
  if (!ready || tf.getBackend() !== 'wasm') {
    throw new BackendUnavailableError(`tfjs WASM backend is not available: it did not start from ${wasmDir}; check that the folder holds tfjs-backend-wasm-simd.wasm`);
  }
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  if (!simd) {
    throw new BackendUnavailableError('tfjs WASM backend started without SIMD; churnlab refuses to train on the slow non-SIMD build');
  }
  registerTransposeFreeMatMulGradient();
  registerSharingIdentity();
  return { backend: 'wasm', simd, threads: 1, wasmDir };
}

/** Puts this thread on tfjs's pure-JavaScript CPU backend; for reference runs and benchmarks only. */
export async function initCpuBackend(): Promise<BackendInfo> {
  // Loaded here, not with tfjs-core: only reference runs and benchmarks use it, and loading registers it.
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  registerTransposeFreeMatMulGradient();
  return { backend: 'cpu', simd: false, threads: 1, wasmDir: '' };
}
