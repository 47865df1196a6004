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
