/**
 * Runs `work` on every item, up to `lanes` at once, starting them in list order. An item for which `alone` is true waits
 * until nothing else is in flight, and nothing starts beside it. Resolves when every item is done; rejects with the first
 * failure, after which no further item starts (those in flight are left to their callers' clean-up, e.g. closing the pool).
 */
export function inLanes<T>(items: readonly T[], lanes: number, alone: (item: T) => boolean, work: (item: T, index: number) => Promise<void>): Promise<void> {
  if (!Number.isSafeInteger(lanes) || lanes < 1) throw new RangeError(`lanes: ${lanes} is not allowed; expected a whole number ≥ 1`);
  return new Promise((resolve, reject) => {
    let next = 0;
    let inFlight = 0;
    let exclusive = false;
    let failed = false;
    const mayStart = (item: T) => !exclusive && inFlight < lanes && (!alone(item) || inFlight === 0);
    const launch = (): void => {
      while (!failed && next < items.length && mayStart(items[next]!)) start(next++);
      if (!failed && next === items.length && inFlight === 0) resolve();
    };
    const start = (index: number): void => {
      const item = items[index]!;
      const isAlone = alone(item);
      inFlight++;
      exclusive = isAlone;
      // Called inside a then, so that a work function that throws before returning its promise fails like one that rejects.
      Promise.resolve()
        .then(() => work(item, index))
        .then(
          () => {
            inFlight--;
            if (isAlone) exclusive = false;
            launch();
          },
          (error: unknown) => {
            inFlight--;
            if (failed) return;
            failed = true;
            reject(error);
          },
        );
    };
    launch();
  });
}
