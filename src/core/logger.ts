/**
 * Structured log events. A logger is a plain function so any logging library fits:
 * `logger: (e) => pino.debug(e)` or `logger: console.log`. Events never carry credentials.
 */

export type LogEvent =
  | { type: 'request'; method: string; url: string; attempt: number; headers: Record<string, string>; idempotencyKey?: string | undefined }
  | { type: 'response'; method: string; url: string; attempt: number; status: number; elapsedMs: number; requestId?: string | undefined }
  | { type: 'retry'; method: string; url: string; attempt: number; reason: string; delayMs: number }
  | { type: 'error'; method: string; url: string; attempt: number; error: string; elapsedMs: number }
  | { type: 'token'; action: 'fetch' | 'drop'; reason?: string };

export type Logger = (event: LogEvent) => void;

/**
 * The logger as the SDK calls it: whatever the caller's logger throws (or an async logger rejects
 * with) is dropped, so logging can never add an attempt, leave a timer running or change a result.
 */
export function safeLogger(logger: Logger | undefined): Logger | undefined {
  if (!logger) return undefined;
  return (event) => {
    try {
      const result: unknown = logger(event);
      if (result && typeof (result as PromiseLike<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, () => undefined);
    } catch {
      // A broken logger is the caller's bug to find; it must not become a failed payment.
    }
  };
}
