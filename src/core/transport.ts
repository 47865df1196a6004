/**
 * The retrying `fetch` that sits beneath openapi-fetch. Everything that must hold across attempts
 * lives here: the request body is read once and re-sent intact, the idempotency key is fixed
 * before the first attempt, each attempt has its own timeout, credentials are applied per attempt
 * (so a refreshed token is used on replay), and every wait can be cut short by the caller's signal.
 */
import { ConnectionError, PaymentsSdkError, TimeoutError } from './errors.js';
import { newIdempotencyKey } from './idempotency.js';
import type { Logger } from './logger.js';
import { redactHeaders, type SecretScrubber } from './redact.js';
import { backoffMs, type BackoffOptions, defaultBackoff, isRetryableResponse, retryAfterMs } from './retry-policy.js';

/** How an API authenticates; applied to every attempt. */
export interface AuthStrategy {
  /** Adds credentials to the headers; returns a handle naming the credentials used. */
  apply(headers: Headers, signal: AbortSignal | undefined): Promise<unknown>;
  /** After a 401 with credentials `used`: returns true when fresh credentials merit one replay. */
  refresh?(used: unknown, signal: AbortSignal | undefined): Promise<boolean>;
}

export interface TransportOptions {
  /** The fetch to send with. Default: the global `fetch`, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Time allowed per attempt, body included. Default 60000 ms. */
  timeoutMs?: number | undefined;
  backoff?: BackoffOptions | undefined;
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

export function createTransport(options: TransportOptions): Transport {
  const backoff = { ...defaultBackoff, ...options.backoff };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const { logger, auth, scrubber, idempotency } = options;

  return async function send(input, call = {}) {
    const maxRetries = Math.max(0, call.maxRetries ?? options.maxRetries ?? 2);
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
    const attempts = maxRetries + 1;
    let authReplayed = false;

    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      // Credentials are (re)applied on every attempt: a replay after a 401 carries the fresh token.
      const credentials = auth ? await auth.apply(headers, signal) : undefined;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      // The caller's signal aborts the attempt through the timeout's controller (cheaper than AbortSignal.any).
      const onAbort = () => timeout.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const started = performance.now();
      logger?.({
        type: 'request', method, url, attempt,
        headers: redactHeaders(headers),
        idempotencyKey: idempotency ? (headers.get(idempotency.header) ?? undefined) : undefined,
      });

      let wait: { reason: string; delayMs: number } | undefined;
      try {
        const raw = await fetchImpl(url, { method, headers, body, redirect: input.redirect, signal: timeout.signal });
        const text = await raw.text();
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const elapsedMs = Math.round(performance.now() - started);
        logger?.({ type: 'response', method, url, attempt, status: raw.status, elapsedMs, requestId: raw.headers.get('x-request-id') ?? undefined });
        if (call.keepBody && raw.ok) {
          keptBodies.set(raw, text);
          return raw;
        }
        const response = bufferedResponse(raw, text);

        if (response.status === 401 && auth?.refresh && !authReplayed) {
          authReplayed = true;
          if (await auth.refresh(credentials, signal)) {
            attempt--; // the replay with fresh credentials is not a retry
            continue;
          }
        }
        const verdict = isRetryableResponse(response.status, response.headers);
        if (!verdict.retry || attempt >= attempts) return response;
        const serverDelay = retryAfterMs(response.headers, backoff.maxRetryAfterMs);
        wait = {
          reason: serverDelay === undefined ? verdict.reason : `${verdict.reason}, Retry-After`,
          delayMs: serverDelay ?? backoffMs(attempt, backoff, random),
        };
      } catch (cause) {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) throw signal.reason;
        const elapsedMs = Math.round(performance.now() - started);
        // Errors raised by our own layers (the token request failing, say) are final as they are.
        const own = cause instanceof PaymentsSdkError;
        const error = timeout.signal.aborted
          ? new TimeoutError(timeoutMs, attempt, attempts)
          : own
            ? cause
            : new ConnectionError(scrubber.scrub(`connection failed: ${describe(cause)} (${method} ${url})`), { cause });
        logger?.({ type: 'error', method, url, attempt, elapsedMs, error: scrubber.scrub(describe(error)) });
        if (own || attempt >= attempts) throw error;
        wait = { reason: (error as Error).name, delayMs: backoffMs(attempt, backoff, random) };
      }
      logger?.({ type: 'retry', method, url, attempt, reason: wait.reason, delayMs: wait.delayMs });
      await sleep(wait.delayMs, signal);
    }
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
