/** Client options every API shares: how requests are sent, retried, timed out and logged. */
import type { Logger } from './logger.js';
import type { BackoffOptions } from './retry-policy.js';

export interface TransportClientOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Per-attempt timeout. Default 60000 ms. */
  timeoutMs?: number | undefined;
  /** Backoff tuning. Defaults: 500 ms doubling to 8000 ms; `Retry-After` honoured up to 60000 ms. */
  backoff?: BackoffOptions | undefined;
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Receives structured, redacted events: requests, retries, responses. */
  logger?: Logger | undefined;
}
