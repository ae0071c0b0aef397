/**
 * Slack's rate limiting as the fake enforces it when a spec or benchmark configures it: per method,
 * a sliding window per channel and one per workspace. A call over either gets what Slack sends —
 * HTTP 429, `Retry-After: <seconds>`, `{"ok":false,"error":"ratelimited"}` — and the fake remembers
 * until when the workspace was told to wait, so a call that arrives before then (past `graceMs`,
 * which covers calls already in flight when the 429 went out) is counted as unhonoured; and, per
 * token, until when each caller was told to wait: a call from a token that already had its 429
 * answer and came back before Retry-After ran out is counted in `ignoredBySender` (exact for a
 * caller that sends one call at a time).
 */
export interface RateLimitRule {
  method: string;
  /** At most `limit` accepted calls per channel in any `windowMs`. */
  perChannel?: { limit: number; windowMs: number };
  /** At most `limit` accepted calls to the workspace in any `windowMs`. */
  perWorkspace?: { limit: number; windowMs: number };
}

export interface RateLimitVerdict {
  retryAfterSeconds: number;
}

export class FakeRateLimits {
  rules: RateLimitRule[] = [];
  /** Calls answered 429 so far. */
  limited = 0;
  /** Calls that arrived while a Retry-After the fake sent was still running. */
  unhonoured = 0;
  /** Calls from a token that came back before the Retry-After it was given ran out. */
  ignoredBySender = 0;
  /** For each call counted in ignoredBySender: how early it came (ms before its Retry-After ran out). */
  readonly ignoredEarlyMs: number[] = [];
  /** For each unhonoured call: how long after the 429 it arrived (ms). */
  readonly unhonouredAfterMs: number[] = [];
  /** How late after a 429 a call may still arrive without counting as unhonoured (it was in flight). */
  graceMs = 50;

  private readonly accepted = new Map<string, number[]>();
  /** method → when the workspace may call it again, and when that was said. */
  private readonly waits = new Map<string, { until: number; saidAt: number }>();
  /** method + token → when that caller may call again. */
  private readonly senderWaits = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Decides one call; a call that passes is counted against its windows. */
  check(method: string, channel: string | undefined, token = ''): RateLimitVerdict | undefined {
    const rule = this.rules.find((r) => r.method === method);
    if (!rule) return undefined;
    const now = this.clock();
    const own = this.senderWaits.get(`${method}:${token}`) ?? 0;
    if (now < own) {
      this.ignoredBySender += 1;
      this.ignoredEarlyMs.push(own - now);
    }
    const wait = this.waits.get(method);
    if (wait && now < wait.until && now - wait.saidAt > this.graceMs) {
      this.unhonoured += 1;
      this.unhonouredAfterMs.push(now - wait.saidAt);
    }
    const windows: { key: string; limit: number; windowMs: number }[] = [];
    if (rule.perWorkspace) windows.push({ key: `${method}`, ...rule.perWorkspace });
    if (rule.perChannel && channel) windows.push({ key: `${method}:${channel}`, ...rule.perChannel });
    let freeAt = 0;
    for (const w of windows) {
      const times = (this.accepted.get(w.key) ?? []).filter((t) => t > now - w.windowMs);
      this.accepted.set(w.key, times);
      if (times.length >= w.limit) freeAt = Math.max(freeAt, times[times.length - w.limit] + w.windowMs);
    }
    if (freeAt > now) {
      this.limited += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
      const until = now + retryAfterSeconds * 1000;
      if (!wait || wait.until < until) this.waits.set(method, { until, saidAt: now });
      this.senderWaits.set(`${method}:${token}`, until);
      return { retryAfterSeconds };
    }
    for (const w of windows) this.accepted.get(w.key)?.push(now);
    return undefined;
  }
}
