/**
 * Runs one operation through openapi-fetch and the retrying transport, and turns the outcome into
 * an `ApiPromise` (resource or typed error) or a `PagePromise`. This is the only place where
 * request options meet the wire: scope headers, the idempotency key, per-call retry and timeout.
 */
import type { Client } from 'openapi-fetch';
import { ApiPromise, type ApiResult } from './api-promise.js';
import { type ApiErrorDetails, createApiError, RequestValidationError } from './errors.js';
import { assertIdempotencyKey, newIdempotencyKey } from './idempotency.js';
import type { OperationInfo } from './operation-table.js';
import { type PageParams, PagePromise, type PagingStyle } from './pagination.js';
import type { SecretScrubber } from './redact.js';
import { takeBody, type Transport } from './transport.js';

/** Options every method takes as its last argument, layered over the client's defaults. */
export interface BaseRequestOptions {
  /** Key for a write; default: a fresh UUID v4, reused on every retry of this call. */
  idempotencyKey?: string | undefined;
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call. Default: the client's `timeoutMs` (60000). */
  timeoutMs?: number | undefined;
  /** Retries for this call. Default: the client's `maxRetries` (2). */
  maxRetries?: number | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
}

export interface CallerConfig<Options extends BaseRequestOptions> {
  // openapi-fetch's client, used untyped here: adapters type each method from generated/.
  raw: Client<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  transport: Transport;
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

export function createCaller<Options extends BaseRequestOptions>(config: CallerConfig<Options>): Caller<Options> {
  const { raw, transport, idempotency, scrubber } = config;

  function headersFor(operationId: string, op: OperationInfo, options: Options): { headers: Record<string, string>; key: string | undefined } {
    const headers: Record<string, string> = { ...options.headers };
    for (const [name, value] of Object.entries(config.scopeHeaders(options))) {
      if (value !== undefined && name in op.headers) headers[name] = value;
    }
    let key: string | undefined;
    if (idempotency.methods.includes(op.method)) {
      key = options.idempotencyKey ?? newIdempotencyKey();
      assertIdempotencyKey(idempotency.header, key, idempotency.minLength);
      headers[idempotency.header] = key;
    }
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
        headers: response.headers,
        method: op.method,
        url: response.url || undefined,
      });
    }
    const text = takeBody(response);
    const data: unknown = op.parseAs === 'text' ? text : text ? JSON.parse(text) : undefined;
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripUndefined(params: PageParams): PageParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}
