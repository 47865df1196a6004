/**
 * Keeping secrets (client secret, access token, API key) out of errors, logs and snapshots.
 *
 * Two layers: a `Secret` box that prints as `[REDACTED]` however it is serialised, and a
 * `scrub` pass over any text that might echo a secret back (a server message, a URL).
 */

export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials. */
const secretHeaders = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie']);
/** JSON body fields whose values are credentials. */
const secretFields = ['client_secret', 'access_token', 'api_key', 'refresh_token'];
const secretFieldPattern = new RegExp(`("(?:${secretFields.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Holds a credential; only `reveal()` gives it back. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [inspectSymbol](): string {
    return REDACTED;
  }
}

/** Header map safe to log: credential headers replaced by `[REDACTED]`. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) out[name] = secretHeaders.has(name.toLowerCase()) ? REDACTED : value;
  return out;
}

/** JSON text with credential fields (`client_secret`, `access_token`, …) replaced. */
export function redactJsonText(text: string): string {
  return text.replace(secretFieldPattern, `$1"${REDACTED}"`);
}

/** Knows a client's secrets and removes every occurrence of them from any text. */
export class SecretScrubber {
  readonly #secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would blank out ordinary words; real credentials are long.
    if (secret && secret.length >= 6) this.#secrets.add(secret);
  }

  scrub(text: string): string {
    let out = redactJsonText(text);
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** Scrubs every string inside a parsed JSON value (for error bodies kept on errors). */
  scrubValue<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.scrubValue(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = secretFields.includes(k) ? REDACTED : this.scrubValue(v);
      return out as T;
    }
    return value;
  }

  [inspectSymbol](): string {
    return `SecretScrubber(${this.#secrets.size} secrets)`;
  }

  toJSON(): string {
    return `SecretScrubber(${this.#secrets.size} secrets)`;
  }
}
