import { matMulFlops } from './flops.js';
import type { Roofline } from './roofline.js';
import { median } from './step-rate.js';
import { runTorch } from './torch-process.js';

/**
 * PyTorch's roofline: GFLOP/s of the WASM roofline's matMul in float32 with torch.mm (OpenBLAS on Debian), the
 * machine limit PyTorch's training runs are measured against, as the WASM roofline is churnlab's.
 */
export interface NativeRoofline extends Roofline {
  threads: number;
  /** The size of the fastest of the sizes tried and its GFLOP/s: the limit when the WASM roofline's size is not it. */
  peak: { size: number; gflops: number };
  /** OpenBLAS's kernel for this CPU (e.g. "Cooperlake", an AVX-512 one), when PyTorch runs on OpenBLAS. */
  blasCore?: string;
}

// Kept inline rather than as a script file so that the whole measurement lives in this one file.
const program = `
import ctypes, json, sys, time
import torch

def blas_core():
    # torch.set_num_threads and torch.__config__ say nothing of OpenBLAS; its own API names the kernel it picked.
    try:
        with open("/proc/self/maps") as maps:
            path = next(line.split()[-1] for line in maps if "libopenblas" in line)
        lib = ctypes.CDLL(path)
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return lib.openblas_get_corename().decode()
    except Exception:
        return None

job = json.loads(sys.argv[1])
torch.set_num_threads(job["threads"])
torch.manual_seed(1)
ms_by_size = {}
for n in job["sizes"]:
    a = torch.rand(n, n, dtype=torch.float32) * 2 - 1
    b = torch.rand(n, n, dtype=torch.float32) * 2 - 1
    ms = []
    for _ in range(job["warmups"] + job["repeats"]):
        start = time.perf_counter()
        torch.mm(a, b)
        ms.append((time.perf_counter() - start) * 1000)
    ms_by_size[str(n)] = ms[job["warmups"]:]
print(json.dumps({"msBySize": ms_by_size, "blasCore": blas_core()}))
`;

/** What the program prints: the timed products' milliseconds per size. */
interface NativeTimes {
  msBySize: Record<string, number[]>;
  blasCore: string | null;
}

/** The sizes tried for the peak: the WASM roofline's and its neighbours, since BLAS blocking favours some sizes. */
function sizesAround(size: number): number[] {
  return [size / 4, size / 2, size, size * 2].filter((n) => Number.isInteger(n) && n >= 64);
}

/**
 * Times size×size · size×size (and its neighbours, for the peak) with torch.mm on `threads` threads, through the same
 * interpreter and thread settings as the PyTorch training runs: two warm-up products, then the median of `repeats`.
 */
export function nativeRoofline(threads: number, size: number, repeats: number): NativeRoofline {
  const job = { threads, sizes: sizesAround(size), warmups: 2, repeats };
  const times = runTorch<NativeTimes>(['-c', program, JSON.stringify(job)], threads);
  const bySize = Object.entries(times.msBySize).map(([n, ms]) => {
    const medianMs = median(ms);
    return { size: Number(n), medianMs, gflops: matMulFlops(Number(n), Number(n), Number(n)) / (medianMs * 1e6) };
  });
  const atSize = bySize.find((r) => r.size === size)!;
  const fastest = bySize.reduce((best, r) => (r.gflops > best.gflops ? r : best));
  return {
    threads,
    ...atSize,
    repeats,
    peak: { size: fastest.size, gflops: fastest.gflops },
    ...(times.blasCore !== null && { blasCore: times.blasCore }),
  };
}
