import { WireError } from './wire-error.js';

/**
 * Logs why messages were dropped, at most `maxLines` lines per window so that a flood of hostile messages cannot
 * flood the log too; the count of the lines held back is logged when the next window opens.
 */
export class DropLog {
  private windowStart = 0;
  private lines = 0;
  private held = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly maxLines = 50,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reports one dropped message: where it came from and why (a WireError's reason, or the error's first 200 characters). */
  dropped(where: string, error: unknown): void {
    const time = this.now();
    if (time - this.windowStart >= this.windowMs) {
      if (this.held > 0) this.log(`dropped ${this.held} more message(s) in the last ${Math.round((time - this.windowStart) / 1000)} s without logging each`);
      this.windowStart = time;
      this.lines = 0;
      this.held = 0;
    }
    if (this.lines >= this.maxLines) {
      this.held++;
      return;
    }
    this.lines++;
    this.log(`dropped a message on ${where}: ${reasonOf(error)}`);
  }
}

/** The reason to log for `error`: bounded, one line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof WireError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 300);
}
