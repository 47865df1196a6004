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
/** Secrets this long are scrubbed wherever they occur; shorter ones as whole tokens (see SecretScrubber). */
const longSecret = 8;

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

/**
 * Knows a client's secrets and removes every occurrence of them from any text.
 *
 * Every registered secret is scrubbed, whatever its length. A secret of 8 or more characters is
 * replaced wherever it appears: text never contains it by chance. A shorter one (a 3-character test
 * API key, say) is replaced wherever it stands as a whole token, i.e. not inside a longer run of
 * letters, digits, `_` or `-`: that catches every echo of it (a header value, a JSON string, a
 * quoted word) without turning the "abc" of "abcde" in an ordinary message into `[REDACTED]`.
 */
export class SecretScrubber {
  readonly #secrets = new Set<string>();
  #short: RegExp | undefined;

  add(secret: string | undefined): void {
    if (!secret || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    const short = [...this.#secrets].filter((s) => s.length < longSecret).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.#short = short.length ? new RegExp(`(?<![\\w-])(?:${short.join('|')})(?![\\w-])`, 'g') : undefined;
  }

  scrub(text: string): string {
    let out = redactJsonText(text);
    for (const secret of this.#secrets) if (secret.length >= longSecret && out.includes(secret)) out = out.split(secret).join(REDACTED);
    return this.#short ? out.replace(this.#short, REDACTED) : out;
  }

  /** Scrubs every string inside a parsed JSON value, keys included (for error bodies kept on errors). */
  scrubValue<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.scrubValue(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.scrub(k)] = secretFields.includes(k) ? REDACTED : this.scrubValue(v);
      return out as T;
    }
    return value;
  }

  /** A copy of response headers safe to keep on an error: credential headers redacted, values scrubbed. */
  scrubHeaders(headers: Headers): Headers {
    const out = new Headers();
    for (const [name, value] of Object.entries(redactHeaders(headers))) out.append(name, this.scrub(value));
    return out;
  }

  [inspectSymbol](): string {
    return `SecretScrubber(${this.#secrets.size} secrets)`;
  }

  toJSON(): string {
    return `SecretScrubber(${this.#secrets.size} secrets)`;
  }
}
