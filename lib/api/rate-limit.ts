// Per-client token buckets for the expensive endpoints (on-demand fits, comparisons, images), in memory.
import { ApiError } from '@/lib/api/errors.ts';

/** Requests per minute and client when RATE_LIMIT_PER_MINUTE is unset. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
// Buckets of clients not seen for this long are dropped (a full bucket is the same as no bucket).
const IDLE_MS = 10 * 60_000;
const MAX_CLIENTS = 50_000;

type Bucket = { tokens: number; at: number };

export interface RateLimiterOptions {
  /** Tokens per minute, which is also the burst size; 0 or less disables the limiter. */
  perMinute: number;
  now?: () => number;
}

/** A token bucket per key: `perMinute` tokens, refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one token for `key`: 0 when allowed, else the seconds to wait before the next token. */
  take(key: string): number {
    const { perMinute } = this.options;
    if (!(perMinute > 0)) return 0;
    const now = this.now();
    this.sweep(now);
    const rate = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000 && this.buckets.size < MAX_CLIENTS) return;
    this.lastSweep = now;
    // Map order is least recently used first.
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < IDLE_MS && this.buckets.size < MAX_CLIENTS) break;
      this.buckets.delete(key);
    }
  }
}

/** The limit from RATE_LIMIT_PER_MINUTE (default 120; 0 turns limiting off). */
export function rateLimitFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw) return DEFAULT_RATE_LIMIT_PER_MINUTE;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_RATE_LIMIT_PER_MINUTE;
}

/**
 * The client's address: the first entry of X-Forwarded-For, else X-Real-IP, else "local". Behind a
 * proxy that sets these headers this is the real client; exposed directly, a client can choose its key,
 * so run the app behind a proxy that overwrites them.
 */
type HeaderReader = Pick<Headers, 'get'>;

export function clientKey(headers: HeaderReader): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const real = headers.get('x-real-ip')?.trim();
  return (forwarded || real || 'local').slice(0, 64);
}

const globalLimiters = globalThis as unknown as {
  modelGrowthLimiter?: { limit: number; limiter: RateLimiter };
};

function processLimiter(): RateLimiter {
  const limit = rateLimitFromEnv();
  const current = globalLimiters.modelGrowthLimiter;
  if (current && current.limit === limit) return current.limiter;
  const limiter = new RateLimiter({ perMinute: limit });
  globalLimiters.modelGrowthLimiter = { limit, limiter };
  return limiter;
}

/**
 * Throws rate_limited (429, with Retry-After) when the client has spent its budget of expensive
 * requests. One budget per client shared by every expensive endpoint.
 */
export function enforceRateLimit(source: Request | HeaderReader): void {
  const headers = source instanceof Request ? source.headers : source;
  const wait = processLimiter().take(clientKey(headers));
  if (wait > 0) {
    throw new ApiError(
      'rate_limited',
      `Too many expensive requests from this client; try again in ${wait} s.`,
      { 'Retry-After': String(wait) },
    );
  }
}

/** Forgets every bucket (tests). */
export function resetRateLimits(): void {
  globalLimiters.modelGrowthLimiter = undefined;
}
