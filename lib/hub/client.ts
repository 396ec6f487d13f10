// The one HTTP client for the Hugging Face Hub API: paces requests by the RateLimit headers, waits out
// 429s, retries 5xx / network errors / unparseable bodies with jittered exponential backoff, and follows
// 307 renames by hand so the crawler can record the old id.
import { type Clock, systemClock } from '@/lib/hub/clock.ts';
import { HubAuthError, HubHttpError, HubMalformedResponseError, HubNotFoundError } from '@/lib/hub/errors.ts';
import { nextLink } from '@/lib/hub/link.ts';
import {
  type BudgetState,
  type PacerOptions,
  parseRateLimit,
  parseRetryAfter,
  RequestPacer,
} from '@/lib/hub/rate-limit.ts';

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

export interface HubClientOptions extends PacerOptions {
  /** Base URL of the Hub (HF_ENDPOINT); default https://huggingface.co. */
  endpoint?: string;
  /** Access token (HF_TOKEN), sent as `Authorization: Bearer`. */
  token?: string;
  clock?: Clock;
  /** Aborts waits and requests (Ctrl-C, tests that kill a crawl). */
  signal?: AbortSignal;
  /** Attempts for one request on 5xx, network errors and malformed bodies (default 5). */
  maxAttempts?: number;
  /** 429 answers tolerated for one request before giving up (default 10). */
  maxRateLimitWaits?: number;
  /** First backoff delay in ms (default 1000), doubled per attempt up to `maxBackoffMs` (default 60 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Per-request timeout in ms (default 30 s); a timeout counts as a network error. */
  timeoutMs?: number;
  /** Jitter source in [0, 1) (tests make it deterministic). */
  random?: () => number;
  fetch?: typeof fetch;
}

export interface HubResponse {
  /** The URL that finally answered (after redirects). */
  url: string;
  body: unknown;
  /** Absolute URL of the next page (Link rel="next"), or null. */
  next: string | null;
  /** URLs that answered 307, in order. */
  redirectedFrom: string[];
}

export interface HubClientStats {
  requests: number;
  retries: number;
  rateLimited: number;
  waitedMs: number;
  budget: BudgetState;
}

const MAX_REDIRECTS = 5;

function isRetryableStatus(status: number): boolean {
  return status === 408 || status >= 500;
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return response.headers.get('x-error-message') ?? (text.slice(0, 200) || response.statusText);
}

export class HubClient {
  readonly endpoint: string;
  private readonly clock: Clock;
  private readonly pacer: RequestPacer;
  private readonly fetchImpl: typeof fetch;
  private readonly counters = { requests: 0, retries: 0, rateLimited: 0, waitedMs: 0 };

  constructor(private readonly options: HubClientOptions = {}) {
    this.endpoint = (options.endpoint ?? DEFAULT_HF_ENDPOINT).replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.pacer = new RequestPacer(options);
    this.fetchImpl = options.fetch ?? fetch;
  }

  get stats(): HubClientStats {
    return { ...this.counters, budget: this.pacer.budget };
  }

  /** Absolute URL for an API path (`/api/models?…`) or an absolute URL (a Link next page). */
  resolve(pathOrUrl: string): string {
    return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.endpoint}${pathOrUrl}`;
  }

  private async wait(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.counters.waitedMs += ms;
    await this.clock.sleep(ms, this.options.signal);
  }

  private backoff(attempt: number): number {
    const base = this.options.backoffMs ?? 1000;
    const capped = Math.min(this.options.maxBackoffMs ?? 60_000, base * 2 ** attempt);
    // "Equal jitter": at least half the delay, so retries of many clients do not line up.
    return Math.round(capped * (0.5 + 0.5 * (this.options.random ?? Math.random)()));
  }

  private async send(url: string): Promise<Response> {
    await this.wait(this.pacer.delayBefore(this.clock.now()));
    this.options.signal?.throwIfAborted();
    this.pacer.sent(this.clock.now());
    this.counters.requests += 1;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    const response = await this.fetchImpl(url, { headers, redirect: 'manual', signal });
    this.pacer.observe(parseRateLimit(response.headers), this.clock.now());
    return response;
  }

  /** GET a JSON document, with pacing, retries and redirects. */
  async getJson(pathOrUrl: string): Promise<HubResponse> {
    let url = this.resolve(pathOrUrl);
    const redirectedFrom: string[] = [];
    let attempt = 0;
    let rateLimitWaits = 0;
    for (;;) {
      let response: Response;
      try {
        response = await this.send(url);
      } catch (error) {
        if (this.options.signal?.aborted) throw this.options.signal.reason;
        if (++attempt >= (this.options.maxAttempts ?? 5)) throw error;
        this.counters.retries += 1;
        await this.wait(this.backoff(attempt - 1));
        continue;
      }

      if (
        response.status === 307 ||
        response.status === 308 ||
        response.status === 301 ||
        response.status === 302
      ) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location || redirectedFrom.length >= MAX_REDIRECTS) {
          throw new HubHttpError(response.status, url, 'redirect without a usable Location');
        }
        redirectedFrom.push(url);
        url = new URL(location, url).toString();
        continue;
      }

      if (response.status === 429) {
        await response.body?.cancel();
        this.counters.rateLimited += 1;
        if (++rateLimitWaits > (this.options.maxRateLimitWaits ?? 10)) {
          throw new HubHttpError(429, url, 'still rate-limited after repeated waits');
        }
        const info = parseRateLimit(response.headers);
        const retryAfter = parseRetryAfter(response.headers);
        const seconds =
          info && info.remaining === 0
            ? info.resetSeconds + 1
            : (retryAfter ?? this.backoff(rateLimitWaits) / 1000);
        await this.wait(seconds * 1000);
        continue;
      }

      if (isRetryableStatus(response.status)) {
        const message = await errorMessage(response);
        if (++attempt >= (this.options.maxAttempts ?? 5))
          throw new HubHttpError(response.status, url, message);
        this.counters.retries += 1;
        await this.wait(this.backoff(attempt - 1));
        continue;
      }

      if (response.status === 401 || response.status === 404) {
        const message = await errorMessage(response);
        // Anonymous callers get 401 for missing and private repos alike; with a token, 401 means a bad token.
        if (response.status === 401 && this.options.token) throw new HubAuthError(url, message);
        throw new HubNotFoundError(response.status, url, message);
      }

      if (!response.ok) {
        throw new HubHttpError(
          response.status,
          url,
          await errorMessage(response),
          response.headers.get('x-error-code') ?? undefined,
        );
      }

      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        const reason = /^\s*</.test(text) ? 'HTML instead of JSON' : 'unparseable (truncated?) JSON';
        // Proxies and overloaded edges answer 200 with an error page; that is usually transient.
        if (++attempt >= (this.options.maxAttempts ?? 5)) throw new HubMalformedResponseError(url, reason);
        this.counters.retries += 1;
        await this.wait(this.backoff(attempt - 1));
        continue;
      }
      return { url, body, next: nextLink(response.headers.get('link'), url), redirectedFrom };
    }
  }
}

/** Client options from HF_ENDPOINT and HF_TOKEN. */
export function hubOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<HubClientOptions, 'endpoint' | 'token'> {
  return {
    endpoint: env.HF_ENDPOINT?.trim() || DEFAULT_HF_ENDPOINT,
    token: env.HF_TOKEN?.trim() || undefined,
  };
}
