/**
 * One error hierarchy for both APIs, keyed by HTTP status the way openai-node and stripe-node do it,
 * so callers can `catch (e) { if (e instanceof RateLimitError) … }` whichever API they call.
 *
 * Secrets never reach an error: messages are scrubbed by the transport before an error is built,
 * and errors carry the parsed response body and headers, never the request's headers or body.
 */
import { brandRoot, isBrandedInstance } from './brand.js';

/** Base class of everything this SDK throws on purpose. */
export class PaymentsSdkError extends Error {
  override name = 'PaymentsSdkError';

  static {
    brandRoot(this);
  }

  /** `instanceof` also holds for errors from another copy of the SDK (the CJS build, a second install): see brand.ts. */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    return isBrandedInstance(this, value);
  }
}

/** What the SDK refuses before any network call: the offending field and the rule it breaks. */
export class RequestValidationError extends PaymentsSdkError {
  override name = 'RequestValidationError';
  constructor(
    /** The field, header or option that is wrong, e.g. `x-idempotency-key`. */
    readonly field: string,
    /** The rule it breaks, e.g. `at least 10 characters`. */
    readonly rule: string,
    message = `${field}: ${rule}`,
  ) {
    super(message);
  }
}

/** Fields the transport extracts from an error response. */
export interface ApiErrorDetails<Code extends string = string> {
  status: number;
  /** The API's own error code, e.g. `card_declined`, when the body has one. */
  code?: Code | undefined;
  message?: string | undefined;
  /** Why a card was declined (JustiFi `decline_code`). */
  declineCode?: string | undefined;
  requestId?: string | undefined;
  idempotencyKey?: string | undefined;
  /** The parsed JSON body, or the raw text when the body was not JSON. */
  body?: unknown;
  headers?: Headers | undefined;
  method?: string | undefined;
  url?: string | undefined;
}

/** An HTTP response with a non-2xx status. */
export class ApiError<Code extends string = string> extends PaymentsSdkError {
  override name = 'ApiError';
  readonly status: number;
  readonly code: Code | undefined;
  readonly declineCode: string | undefined;
  readonly requestId: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly body: unknown;
  readonly headers: Headers | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(details: ApiErrorDetails<Code>) {
    const what = [details.method, details.url].filter(Boolean).join(' ');
    const code = details.code ? ` ${details.code}` : '';
    super(`${details.status}${code}: ${details.message ?? 'request failed'}${what ? ` (${what})` : ''}`);
    this.status = details.status;
    this.code = details.code;
    this.declineCode = details.declineCode;
    this.requestId = details.requestId;
    this.idempotencyKey = details.idempotencyKey;
    this.body = details.body;
    this.headers = details.headers;
    this.method = details.method;
    this.url = details.url;
  }

  toJSON(): Record<string, unknown> {
    const { name, status, code, declineCode, requestId, idempotencyKey, body, method, url, message } = this;
    return { name, message, status, code, declineCode, requestId, idempotencyKey, method, url, body };
  }
}

export class BadRequestError<C extends string = string> extends ApiError<C> { override name = 'BadRequestError'; }
export class AuthenticationError<C extends string = string> extends ApiError<C> { override name = 'AuthenticationError'; }
export class PaymentRequiredError<C extends string = string> extends ApiError<C> { override name = 'PaymentRequiredError'; }
export class PermissionDeniedError<C extends string = string> extends ApiError<C> { override name = 'PermissionDeniedError'; }
export class NotFoundError<C extends string = string> extends ApiError<C> { override name = 'NotFoundError'; }
export class ConflictError<C extends string = string> extends ApiError<C> { override name = 'ConflictError'; }
export class UnprocessableEntityError<C extends string = string> extends ApiError<C> { override name = 'UnprocessableEntityError'; }
export class RateLimitError<C extends string = string> extends ApiError<C> { override name = 'RateLimitError'; }
export class InternalServerError<C extends string = string> extends ApiError<C> { override name = 'InternalServerError'; }

/** The request never got a response: DNS, refused or reset connection, TLS failure. */
export class ConnectionError extends PaymentsSdkError {
  override name = 'ConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  constructor(
    readonly timeoutMs: number,
    /** 1-based number of the attempt that timed out. */
    readonly attempt: number,
    readonly attempts: number,
  ) {
    super(`request timed out after ${timeoutMs} ms (attempt ${attempt} of ${attempts})`);
  }
}

const byStatus: Record<number, new (d: ApiErrorDetails) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class for a status: 5xx → InternalServerError, unlisted 4xx → ApiError. */
export function createApiError<Code extends string>(details: ApiErrorDetails<Code>): ApiError<Code> {
  const ErrorClass = details.status >= 500 ? InternalServerError : (byStatus[details.status] ?? ApiError);
  return new ErrorClass(details as ApiErrorDetails) as ApiError<Code>;
}
