/**
 * Runs one operation through openapi-fetch and the retrying transport, and turns the outcome into
 * an `ApiPromise` (resource or typed error) or a `PagePromise`. This is the only place where
 * request options meet the wire: scope headers, the idempotency key, per-call retry and timeout,
 * each checked (with the path parameters) before anything is sent.
 */
import type { Client } from 'openapi-fetch';
import { ApiPromise, type ApiResult } from './api-promise.js';
import { checkAttemptOptions } from './client-options.js';
import { type ApiErrorDetails, createApiError, RequestValidationError } from './errors.js';
import { assertHeader } from './header-values.js';
import { assertIdempotencyKey, newIdempotencyKey } from './idempotency.js';
import { readJsonObject } from './json-body.js';
import type { OperationInfo } from './operation-table.js';
import { type PageParams, PagePromise, type PagingStyle } from './pagination.js';
import { assertPathParams } from './path-params.js';
import type { SecretScrubber } from './redact.js';
import { takeBody, type Transport } from './transport.js';

/** Options every method takes as its last argument, layered over the client's defaults. */
export interface BaseRequestOptions {
  /**
   * Key for a write (also accepted as the API's idempotency header in `headers`); sent as given,
   * never trimmed or replaced. Default: a fresh UUID v4, reused on every retry of this call.
   */
  idempotencyKey?: string | undefined;
  /** Cancels the call (a `UserAbortError`), including waiting for a token and any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call, an integer 1–2^31-1 ms. Default: the client's `timeoutMs` (60000). */
  timeoutMs?: number | undefined;
  /** Retries for this call, an integer 0–10. Default: the client's `maxRetries` (2). */
  maxRetries?: number | undefined;
  /** Extra headers for this call (values: visible Latin-1 text, no CR/LF/NUL). */
  headers?: Record<string, string> | undefined;
}

export interface CallerConfig<Options extends BaseRequestOptions> {
  // openapi-fetch's client, used untyped here: adapters type each method from generated/.
  raw: Client<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  transport: Transport;
  /** The API's idempotency header; sent where the spec declares it and on every write in `methods`. */
  idempotency: { header: string; methods: readonly string[]; minLength: number };
  /** Headers an API derives from its options (e.g. `Sub-Account`), keyed by header name. */
  scopeHeaders(options: Options): Record<string, string | undefined>;
  /** Where to tell the caller to set a missing required scope header. */
  scopeHint?: Record<string, string>;
  /** Reads the API's error body into code/message/decline code. */
  parseError(body: unknown): Pick<ApiErrorDetails, 'code' | 'message' | 'declineCode'>;
  /** What awaiting a call resolves to, given the parsed body (JustiFi: the envelope's `data`). */
  unwrap(body: unknown): unknown;
  scrubber: SecretScrubber;
}

export interface CallInput {
  path?: Record<string, string | number> | undefined;
  query?: object | undefined;
  body?: unknown;
}

export interface Caller<Options extends BaseRequestOptions> {
  call<T, Body = unknown>(operationId: string, op: OperationInfo, input: CallInput, options?: Options): ApiPromise<T, Body>;
  list<Item, Body>(operationId: string, op: OperationInfo, input: CallInput, options: Options | undefined, style: PagingStyle<Item, Body>, paramsIn?: 'query' | 'body'): PagePromise<Item, Body>;
}

/** The `call` / `list` pair an API's resource namespaces are built on. */
export function createCaller<Options extends BaseRequestOptions>(config: CallerConfig<Options>): Caller<Options> {
  const { raw, transport, idempotency, scrubber } = config;
  const keyHeader = idempotency.header.toLowerCase();

  function headersFor(operationId: string, op: OperationInfo, options: Options): { headers: Record<string, string>; key: string | undefined } {
    const headers: Record<string, string> = {};
    let keyInHeaders: string | undefined;
    if (options.headers !== undefined) {
      if (!isPlainObject(options.headers)) throw new RequestValidationError('headers', 'must be an object of header names to string values');
      for (const [name, value] of Object.entries(options.headers)) {
        assertHeader(name, value, 'headers');
        if (name.toLowerCase() === keyHeader) keyInHeaders = value;
        else headers[name] = value;
      }
    }
    for (const [name, value] of Object.entries(config.scopeHeaders(options))) {
      if (value === undefined) continue;
      assertHeader(name, value, config.scopeHint?.[name]);
      if (name in op.headers) headers[name] = value;
    }
    // A caller's key is used as given, whichever way it came; the SDK adds one wherever the spec
    // declares the header, and on every write by method (a write is never sent twice without one).
    if (options.idempotencyKey !== undefined && keyInHeaders !== undefined && options.idempotencyKey !== keyInHeaders) {
      throw new RequestValidationError(idempotency.header, 'given as idempotencyKey and in headers with different values');
    }
    let key = options.idempotencyKey ?? keyInHeaders;
    if (key !== undefined) assertIdempotencyKey(idempotency.header, key, idempotency.minLength);
    else if (idempotency.header in op.headers || idempotency.methods.includes(op.method)) key = newIdempotencyKey();
    if (key !== undefined) headers[idempotency.header] = key;
    const present = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
    for (const [name, rule] of Object.entries(op.headers)) {
      if (rule === 'required' && !present.has(name.toLowerCase())) {
        const hint = config.scopeHint?.[name] ?? `headers: { '${name}': … }`;
        throw new RequestValidationError(name, `required by ${operationId}`, `${name} header is required by ${operationId}: set ${hint}`);
      }
    }
    return { headers, key };
  }

  async function send<T, Body>(operationId: string, op: OperationInfo, input: CallInput, options: Options): Promise<ApiResult<T, Body>> {
    checkCallOptions(options);
    assertPathParams(op, input.path);
    if (input.query !== undefined && !isPlainObject(input.query)) throw new RequestValidationError('query', 'must be an object of query parameters');
    const { headers, key } = headersFor(operationId, op, options);
    // The transport has read the body already (inside the attempt's timeout); openapi-fetch is told
    // not to read it again ('stream'), and a successful body is taken from the transport below.
    const attempt = { maxRetries: options.maxRetries, timeoutMs: options.timeoutMs, signal: options.signal, keepBody: true };
    const { error, response } = await raw.request(op.method.toLowerCase() as 'get', op.path, {
      params: { path: input.path, query: input.query, header: headers },
      body: input.body,
      parseAs: 'stream',
      signal: options.signal,
      fetch: (request: Request) => transport(request, attempt),
    } as never);
    if (!response.ok) {
      const parsed = config.parseError(error);
      throw createApiError({
        status: response.status,
        code: parsed.code,
        message: scrubber.scrub(parsed.message ?? (response.statusText || 'request failed')),
        declineCode: parsed.declineCode,
        requestId: response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined,
        idempotencyKey: key,
        body: scrubber.scrubValue(error),
        headers: scrubber.scrubHeaders(response.headers),
        method: op.method,
        url: response.url ? scrubber.scrub(response.url) : undefined,
      });
    }
    const text = takeBody(response);
    const data: unknown = op.parseAs === 'text' ? text : readJsonObject(text, { response, method: op.method, idempotencyKey: key, scrubber });
    return { data: config.unwrap(data) as T, body: data as Body, response, idempotencyKey: key };
  }

  return {
    call(operationId, op, input, options = {} as Options) {
      return new ApiPromise(send(operationId, op, input, options));
    },
    list(operationId, op, input, options = {} as Options, style, paramsIn = 'query') {
      const base = paramsIn === 'query' ? input.query : input.body;
      // Page params are merged into these, so anything but a plain object would be mangled.
      const invalid = base !== undefined && !isPlainObject(base) ? new RequestValidationError(paramsIn, 'must be an object of list parameters') : undefined;
      const load = (params: PageParams) => {
        if (invalid) return Promise.reject(invalid);
        return send<unknown, never>(operationId, op, paramsIn === 'query' ? { ...input, query: params } : { ...input, body: params }, options);
      };
      return new PagePromise(load, invalid ? {} : stripUndefined((base ?? {}) as PageParams), style);
    },
  };
}

/** Per-call options: an object, retry and timeout overrides in range, a real signal. */
function checkCallOptions(options: BaseRequestOptions): void {
  if (!options || typeof options !== 'object') throw new RequestValidationError('options', 'must be an object of request options');
  checkAttemptOptions(options);
  const { signal } = options;
  if (signal !== undefined && (typeof signal?.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')) {
    throw new RequestValidationError('signal', 'must be an AbortSignal');
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripUndefined(params: PageParams): PageParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}
