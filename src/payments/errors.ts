/** Payments API error bodies, as observed: `{"type", "code", "message", "argument_errors": [...]}`. */
import type { ApiErrorDetails } from '../core/errors.js';

export function parsePaymentsError(body: unknown): Pick<ApiErrorDetails, 'code' | 'message' | 'declineCode'> {
  if (body && typeof body === 'object') {
    const { code, message, argument_errors } = body as Record<string, unknown>;
    const args = Array.isArray(argument_errors)
      ? argument_errors
          .map((e) => (e && typeof e === 'object' ? Object.values(e as Record<string, unknown>).filter((v) => typeof v === 'string').join(': ') : String(e)))
          .filter(Boolean)
      : [];
    const text = typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : undefined;
    return {
      code: typeof code === 'string' ? code : typeof code === 'number' ? String(code) : undefined,
      message: [text, ...args].filter(Boolean).join('; ') || undefined,
    };
  }
  if (typeof body === 'string' && body.trim()) return { message: body.trim().split('\n')[0]!.slice(0, 200) };
  return {};
}
