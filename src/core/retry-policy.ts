/**
 * When to retry and how long to wait. The rules follow what the JustiFi docs ask of clients and
 * what stripe-node does: retry what may succeed later (network faults, timeouts, 409 concurrent
 * idempotent request, 408 and 429 as openai-node does, 5xx), never another 4xx, and let the server
 * overrule the status rule with `Should-Retry`.
 *
 * Total time of one call is bounded. With A = maxRetries + 1 attempts (plus, for JustiFi, one replay
 * after a 401 with a fresh token), each attempt capped at `timeoutMs` (waiting for the token, the
 * response and its body included), and each of the at most `maxRetries` waits capped at
 * max(`maxDelayMs`, `maxRetryAfterMs`):
 *
 *   total ≤ (maxRetries + 2) × timeoutMs + maxRetries × max(maxDelayMs, maxRetryAfterMs)
 *
 * Defaults (2 retries, 60 s, 8 s, 60 s): at most 4 × 60 s + 2 × 60 s = 6 min. The Payments API has no
 * token replay, so its bound has (maxRetries + 1) attempts.
 */

export interface BackoffOptions {
  /** First backoff delay. Default 500 ms. */
  initialDelayMs?: number;
  /** Longest backoff delay. Default 8000 ms. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the SDK waits for. A server asking for longer is not retried at all: the
   * error is raised at once, its `headers` carrying the server's `Retry-After`. Default 60000 ms.
   */
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
  if (status === 408 || status === 409 || status === 429 || status >= 500) return { retry: true, reason: `status ${status}` };
  return { retry: false, reason: `status ${status}` };
}

/**
 * `Retry-After` in milliseconds, from delta-seconds or an HTTP date. Undefined when absent,
 * unreadable, zero, negative or in the past: those fall back to backoff, because an immediate retry
 * of a server that just failed is the retry storm backoff exists to prevent. The caller compares
 * the result with `maxRetryAfterMs`.
 */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  // Only digits are delta-seconds; "-5" or "1e3" must not reach Date.parse, which reads "-5" as a year.
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : /[a-z]/i.test(value) ? Date.parse(value) - now : Number.NaN;
  return ms > 0 ? Math.ceil(ms) : undefined;
}

/**
 * Exponential backoff with jitter: initialDelay × 2^(retry-1), capped at maxDelay, then scaled by
 * a random factor in [0.75, 1] so that many clients failing together do not retry in lockstep.
 */
export function backoffMs(retry: number, options: Required<BackoffOptions>, random: () => number = Math.random): number {
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(base * (0.75 + 0.25 * random()));
}
