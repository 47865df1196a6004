/**
 * The generic idempotency store. A key is remembered per scope with the fingerprint of the request
 * that first used it (method, path and the body with its keys sorted, so `{"a":1,"b":2}` and
 * `{"b":2,"a":1}` are the same request) and, once answered, the status and the body text as sent.
 * Each API's IdempotencyPolicy says which answers are kept and for how long (by the sandbox clock).
 */
import type { SandboxClock } from './types.js';

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What was sent the first time, exactly: replays send the same status, headers and bytes. */
export interface StoredResponse {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  text: string | undefined;
}

export type Claim =
  | { kind: 'first'; finish(response: StoredResponse | undefined): void }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'params-mismatch' }
  | { kind: 'in-flight' };

interface Entry {
  fingerprint: string;
  startedAt: number;
  response: StoredResponse | undefined;
  inFlight: boolean;
}

export interface IdempotencyStore {
  /**
   * Claims `key` in `scope` for a request with `fingerprint`. `first` means run it, then call
   * `finish` with the response to keep (or undefined to forget the key, e.g. after a 5XX).
   */
  claim(scope: string, key: string, fingerprint: string, windowMs: number): Claim;
  /** Number of keys held (for the heap bench). */
  readonly size: number;
}

export function createIdempotencyStore(clock: SandboxClock): IdempotencyStore {
  const entries = new Map<string, Entry>();
  let claims = 0;

  // Expired keys are dropped every so often, so a long run does not keep every key forever.
  function sweep(now: number, windowMs: number) {
    for (const [id, entry] of entries) if (!entry.inFlight && now - entry.startedAt >= windowMs) entries.delete(id);
  }

  return {
    claim(scope, key, fingerprint, windowMs) {
      const now = clock.now();
      if (++claims % 10_000 === 0) sweep(now, windowMs);
      const id = `${scope}\u0000${key}`;
      const existing = entries.get(id);
      if (existing && (existing.inFlight || now - existing.startedAt < windowMs)) {
        if (existing.inFlight) return { kind: 'in-flight' };
        if (existing.fingerprint !== fingerprint) return { kind: 'params-mismatch' };
        return { kind: 'replay', response: existing.response! };
      }
      const entry: Entry = { fingerprint, startedAt: now, response: undefined, inFlight: true };
      entries.set(id, entry);
      return {
        kind: 'first',
        finish(response) {
          if (response === undefined) {
            if (entries.get(id) === entry) entries.delete(id);
            return;
          }
          entry.response = response;
          entry.inFlight = false;
        },
      };
    },
    get size() {
      return entries.size;
    },
  };
}
