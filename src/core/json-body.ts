/**
 * Reading a successful response body. Every 2xx in both specs documents a JSON object, so anything
 * else (empty, invalid or cut-off JSON, an HTML page from a proxy, a bare `null`) is an
 * `UnreadableResponseError` carrying status, request id, the raw text and the idempotency key,
 * never a raw `SyntaxError` and never `undefined` passed off as a result.
 */
import { UnreadableResponseError } from './errors.js';
import type { SecretScrubber } from './redact.js';

/** How much of an unreadable body an error keeps: enough to recognise it, not a whole page. */
const keptChars = 1000;

export interface BodyContext {
  response: Response;
  method: string;
  idempotencyKey: string | undefined;
  scrubber: SecretScrubber;
}

/** The parsed JSON object of a 2xx body, or an `UnreadableResponseError`. */
export function readJsonObject(text: string, context: BodyContext): Record<string, unknown> {
  let problem: string;
  if (!/\S/.test(text)) problem = 'is empty';
  else {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      problem = `is JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}, not an object`;
    } catch {
      // Not the SyntaxError's message: V8 quotes a slice of the text there, which could hold part
      // of a secret that scrubbing no longer recognises. The scrubbed text is kept in `body`.
      problem = 'is not valid JSON';
    }
  }
  throw unreadableResponse(text, problem, context);
}

/** The error for a 2xx body that is not what the API documents; `problem` completes "response body …". */
export function unreadableResponse(text: string, problem: string, { response, method, idempotencyKey, scrubber }: BodyContext): UnreadableResponseError {
  const contentType = response.headers.get('content-type');
  // Scrubbed before it is cut, so a secret straddling the cut cannot leave a recognisable half.
  const clean = scrubber.scrub(text);
  return new UnreadableResponseError({
    status: response.status,
    message: scrubber.scrub(`response body${contentType ? ` (${contentType})` : ''} ${problem}`),
    requestId: response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined,
    idempotencyKey,
    body: clean.length > keptChars ? `${clean.slice(0, keptChars)}…` : clean,
    headers: scrubber.scrubHeaders(response.headers),
    method,
    url: response.url ? scrubber.scrub(response.url) : undefined,
  });
}
