import cliProgress from 'cli-progress';

// cli-progress is CommonJS: its named exports exist at run time only on the default export.
const { SingleBar } = cliProgress;
const formatTime = cliProgress.Format.TimeFormat;

/** A progress bar with an ETA on stderr that appears only once the work has taken more than a second. */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly unit = 'steps',
  ) {}

  /** Reports `done` of `total` units, with an optional note on the work under way. */
  update(done: number, total: number, detail = ''): void {
    if (!this.bar) {
      if (Date.now() - this.started < 1000) return;
      this.bar = new SingleBar({
        format: `${this.label} [{bar}] {percentage}% | {value}/{total} ${this.unit} | ETA {eta_formatted}{detail}`,
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 5000,
        etaBuffer: 50,
        hideCursor: false,
        // Before the first estimate cli-progress would print "NFs"; a dash says the same plainly.
        formatTime: (seconds, options, roundTo) => (Number.isFinite(seconds) ? formatTime(seconds, options, roundTo) : '–'),
      });
      this.bar.start(total, done, { detail: '' });
    }
    this.bar.setTotal(total);
    this.bar.update(done, { detail: detail && ` | ${detail}` });
  }

  /** Ends the bar, leaving its last line. */
  stop(): void {
    this.bar?.stop();
  }
}
