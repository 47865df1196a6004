/**
 * JustiFi's OAuth client-credentials flow. The token is fetched lazily, cached until 24 h minus a
 * safety margin, and shared: concurrent callers wait on one in-flight token request. On a 401 the
 * transport asks for a refresh; the token that failed is dropped (only if no one has replaced it
 * yet, so fifty concurrent 401s still cause one refresh) and the request is replayed once.
 */
import { createApiError } from '../core/errors.js';
import { readJsonObject, unreadableResponse } from '../core/json-body.js';
import type { Logger } from '../core/logger.js';
import type { Secret, SecretScrubber } from '../core/redact.js';
import type { AuthStrategy, Transport } from '../core/transport.js';
import { parseJustifiError } from './errors.js';

/** Documented token lifetime. */
const tokenLifetimeMs = 24 * 60 * 60 * 1000;
/** Refresh this long before expiry, so a token never expires mid-request. */
const safetyMarginMs = 5 * 60 * 1000;

export interface TokenAuthOptions {
  clientId: string;
  clientSecret: Secret;
  tokenUrl: string;
  /** A transport without auth, used for the token request itself. */
  transport: Transport;
  scrubber: SecretScrubber;
  logger?: Logger | undefined;
  now?: () => number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

export function createTokenAuth(options: TokenAuthOptions): AuthStrategy {
  const now = options.now ?? Date.now;
  let cached: CachedToken | undefined;
  let inflight: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    options.logger?.({ type: 'token', action: 'fetch' });
    const response = await options.transport(
      new Request(options.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ client_id: options.clientId, client_secret: options.clientSecret.reveal() }),
      }),
    );
    const text = await response.text();
    const context = { response, method: 'POST', idempotencyKey: undefined, scrubber: options.scrubber };
    if (!response.ok) {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // A non-JSON error body still produces the right error class below.
      }
      const parsed = parseJustifiError(body);
      throw createApiError({
        status: response.status,
        code: parsed.code,
        message: options.scrubber.scrub(parsed.message ?? 'could not obtain an access token'),
        declineCode: parsed.declineCode,
        body: options.scrubber.scrubValue(body),
        headers: options.scrubber.scrubHeaders(response.headers),
        method: 'POST',
        url: options.scrubber.scrub(options.tokenUrl),
      });
    }
    // A 2xx that is not a JSON object with a non-empty access_token is unreadable, whatever it holds.
    const body = readJsonObject(text, context);
    const token = body.access_token;
    if (typeof token !== 'string' || token.length === 0) throw unreadableResponse(text, 'has no access_token', context);
    options.scrubber.add(token);
    const expiresIn = body.expires_in;
    const lifetime = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : tokenLifetimeMs;
    cached = { value: token, expiresAt: now() + lifetime - Math.min(safetyMarginMs, lifetime / 10) };
    return token;
  }

  function currentToken(): Promise<string> {
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached.value);
    inflight ??= requestToken().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  /**
   * Waits for the shared token without letting one caller's abort cancel it for everyone. `signal`
   * is the attempt's, so a call's own timeout and signal bound the wait, not the token request's.
   */
  function tokenFor(signal: AbortSignal | undefined): Promise<string> {
    const shared = currentToken();
    if (!signal) return shared;
    signal.throwIfAborted();
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  return {
    async apply(headers, signal) {
      // A cached token needs no wait, so the hot path adds no abort listener.
      const token = cached && now() < cached.expiresAt ? cached.value : await tokenFor(signal);
      headers.set('Authorization', `Bearer ${token}`);
      return token;
    },
    // Only drops the token: the replay's own attempt fetches the fresh one, under its own timeout.
    async refresh(used) {
      if (cached?.value === used) {
        options.logger?.({ type: 'token', action: 'drop', reason: '401 Unauthorized' });
        cached = undefined;
      }
      return true;
    },
  };
}
