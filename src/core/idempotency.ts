/** Idempotency keys: one per logical write, generated once and re-sent on every retry of it. */
import { RequestValidationError } from './errors.js';

/** A random UUID v4 (Web Crypto: present in Node ≥ 20, browsers, Deno, Bun and edge runtimes). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Throws before sending when a caller-supplied key breaks the API's rule. */
export function assertIdempotencyKey(header: string, key: string, minLength: number): void {
  if (typeof key !== 'string' || key.length < minLength) {
    throw new RequestValidationError(
      header,
      `must be a string of at least ${minLength} characters`,
      `${header} must be a string of at least ${minLength} characters (got ${typeof key === 'string' ? key.length : typeof key})`,
    );
  }
}
