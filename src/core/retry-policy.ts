/**
 * When to retry and how long to wait. The rules follow what the JustiFi docs ask of clients and
 * what stripe-node does: retry what may succeed later (network faults, timeouts, 409 concurrent
 * idempotent request, 429, 5xx), never another 4xx, and let the server overrule the status rule
 * with `Should-Retry`.
 */

export interface BackoffOptions {
  /** First backoff delay. Default 500 ms. */
  initialDelayMs?: number;
  /** Longest backoff delay. Default 8000 ms. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is ignored in favour of backoff. Default 60000 ms. */
  maxRetryAfterMs?: number;
}

export const defaultBackoff: Required<BackoffOptions> = {
  initialDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** Whether a response status is worth another attempt, `Should-Retry` taking precedence. */
export function isRetryableResponse(status: number, headers: Headers): { retry: boolean; reason: string } {
  if (status < 400) return { retry: false, reason: `status ${status}` };
  const shouldRetry = headers.get('should-retry')?.trim().toLowerCase();
  if (shouldRetry === 'true') return { retry: true, reason: `status ${status}, Should-Retry: true` };
  if (shouldRetry === 'false') return { retry: false, reason: `status ${status}, Should-Retry: false` };
  if (status === 409 || status === 429 || status >= 500) return { retry: true, reason: `status ${status}` };
  return { retry: false, reason: `status ${status}` };
}

/**
 * `Retry-After` in milliseconds, from delta-seconds or an HTTP date; undefined when absent,
 * unreadable, or longer than `maxRetryAfterMs` (a server asking for minutes is better served by
 * failing fast and letting the caller decide).
 */
export function retryAfterMs(headers: Headers | undefined, maxRetryAfterMs: number, now = Date.now()): number | undefined {
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else {
    const date = Date.parse(value);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  }
  return ms <= maxRetryAfterMs ? ms : undefined;
}

/**
 * Exponential backoff with jitter: initialDelay × 2^(retry-1), capped at maxDelay, then scaled by
 * a random factor in [0.75, 1] so that many clients failing together do not retry in lockstep.
 */
export function backoffMs(retry: number, options: Required<BackoffOptions>, random: () => number = Math.random): number {
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(base * (0.75 + 0.25 * random()));
}
