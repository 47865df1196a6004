/**
 * JustiFi error bodies: `{"error": {"code": "...", "message": "...", "decline_code": "..."}}`, and
 * the error classes as `payments-sdk/justifi` exports them: the very same classes as the core's
 * (so `instanceof` works whichever entry a class came from), typed so that after
 * `e instanceof PaymentRequiredError`, `e.code` is JustiFi's documented `ErrorCode` union.
 */
import * as core from '../core/errors.js';
import type { ApiErrorDetails } from '../core/errors.js';
import type { components } from '../../generated/justifi-v1.js';

/** Every code in JustiFi's documented error-code table. */
export type JustifiErrorCode = components['schemas']['ErrorCode'];

/** An `ApiError` from the JustiFi API, its `code` typed as the documented union. */
export type JustifiApiError = core.ApiError<JustifiErrorCode>;

/**
 * A core error class seen through JustiFi's types. `instanceof` narrows to the type of a class's
 * `prototype`, which for a generic class is `Class<any>`: typing `prototype` is what makes
 * `e.code` a `JustifiErrorCode` instead of `any`.
 */
export interface JustifiErrorClass<E> {
  new (details: ApiErrorDetails<JustifiErrorCode>): E;
  readonly prototype: E;
}

const typed = <E>(ErrorClass: unknown) => ErrorClass as JustifiErrorClass<E>;

export const ApiError = typed<core.ApiError<JustifiErrorCode>>(core.ApiError);
export type ApiError<C extends string = JustifiErrorCode> = core.ApiError<C>;
export const BadRequestError = typed<core.BadRequestError<JustifiErrorCode>>(core.BadRequestError);
export type BadRequestError<C extends string = JustifiErrorCode> = core.BadRequestError<C>;
export const AuthenticationError = typed<core.AuthenticationError<JustifiErrorCode>>(core.AuthenticationError);
export type AuthenticationError<C extends string = JustifiErrorCode> = core.AuthenticationError<C>;
export const PaymentRequiredError = typed<core.PaymentRequiredError<JustifiErrorCode>>(core.PaymentRequiredError);
export type PaymentRequiredError<C extends string = JustifiErrorCode> = core.PaymentRequiredError<C>;
export const PermissionDeniedError = typed<core.PermissionDeniedError<JustifiErrorCode>>(core.PermissionDeniedError);
export type PermissionDeniedError<C extends string = JustifiErrorCode> = core.PermissionDeniedError<C>;
export const NotFoundError = typed<core.NotFoundError<JustifiErrorCode>>(core.NotFoundError);
export type NotFoundError<C extends string = JustifiErrorCode> = core.NotFoundError<C>;
export const ConflictError = typed<core.ConflictError<JustifiErrorCode>>(core.ConflictError);
export type ConflictError<C extends string = JustifiErrorCode> = core.ConflictError<C>;
export const UnprocessableEntityError = typed<core.UnprocessableEntityError<JustifiErrorCode>>(core.UnprocessableEntityError);
export type UnprocessableEntityError<C extends string = JustifiErrorCode> = core.UnprocessableEntityError<C>;
export const RateLimitError = typed<core.RateLimitError<JustifiErrorCode>>(core.RateLimitError);
export type RateLimitError<C extends string = JustifiErrorCode> = core.RateLimitError<C>;
export const InternalServerError = typed<core.InternalServerError<JustifiErrorCode>>(core.InternalServerError);
export type InternalServerError<C extends string = JustifiErrorCode> = core.InternalServerError<C>;
export const RedirectError = typed<core.RedirectError<JustifiErrorCode>>(core.RedirectError);
export type RedirectError<C extends string = JustifiErrorCode> = core.RedirectError<C>;
export const UnreadableResponseError = typed<core.UnreadableResponseError<JustifiErrorCode>>(core.UnreadableResponseError);
export type UnreadableResponseError<C extends string = JustifiErrorCode> = core.UnreadableResponseError<C>;

export function parseJustifiError(body: unknown): Pick<ApiErrorDetails, 'code' | 'message' | 'declineCode'> {
  const error = (body as { error?: unknown } | undefined)?.error;
  if (error && typeof error === 'object') {
    const { code, message, decline_code } = error as Record<string, unknown>;
    return {
      code: typeof code === 'string' ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
      declineCode: typeof decline_code === 'string' ? decline_code : undefined,
    };
  }
  // Non-JSON bodies (an HTML page from a proxy, say) keep their first line as the message.
  if (typeof body === 'string' && body.trim()) return { message: body.trim().split('\n')[0]!.slice(0, 200) };
  return {};
}
