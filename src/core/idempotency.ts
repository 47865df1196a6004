/** Idempotency keys: one per logical write, generated once and re-sent on every retry of it. */
import { RequestValidationError } from './errors.js';
import { assertHeader } from './header-values.js';

/** A random UUID v4 (Web Crypto: present in Node ≥ 20, browsers, Deno, Bun and edge runtimes). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Throws before sending when a caller-supplied key breaks the API's rule. A key padded with
 * whitespace is refused rather than trimmed: `Headers` would trim it silently, and the server would
 * then deduplicate on a different key from the one the caller stored.
 */
export function assertIdempotencyKey(header: string, key: unknown, minLength: number): asserts key is string {
  if (typeof key !== 'string' || key.length < minLength) {
    throw new RequestValidationError(
      header,
      `must be a string of at least ${minLength} characters`,
      `${header} must be a string of at least ${minLength} characters (got ${typeof key === 'string' ? key.length : typeof key})`,
    );
  }
  if (key.trim() !== key) throw new RequestValidationError(header, 'must not start or end with whitespace');
  assertHeader(header, key, 'idempotencyKey');
}
