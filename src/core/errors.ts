/**
 * One error hierarchy for both APIs, keyed by HTTP status the way openai-node and stripe-node do it,
 * so callers can `catch (e) { if (e instanceof RateLimitError) … }` whichever API they call.
 *
 * Secrets never reach an error: messages, bodies, headers and URLs are scrubbed before an error is
 * built, errors carry the response's headers and body, never the request's, and `util.inspect`
 * (`console.log`) prints credential headers as `[REDACTED]` even on an error built by hand.
 */
import { brandRoot, isBrandedInstance } from './brand.js';
import { redactHeaders } from './redact.js';

/** Node's `util.inspect.custom`, by its registered name, so no `node:util` import reaches a browser. */
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
type Inspect = (value: unknown, options: object) => string;

export interface SdkErrorOptions {
  cause?: unknown;
  /** The idempotency key of the write that failed. */
  idempotencyKey?: string | undefined;
}

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

  /**
   * The idempotency key sent with the write this error ended (undefined for reads and for what was
   * refused before sending). Retry the same logical call with it and the API will not repeat it.
   */
  readonly idempotencyKey: string | undefined;

  constructor(message: string, options?: SdkErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.idempotencyKey = options?.idempotencyKey;
  }

  /** `util.inspect` / `console.log`: the stack, then the fields, with credential headers redacted. */
  [inspectSymbol](_depth: number, options: object, inspect?: Inspect): string {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'name') fields[key] = value instanceof Headers ? redactHeaders(value) : value;
    }
    if (this.cause !== undefined) fields.cause = this.cause;
    const stack = this.stack ?? `${this.name}: ${this.message}`;
    return inspect ? `${stack} ${inspect(fields, options)}` : stack;
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
  cause?: unknown;
}

/** An HTTP response the SDK cannot return as a result: a non-2xx status, a redirect, an unreadable body. */
export class ApiError<Code extends string = string> extends PaymentsSdkError {
  override name = 'ApiError';
  readonly status: number;
  readonly code: Code | undefined;
  readonly declineCode: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly headers: Headers | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(details: ApiErrorDetails<Code>) {
    const what = [details.method, details.url].filter(Boolean).join(' ');
    const code = details.code ? ` ${details.code}` : '';
    super(`${details.status}${code}: ${details.message ?? 'request failed'}${what ? ` (${what})` : ''}`, details);
    this.status = details.status;
    this.code = details.code;
    this.declineCode = details.declineCode;
    this.requestId = details.requestId;
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

/**
 * The server answered with a redirect (3xx). The SDK never follows one: a redirect could carry the
 * credentials and idempotency key to another origin or turn a POST into a GET, so nothing more is sent.
 */
export class RedirectError<C extends string = string> extends ApiError<C> {
  override name = 'RedirectError';
  /** The `Location` the server pointed to (scrubbed), if any. */
  readonly location: string | undefined;
  constructor(details: ApiErrorDetails<C> & { location?: string | undefined }) {
    super(details);
    this.location = details.location;
  }
}

/**
 * A 2xx whose body is not the JSON object the spec documents: invalid, truncated, HTML or empty.
 * `body` holds the raw text (scrubbed, cut to 1000 characters). For a write, the server may have
 * acted on it: retry with `idempotencyKey` to learn the outcome without repeating it.
 */
export class UnreadableResponseError<C extends string = string> extends ApiError<C> { override name = 'UnreadableResponseError'; }

/** The request never got a response: DNS, refused or reset connection, TLS failure. */
export class ConnectionError extends PaymentsSdkError {
  override name = 'ConnectionError';
}

/** An attempt took longer than `timeoutMs` (waiting for a JustiFi token included). */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  constructor(
    readonly timeoutMs: number,
    /** 1-based number of the attempt that timed out. */
    readonly attempt: number,
    readonly attempts: number,
    idempotencyKey?: string,
  ) {
    super(`request timed out after ${timeoutMs} ms (attempt ${attempt} of ${attempts})`, { idempotencyKey });
  }
}

/** The caller's `signal` aborted the call; `cause` is the signal's reason. */
export class UserAbortError extends PaymentsSdkError {
  override name = 'UserAbortError';
  constructor(reason: unknown, idempotencyKey?: string) {
    super(`request aborted by the caller${reason instanceof Error && reason.message ? `: ${reason.message}` : ''}`, { cause: reason, idempotencyKey });
  }
}

/** Auto-pagination stopped because the server sent a cursor or a page it had already sent. */
export class PaginationLoopError extends PaymentsSdkError {
  override name = 'PaginationLoopError';
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
