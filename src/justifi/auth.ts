/**
 * JustiFi's OAuth client-credentials flow. The token is fetched lazily, cached until 24 h minus a
 * safety margin, and shared: concurrent callers wait on one in-flight token request. On a 401 the
 * transport asks for a refresh; the token that failed is dropped (only if no one has replaced it
 * yet, so fifty concurrent 401s still cause one refresh) and the request is replayed once.
 */
import { createApiError } from '../core/errors.js';
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
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // A non-JSON body still produces the right error class below.
    }
    const token = (body as { access_token?: unknown } | undefined)?.access_token;
    if (!response.ok || typeof token !== 'string' || token.length === 0) {
      const parsed = parseJustifiError(body);
      throw createApiError({
        status: response.ok ? 502 : response.status,
        code: parsed.code,
        message: options.scrubber.scrub(parsed.message ?? (response.ok ? 'token response had no access_token' : 'could not obtain an access token')),
        declineCode: parsed.declineCode,
        body: options.scrubber.scrubValue(body),
        headers: response.headers,
        method: 'POST',
        url: options.tokenUrl,
      });
    }
    options.scrubber.add(token);
    const expiresIn = (body as { expires_in?: unknown }).expires_in;
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

  /** Waits for the shared token without letting one caller's abort cancel it for everyone. */
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
      const token = await tokenFor(signal);
      headers.set('Authorization', `Bearer ${token}`);
      return token;
    },
    async refresh(used, signal) {
      if (cached?.value === used) {
        options.logger?.({ type: 'token', action: 'drop', reason: '401 Unauthorized' });
        cached = undefined;
      }
      await tokenFor(signal);
      return true;
    },
  };
}
