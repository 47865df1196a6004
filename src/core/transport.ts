/**
 * The retrying `fetch` that sits beneath openapi-fetch. Everything that must hold across attempts
 * lives here: the request body is read once and re-sent intact, the idempotency key is fixed
 * before the first attempt, each attempt has its own timeout (credentials included), credentials are
 * applied per attempt (so a refreshed token is used on replay), redirects are never followed, and
 * every wait can be cut short by the caller's signal. Every error it raises for a write carries the
 * write's idempotency key.
 */
import { ConnectionError, PaymentsSdkError, RedirectError, TimeoutError, UserAbortError } from './errors.js';
import { newIdempotencyKey } from './idempotency.js';
import { type Logger, safeLogger } from './logger.js';
import { redactHeaders, type SecretScrubber } from './redact.js';
import { backoffMs, type BackoffOptions, defaultBackoff, isRetryableResponse, retryAfterMs } from './retry-policy.js';

/** How an API authenticates; applied to every attempt. */
export interface AuthStrategy {
  /**
   * Adds credentials to the headers; returns a handle naming the credentials used. `signal` is the
   * attempt's: it aborts on the call's timeout or the caller's signal, so waiting here is bounded.
   */
  apply(headers: Headers, signal: AbortSignal | undefined): Promise<unknown>;
  /**
   * After a 401 with credentials `used`: returns true when fresh credentials merit one replay. The
   * replay is an attempt of its own, so its `apply` waits for the fresh credentials under its timer.
   */
  refresh?(used: unknown, signal: AbortSignal | undefined): Promise<boolean>;
}

export interface TransportOptions {
  /** The fetch to send with. Default: the global `fetch`, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /** Retries after the first attempt (checked by the client). Default 2. */
  maxRetries?: number | undefined;
  /** Time allowed per attempt, credentials and body included (checked by the client). Default 60000 ms. */
  timeoutMs?: number | undefined;
  backoff?: BackoffOptions | undefined;
  /** Sent as `User-Agent` unless the request sets one; undefined where it cannot be set. */
  userAgent?: string | undefined;
  logger?: Logger | undefined;
  auth?: AuthStrategy | undefined;
  scrubber: SecretScrubber;
  /** Writes sent without this header get a fresh UUID v4 key (covers the raw client). */
  idempotency?: { header: string; methods: readonly string[] } | undefined;
  /** Test seams: how to wait and where jitter comes from. */
  sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
}

/** Per-call overrides of the client defaults. */
export interface AttemptOptions {
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Return a successful response as it came, its already-read body kept for `takeBody`, rather
   * than re-wrapped in a new Response (the SDK's own calls parse the body themselves).
   */
  keepBody?: boolean | undefined;
}

/** Bodies read by the transport for `keepBody` calls, until the caller takes them. */
const keptBodies = new WeakMap<Response, string>();

/** The body the transport read for a `keepBody` response (empty when there was none). */
export function takeBody(response: Response): string {
  const body = keptBodies.get(response) ?? '';
  keptBodies.delete(response);
  return body;
}

export type Transport = (request: Request, call?: AttemptOptions) => Promise<Response>;

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const nullBodyStatus = new Set([101, 204, 205, 304]);

/**
 * A response whose body is already in memory, so a stalled body counts against the timeout. The
 * original headers are kept as they are: `content-length` may describe the encoded body, and
 * openapi-fetch reads it only to spot an empty one, which decoding cannot change.
 */
function bufferedResponse(original: Response, body: string): Response {
  const response = new Response(nullBodyStatus.has(original.status) ? null : body, {
    status: original.status,
    statusText: original.statusText,
    headers: original.headers,
  });
  Object.defineProperty(response, 'url', { value: original.url });
  return response;
}

/**
 * The transport's rule for redirects: never follow one. Any 3xx (or a browser's opaque redirect)
 * ends the call with a `RedirectError`, so credentials, scope headers, the idempotency key and the
 * body are never sent to the `Location`, and a POST never becomes a GET whose body poses as the result.
 */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * A copy of an error raised while getting credentials, carrying this call's idempotency key. The
 * token request is shared by concurrent calls, so its error object is too; each call gets its own.
 */
function withIdempotencyKey(error: PaymentsSdkError, key: string | undefined): PaymentsSdkError {
  if (key === undefined || error.idempotencyKey !== undefined) return error;
  const copy = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as PaymentsSdkError;
  Object.defineProperty(copy, 'idempotencyKey', { value: key, enumerable: true });
  return copy;
}

/** A client's retrying `fetch`: the send path of every SDK call and of the raw client. */
export function createTransport(options: TransportOptions): Transport {
  const backoff = { ...defaultBackoff, ...options.backoff };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const { auth, scrubber, idempotency, userAgent } = options;
  const logger = safeLogger(options.logger);

  return async function send(input, call = {}) {
    const maxRetries = call.maxRetries ?? options.maxRetries ?? 2;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 60_000;
    // The SDK's own calls always say which signal (if any) the caller gave; only the raw client
    // leaves it on the Request, where one is always present.
    const signal = 'signal' in call ? call.signal : input.signal;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const { method, url } = input;
    const body = input.body ? await input.arrayBuffer() : undefined;
    const headers = new Headers(input.headers);
    if (idempotency?.methods.includes(method) && !headers.has(idempotency.header)) {
      headers.set(idempotency.header, newIdempotencyKey());
    }
    const key = idempotency ? (headers.get(idempotency.header) ?? undefined) : undefined;
    if (userAgent && !headers.has('user-agent')) headers.set('user-agent', userAgent);
    const attempts = maxRetries + 1;
    let authReplayed = false;

    for (let attempt = 1; ; attempt++) {
      // One timer covers the whole attempt: waiting for credentials, the response and its body.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      // The caller's signal aborts the attempt through the timeout's controller (cheaper than AbortSignal.any).
      const onAbort = () => timeout.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const started = performance.now();
      let wait: { reason: string; delayMs: number };
      try {
        signal?.throwIfAborted();
        // Credentials are (re)applied on every attempt: a replay after a 401 carries the fresh token.
        const credentials = auth ? await auth.apply(headers, timeout.signal) : undefined;
        logger?.({ type: 'request', method, url, attempt, headers: redactHeaders(headers), idempotencyKey: key });
        const raw = await fetchImpl(url, { method, headers, body, redirect: 'manual', signal: timeout.signal });
        if (isRedirect(raw)) {
          await raw.body?.cancel();
          const location = raw.headers.get('location');
          throw new RedirectError({
            status: raw.status,
            message: `redirect${location ? ` to ${scrubber.scrub(location)}` : ''} not followed`,
            location: location === null ? undefined : scrubber.scrub(location),
            requestId: raw.headers.get('x-request-id') ?? undefined,
            headers: scrubber.scrubHeaders(raw.headers),
            method,
            url: scrubber.scrub(url),
            idempotencyKey: key,
          });
        }
        const text = await raw.text();
        const elapsedMs = Math.round(performance.now() - started);
        logger?.({ type: 'response', method, url, attempt, status: raw.status, elapsedMs, requestId: raw.headers.get('x-request-id') ?? undefined });
        if (call.keepBody && raw.ok) {
          keptBodies.set(raw, text);
          return raw;
        }
        const response = bufferedResponse(raw, text);

        if (response.status === 401 && auth?.refresh && !authReplayed) {
          authReplayed = true;
          if (await auth.refresh(credentials, timeout.signal)) {
            attempt--; // the replay with fresh credentials is not a retry
            continue;
          }
        }
        const verdict = isRetryableResponse(response.status, response.headers);
        if (!verdict.retry || attempt >= attempts) return response;
        const serverDelay = retryAfterMs(response.headers);
        // A server asking for longer than the SDK waits gets its error back now (see BackoffOptions).
        if (serverDelay !== undefined && serverDelay > backoff.maxRetryAfterMs) return response;
        wait = {
          reason: serverDelay === undefined ? verdict.reason : `${verdict.reason}, Retry-After`,
          delayMs: serverDelay ?? backoffMs(attempt, backoff, random),
        };
      } catch (cause) {
        if (signal?.aborted) throw new UserAbortError(signal.reason, key);
        const elapsedMs = Math.round(performance.now() - started);
        // Errors raised by our own layers (a redirect, the token request failing) are final as they are.
        const own = cause instanceof PaymentsSdkError;
        const error = own
          ? withIdempotencyKey(cause, key)
          : timeout.signal.aborted
            ? new TimeoutError(timeoutMs, attempt, attempts, key)
            : new ConnectionError(scrubber.scrub(`connection failed: ${describe(cause)} (${method} ${url})`), { cause, idempotencyKey: key });
        logger?.({ type: 'error', method, url, attempt, elapsedMs, error: scrubber.scrub(describe(error)) });
        if (own || attempt >= attempts) throw error;
        wait = { reason: error.name, delayMs: backoffMs(attempt, backoff, random) };
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      logger?.({ type: 'retry', method, url, attempt, reason: wait.reason, delayMs: wait.delayMs });
      try {
        await sleep(wait.delayMs, signal);
      } catch (reason) {
        throw new UserAbortError(signal?.reason ?? reason, key);
      }
    }
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
