const WINDOW_MS = 60_000;

/**
 * At most N events per key per minute, a sliding window in this process (agent turns per person,
 * unauthenticated sign-ins per client). With several instances each enforces it on the traffic it
 * receives.
 */
export class PerMinuteLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => Date,
  ) {}

  /** Count one event for `key`; false when the key already used its allowance this minute. */
  take(key: string): boolean {
    const now = this.now().getTime();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= WINDOW_MS)) this.hits.delete(key);
  }
}
