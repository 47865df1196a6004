/** `createJustifiClient`: the JustiFi API v1 with auth, idempotency, retries and pagination built in. */
import { type Client, createClient } from '../core/openapi-fetch.js';
import { createCaller } from '../core/caller.js';
import { bindMethods } from '../core/operation-table.js';
import { RequestValidationError } from '../core/errors.js';
import { Secret, SecretScrubber } from '../core/redact.js';
import { type TransportClientOptions, transportOptionsFrom } from '../core/client-options.js';
import { assertHeader } from '../core/header-values.js';
import { createTransport } from '../core/transport.js';
import type { paths } from '../../generated/justifi-v1.js';
import { createTokenAuth } from './auth.js';
import { type SdkResources as JustifiResources, sdkMethods } from '../../generated/justifi-v1.sdk.js';
import { createJustifiSender, type JustifiRequestOptions } from './context.js';
import { parseJustifiError } from './errors.js';

export const defaultJustifiBaseUrl = 'https://api.justifi.ai/v1';

export interface JustifiClientOptions extends TransportClientOptions {
  /** Client id from the JustiFi app's Developer Tools (`test_…` or `live_…`). */
  clientId: string;
  /** Client secret; never logged, never part of an error. */
  clientSecret: string;
  /** Default `Sub-Account` header, for platforms acting for one sub account. */
  subAccount?: string | undefined;
  /** Resource base URL. Default `https://api.justifi.ai/v1`; for a Prism mock, its root URL. */
  baseUrl?: string | undefined;
  /** Token endpoint. Default: `/oauth/token` on the origin of `baseUrl`. */
  tokenUrl?: string | undefined;
}

export type JustifiClient = JustifiResources & {
  /** `'test'` for `test_` keys, `'live'` otherwise: live keys move real money. */
  readonly mode: 'test' | 'live';
  /** The typed openapi-fetch client underneath, with the same auth, idempotency and retry stack. */
  readonly raw: Client<paths>;
};

function required(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new RequestValidationError(field, 'is required (a non-empty string)');
  return value;
}

/**
 * Creates a JustiFi API client. Nothing is sent until the first call. Every option is checked here
 * (a `RequestValidationError` names the one that is wrong), and a browser page is refused unless
 * `dangerouslyAllowBrowser: true`: the client secret would be readable there.
 */
export function createJustifiClient(options: JustifiClientOptions): JustifiClient {
  const scrubber = new SecretScrubber();
  const shared = transportOptionsFrom(options ?? {}, scrubber, 'JustiFi client secret');
  const clientId = required(options?.clientId, 'clientId');
  const clientSecret = new Secret(required(options.clientSecret, 'clientSecret'));
  scrubber.add(clientSecret.reveal());
  if (options.subAccount !== undefined) assertHeader('Sub-Account', options.subAccount, 'subAccount');
  const baseUrl = (options.baseUrl ?? defaultJustifiBaseUrl).replace(/\/+$/, '');
  let tokenUrl: string;
  try {
    tokenUrl = options.tokenUrl ?? new URL('/oauth/token', baseUrl).toString();
  } catch {
    throw new RequestValidationError('baseUrl', 'must be an absolute URL');
  }

  const tokenTransport = createTransport(shared);
  const auth = createTokenAuth({ clientId, clientSecret, tokenUrl, transport: tokenTransport, scrubber, logger: shared.logger });
  const writes = ['POST', 'PATCH'] as const;
  const transport = createTransport({ ...shared, auth, idempotency: { header: 'Idempotency-Key', methods: writes } });
  const raw = createClient<paths>({ baseUrl, fetch: (request: Request) => transport(request) });

  const caller = createCaller<JustifiRequestOptions>({
    raw,
    transport,
    idempotency: { header: 'Idempotency-Key', methods: writes, minLength: 1 },
    scopeHeaders: (o) => ({ 'Sub-Account': o.subAccount ?? options.subAccount }),
    scopeHint: { 'Sub-Account': '`subAccount` in the client or call options' },
    parseError: parseJustifiError,
    unwrap: (body) => (body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body),
    scrubber,
  });
  // `accessTokens.create`: the token exchange, sent as it is to `tokenUrl` (no bearer token, no idempotency key).
  const tokenCaller = createCaller<JustifiRequestOptions>({
    raw: createClient<paths>({ baseUrl: tokenUrl, fetch: (request: Request) => tokenTransport(request) }),
    transport: tokenTransport,
    idempotency: { header: 'Idempotency-Key', methods: [], minLength: 1 },
    scopeHeaders: () => ({}),
    parseError: parseJustifiError,
    unwrap: (body) => body,
    scrubber,
  });

  const client = bindMethods<JustifiResources>(sdkMethods, createJustifiSender(caller, tokenCaller));
  const mode = clientId.startsWith('test_') ? 'test' : 'live';
  return Object.defineProperties(client as JustifiClient, {
    mode: { value: mode, enumerable: true },
    raw: { value: raw, enumerable: false },
  });
}
