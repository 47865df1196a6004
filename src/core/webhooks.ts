/**
 * Verifying a signed webhook delivery, for any HMAC-SHA256 scheme. Each API describes its scheme
 * (which headers, what is signed, how the secret becomes a key) and this module runs the checks in
 * the order that leaks least: raw body and secret first, then the headers, the timestamp window,
 * the signature over the exact bytes received, and only then JSON parsing.
 *
 * Web-standard only (`crypto.subtle`, `TextEncoder`, `atob`), so it runs in Node, Deno, Bun,
 * browsers and edge workers alike.
 */
import { RequestValidationError } from './errors.js';
import { WebhookVerificationError } from './webhook-error.js';

/** The raw request body, exactly as received: never a parsed object. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/** A `Headers` (fetch, edge runtimes) or a plain object in any case (Node's `req.headers`). */
export type WebhookHeaders = { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Options both verifiers take. */
export interface WebhookVerifyOptions {
  /** How far (either way) the signed timestamp may be from now, in seconds. Default 300. */
  toleranceSeconds?: number | undefined;
  /** The time to check the timestamp against. Default: the current time. */
  now?: Date | number | undefined;
}

/** What a scheme reads from the headers of one delivery. */
export interface SignedParts {
  /** When the sender signed the delivery, in ms since the epoch. */
  signedAtMs: number;
  /** The header the timestamp came from (named in tolerance errors). */
  timestampHeader: string;
  /** What the signed content holds before the body, e.g. `<timestamp>.`. */
  prefix: string;
  /** The decoded signatures offered; the delivery is genuine when any one matches. */
  signatures: Uint8Array[];
  /** The header the signatures came from (named in signature errors). */
  signatureHeader: string;
}

/** One API's signing scheme. */
export interface WebhookScheme {
  /** Turns one configured secret into an HMAC key; throws `invalid_secret` for an unusable one. */
  key(secret: string): Uint8Array;
  /** Reads the signature headers; throws `missing_header` / `malformed_header`. */
  read(header: HeaderReader): SignedParts;
}

/** Reads one header by name, case-insensitively; undefined when absent or empty. */
export type HeaderReader = (name: string) => string | undefined;

const defaultToleranceSeconds = 300;
const encoder = new TextEncoder();

/** Copies into a fresh ArrayBuffer-backed array (what `crypto.subtle` wants in every runtime). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

/** The body as bytes; a parsed object is refused because re-serialising it changes the signed bytes. */
export function rawBodyBytes(body: unknown): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  // Tested by shape, not instanceof, so bytes from another realm (a worker, a vm context) pass too.
  if (ArrayBuffer.isView(body) && Object.prototype.toString.call(body) === '[object Uint8Array]') {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  if (Object.prototype.toString.call(body) === '[object ArrayBuffer]') return new Uint8Array(body as ArrayBuffer);
  const what = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body === 'object' ? 'a parsed object' : `a ${typeof body}`;
  throw new WebhookVerificationError(
    'body_not_raw',
    `body must be the raw request body (a string or Uint8Array), got ${what}: parsing and re-serialising JSON changes the bytes the signature covers, so read the body as text or bytes before any JSON middleware`,
  );
}

/** A header lookup over `Headers` or a plain object, any case; a header sent twice is refused. */
export function headerReader(headers: WebhookHeaders): HeaderReader {
  if (headers === null || typeof headers !== 'object') {
    throw new RequestValidationError('headers', 'a Headers object or a plain object of header names to values');
  }
  if (typeof headers.get === 'function') {
    const h = headers as { get(name: string): string | null };
    return (name) => h.get(name)?.trim() || undefined;
  }
  const byLowerName = new Map<string, string | readonly string[] | undefined>();
  for (const [name, value] of Object.entries(headers)) byLowerName.set(name.toLowerCase(), value as string | readonly string[] | undefined);
  return (name) => {
    const value = byLowerName.get(name.toLowerCase());
    if (Array.isArray(value)) {
      if (value.length > 1) throw new WebhookVerificationError('malformed_header', `${name} header was sent ${value.length} times; expected once`, name);
      return (value[0] as string | undefined)?.trim() || undefined;
    }
    return typeof value === 'string' ? value.trim() || undefined : undefined;
  };
}

/** The header's value, or a `missing_header` rejection naming it (and its alternative name, if any). */
export function requireHeader(header: HeaderReader, name: string, alternative?: string): string {
  const value = header(name) ?? (alternative === undefined ? undefined : header(alternative));
  if (value === undefined) {
    throw new WebhookVerificationError('missing_header', `${name}${alternative ? ` (or ${alternative})` : ''} header is missing or empty`, name);
  }
  return value;
}

/** Compares two byte strings in time that depends only on their length, never on where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** HMAC-SHA256 with WebCrypto. */
export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('webhook verification needs WebCrypto (globalThis.crypto.subtle), which this runtime does not provide');
  const cryptoKey = await subtle.importKey('raw', own(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, own(message)));
}

/** Lower- or upper-case hex to bytes; undefined when it is not hex. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Standard (padded) base64 to bytes; undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function checkOptions(options: WebhookVerifyOptions): { toleranceMs: number; nowMs: number } {
  const tolerance = options.toleranceSeconds ?? defaultToleranceSeconds;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new RequestValidationError('toleranceSeconds', 'a finite number of seconds >= 0');
  }
  const now = options.now ?? Date.now();
  const nowMs = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : NaN;
  if (!Number.isFinite(nowMs)) throw new RequestValidationError('now', 'a valid Date or a number of ms since the epoch');
  return { toleranceMs: tolerance * 1000, nowMs };
}

function checkTimestamp(parts: SignedParts, nowMs: number, toleranceMs: number): void {
  const ageMs = nowMs - parts.signedAtMs;
  if (Math.abs(ageMs) <= toleranceMs) return;
  const seconds = Math.round(Math.abs(ageMs) / 1000);
  const direction = ageMs > 0 ? 'in the past (a replayed or long-delayed delivery?)' : 'in the future (is a clock wrong?)';
  throw new WebhookVerificationError(
    'timestamp_outside_tolerance',
    `${parts.timestampHeader} is ${seconds} s ${direction}; the tolerance is ${toleranceMs / 1000} s`,
    parts.timestampHeader,
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** UTF-8 JSON holding an object, or an `unreadable_body` rejection. */
function parseEventObject(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new WebhookVerificationError('unreadable_body', 'the body is signed correctly but is not UTF-8 JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WebhookVerificationError('unreadable_body', 'the body is signed correctly but is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * Runs every check of one delivery and resolves to the parsed event object. `secret` may list
 * several secrets (during a rotation); the delivery is genuine when any of them signed it.
 */
export async function verifyWebhook(
  scheme: WebhookScheme,
  body: WebhookBody,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: WebhookVerifyOptions = {},
): Promise<Record<string, unknown>> {
  const raw = rawBodyBytes(body);
  const { toleranceMs, nowMs } = checkOptions(options ?? {});
  const secrets = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? secret : [];
  if (secrets.length === 0 || !secrets.every((s) => typeof s === 'string')) {
    throw new WebhookVerificationError('invalid_secret', 'secret must be a string or a non-empty array of strings');
  }
  const keys = secrets.map((s) => scheme.key(s));
  const parts = scheme.read(headerReader(headers));
  checkTimestamp(parts, nowMs, toleranceMs);
  const signed = concat(encoder.encode(parts.prefix), raw);
  let matched = false;
  for (const key of keys) {
    const expected = await hmacSha256(key, signed);
    // Every offered signature is compared, so the time taken does not say which one was close.
    for (const candidate of parts.signatures) matched = timingSafeEqual(candidate, expected) || matched;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      'bad_signature',
      `no signature in ${parts.signatureHeader} matches the body: a wrong secret, or the body was changed (verify the raw body as received, before any parsing)`,
      parts.signatureHeader,
    );
  }
  return parseEventObject(raw);
}
