// Client-side pacing from the Hub's IETF RateLimit headers (5-minute fixed windows):
//   RateLimit: "api";r=<remaining>;t=<seconds to reset>
//   RateLimit-Policy: "fixed window";"api";q=<quota>;w=<window seconds>

export interface RateLimitInfo {
  remaining: number;
  resetSeconds: number;
  quota?: number;
  windowSeconds?: number;
}

function param(header: string, key: string): number | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}=(\\d+)`).exec(header);
  return match ? Number(match[1]) : undefined;
}

/** Reads the `api` bucket's RateLimit headers; undefined when absent or unreadable. */
export function parseRateLimit(headers: Headers): RateLimitInfo | undefined {
  const limit = headers.get('ratelimit');
  if (!limit) return undefined;
  const remaining = param(limit, 'r');
  const resetSeconds = param(limit, 't');
  if (remaining === undefined || resetSeconds === undefined) return undefined;
  const policy = headers.get('ratelimit-policy') ?? '';
  return { remaining, resetSeconds, quota: param(policy, 'q'), windowSeconds: param(policy, 'w') };
}

/** Seconds to wait from a numeric Retry-After header, if any. */
export function parseRetryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export interface PacerOptions {
  /** Requests kept in reserve in each window (default: 2% of the quota, at least 1). */
  safetyMargin?: number;
  /** Below this share of the quota left, requests are spread over the rest of the window (default 0.5). */
  spreadBelow?: number;
}

export interface BudgetState {
  remaining: number | null;
  quota: number | null;
  /** Epoch ms when the current window resets. */
  resetAt: number | null;
}

/**
 * Decides how long to wait before the next request. Above `spreadBelow` of the quota it lets requests
 * go at full speed (small crawls finish at once); below, it spreads what is left evenly over the rest
 * of the window, and when only the safety margin is left it waits for the reset (+1 s, as the Hub's
 * own client does).
 */
export class RequestPacer {
  private state: BudgetState = { remaining: null, quota: null, resetAt: null };
  private lastRequestAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: PacerOptions = {}) {}

  get budget(): BudgetState {
    return { ...this.state };
  }

  private margin(): number {
    if (this.options.safetyMargin !== undefined) return this.options.safetyMargin;
    return Math.max(1, Math.ceil((this.state.quota ?? 0) * 0.02));
  }

  /** Milliseconds to wait before sending a request at `now`. */
  delayBefore(now: number): number {
    const { remaining, quota, resetAt } = this.state;
    if (remaining === null || resetAt === null || now >= resetAt) return 0;
    const usable = remaining - this.margin();
    if (usable <= 0) return resetAt - now + 1000;
    const spreadBelow = (quota ?? remaining) * (this.options.spreadBelow ?? 0.5);
    if (remaining > spreadBelow) return 0;
    const interval = (resetAt - now) / usable;
    return Math.max(0, Math.ceil(this.lastRequestAt + interval - now));
  }

  /** Call when a request is sent. */
  sent(now: number): void {
    this.lastRequestAt = now;
    // Once a window is over, the Hub grants a new one; assume the full quota until told otherwise.
    if (this.state.resetAt !== null && now >= this.state.resetAt) {
      this.state = { remaining: this.state.quota, quota: this.state.quota, resetAt: null };
    }
    if (this.state.remaining !== null) this.state.remaining -= 1;
  }

  /** Call with the headers of every response. */
  observe(info: RateLimitInfo | undefined, now: number): void {
    if (!info) return;
    this.state = {
      remaining: info.remaining,
      quota: info.quota ?? this.state.quota,
      resetAt: now + info.resetSeconds * 1000,
    };
  }
}
