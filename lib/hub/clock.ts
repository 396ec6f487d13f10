// Every wait of the Hub client and the crawler goes through a Clock, so tests can run hours of rate-limit
// windows in milliseconds by sharing a fake clock with the mock Hub.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock whose sleeps advance virtual time at once (tests; share it with the mock Hub). */
export class FakeClock implements Clock {
  /** Total virtual milliseconds slept. */
  slept = 0;
  constructor(private current = Date.UTC(2026, 0, 15, 12, 0, 0)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const step = Math.max(0, ms);
    this.current += step;
    this.slept += step;
    // Yield to the event loop so a sleeping caller never starves the mock server.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
