/** This process's peak resident set size so far, in MiB (worker threads share the process, so it counts them too). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
