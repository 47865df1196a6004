/**
 * The clients under test, each pointed at the benchmark server and doing the same request the way
 * its users would write it: our SDK, bare openapi-fetch with the generated types, raw `fetch`, and
 * JustiFi's own Node SDK. The bare variants fetch the token once up front and check `ok`, as any
 * real caller must; they skip what the SDK adds (retries, timeouts, redaction, typed errors).
 */
import createClient from 'openapi-fetch';
import type { paths as JustifiPaths } from '../generated/justifi-v1.js';
import type { paths as PaymentsPaths } from '../generated/payments-v1.3.js';
import { createJustifiClient } from '../src/justifi/index.js';
import { createPaymentsClient } from '../src/payments/index.js';
import type { Call } from './measure.js';
import { createPeerClient } from './peer-sdk.js';

export const paymentId = 'py_123xyz';
export const paymentIntentId = 'pi_2x8Xo1EGkvU0xoRBsZbTXN';
const credentials = { clientId: 'test_bench_client', clientSecret: 'bench_client_secret' };
const apiKey = 'bench_api_key_0123456789';
const accountId = 'acc_5Xo8yJmYVb2rGq1cT4nW7e';

/** The three ways to make the same call, compared for per-call overhead. */
export type OverheadVariant = 'sdk' | 'openapi_fetch' | 'raw_fetch';

export interface Clients {
  justifiGet: Record<OverheadVariant, Call>;
  paymentsGet: Record<OverheadVariant, Call>;
  peer: { sdkGet: Call; peerGet: Call; sdkList: Call; peerList: Call };
  /** The JustiFi SDK itself, for pagination. */
  justifi: ReturnType<typeof createJustifiClient>;
  /** `Authorization` header value for bare callers. */
  authorization: string;
}

function failed(response: Response): Error {
  return new Error(`benchmark server answered ${response.status} for ${response.url}`);
}

/** A JustiFi bearer token from the server, fetched the way a bare caller would. */
export async function fetchToken(origin: string): Promise<string> {
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: credentials.clientId, client_secret: credentials.clientSecret }),
  });
  if (!response.ok) throw failed(response);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** `origin` is the server's root; JustiFi resources live under `${origin}/v1`. */
export async function createClients(origin: string): Promise<Clients> {
  const justifiBase = `${origin}/v1`;
  const authorization = `Bearer ${await fetchToken(origin)}`;

  const justifi = createJustifiClient({ ...credentials, baseUrl: justifiBase });
  const justifiBare = createClient<JustifiPaths>({ baseUrl: justifiBase, headers: { Authorization: authorization } });
  const pay = createPaymentsClient({ apiKey, accountId, baseUrl: origin });
  const payBare = createClient<PaymentsPaths>({ baseUrl: origin, headers: { 'x-api-key': apiKey } });
  const peer = createPeerClient(origin, credentials);

  return {
    justifi,
    authorization,
    justifiGet: {
      sdk: () => justifi.payments.get(paymentId),
      openapi_fetch: async () => {
        const { data, response } = await justifiBare.GET('/payments/{id}', { params: { path: { id: paymentId } } });
        if (!data) throw failed(response);
        return data.data;
      },
      raw_fetch: async () => {
        const response = await fetch(`${justifiBase}/payments/${encodeURIComponent(paymentId)}`, { headers: { Authorization: authorization } });
        if (!response.ok) throw failed(response);
        return ((await response.json()) as { data: unknown }).data;
      },
    },
    paymentsGet: {
      sdk: () => pay.paymentIntents.get(paymentIntentId),
      openapi_fetch: async () => {
        const { data, response } = await payBare.GET('/payment_intents/{id}', {
          params: { path: { id: paymentIntentId }, header: { 'x-account-id': accountId } },
        });
        if (!data) throw failed(response);
        return data;
      },
      raw_fetch: async () => {
        const response = await fetch(`${origin}/payment_intents/${encodeURIComponent(paymentIntentId)}`, {
          headers: { 'x-api-key': apiKey, 'x-account-id': accountId },
        });
        if (!response.ok) throw failed(response);
        return response.json();
      },
    },
    peer: {
      sdkGet: () => justifi.payments.get(paymentId),
      peerGet: () => peer.getPayment(paymentId),
      // No `limit`: the peer's typed filters have none, so both get the server's default page.
      sdkList: () => justifi.payments.list(),
      peerList: () => peer.listPayments(),
    },
  };
}
