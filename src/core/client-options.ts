/**
 * Client options every API shares (how requests are sent, retried, timed out and logged) and the
 * checks they pass once, when the client is created and again on each call's overrides: a `NaN`
 * timeout or an `Infinity` of retries is refused up front instead of retrying forever.
 */
import { assertServerSide, sdkUserAgent } from './environment.js';
import { RequestValidationError } from './errors.js';
import { type Logger, safeLogger } from './logger.js';
import type { SecretScrubber } from './redact.js';
import type { BackoffOptions } from './retry-policy.js';
import type { TransportOptions } from './transport.js';

export interface TransportClientOptions {
  /** Retries after the first attempt, an integer 0–10. Default 2. */
  maxRetries?: number | undefined;
  /** Per-attempt timeout, an integer 1 ms–2^31-1 ms (waiting for a token included). Default 60000 ms. */
  timeoutMs?: number | undefined;
  /** Backoff tuning. Defaults: 500 ms doubling to 8000 ms; `Retry-After` honoured up to 60000 ms. */
  backoff?: BackoffOptions | undefined;
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Receives structured, redacted events: requests, retries, responses. A logger that throws is ignored. */
  logger?: Logger | undefined;
  /**
   * Allow creating the client in a browser page. Default false: the credential would be readable by
   * anyone who loads the page, so a browser-like environment is refused unless this is `true`.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Largest retry count accepted: beyond it a call could take hours. */
export const maxRetriesLimit = 10;
/** Largest delay `setTimeout` honours; a longer one fires at once. */
const maxTimerMs = 2 ** 31 - 1;

function integerIn(value: unknown, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RequestValidationError(field, `must be an integer from ${min} to ${max}`, `${field} must be an integer from ${min} to ${max} (got ${String(value)})`);
  }
}

/** The retry and timeout options shared by client and call: `maxRetries` 0–10, `timeoutMs` 1–2^31-1. */
export function checkAttemptOptions(options: { maxRetries?: unknown; timeoutMs?: unknown }): void {
  integerIn(options.maxRetries, 'maxRetries', 0, maxRetriesLimit);
  integerIn(options.timeoutMs, 'timeoutMs', 1, maxTimerMs);
}

/** Every shared client option, at client creation. */
export function checkClientOptions(options: TransportClientOptions): void {
  checkAttemptOptions(options);
  const { backoff, fetch, logger } = options;
  if (backoff !== undefined) {
    if (!backoff || typeof backoff !== 'object') throw new RequestValidationError('backoff', 'must be an object');
    integerIn(backoff.initialDelayMs, 'backoff.initialDelayMs', 0, maxTimerMs);
    integerIn(backoff.maxDelayMs, 'backoff.maxDelayMs', 0, maxTimerMs);
    integerIn(backoff.maxRetryAfterMs, 'backoff.maxRetryAfterMs', 0, maxTimerMs);
  }
  if (fetch !== undefined && typeof fetch !== 'function') throw new RequestValidationError('fetch', 'must be a function');
  if (logger !== undefined && typeof logger !== 'function') throw new RequestValidationError('logger', 'must be a function');
}

/**
 * What both clients do first: refuse a browser page (unless allowed), check the shared options,
 * and turn them into transport options (a logger that cannot throw, the `User-Agent` to send).
 */
export function transportOptionsFrom(options: TransportClientOptions, scrubber: SecretScrubber, credential: string): TransportOptions {
  assertServerSide(credential, options.dangerouslyAllowBrowser);
  checkClientOptions(options);
  const { fetch, maxRetries, timeoutMs, backoff } = options;
  return { fetch, maxRetries, timeoutMs, backoff, logger: safeLogger(options.logger), scrubber, userAgent: sdkUserAgent() };
}
