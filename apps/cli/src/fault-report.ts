/** Worker faults go to stderr as they are recovered from, so a user sees what the run survived. */
export function reportFault(message: string): void {
  process.stderr.write(`\nchurnlab: worker fault: ${message}\n`);
}
