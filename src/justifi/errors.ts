/** JustiFi error bodies: `{"error": {"code": "...", "message": "...", "decline_code": "..."}}`. */
import type { ApiError, ApiErrorDetails } from '../core/errors.js';
import type { components } from '../../generated/justifi-v1.js';

/** Every code in JustiFi's documented error-code table. */
export type JustifiErrorCode = components['schemas']['ErrorCode'];

/** An `ApiError` from the JustiFi API, its `code` typed as the documented union. */
export type JustifiApiError = ApiError<JustifiErrorCode>;

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
